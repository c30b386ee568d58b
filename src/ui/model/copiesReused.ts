// Every place's copies at a frame, as the simulation's copiesByPlace lists them
// (places sorted, copies in their folder's order), with each folder's list made
// once. A frame's state shares every folder its changes did not touch with the
// state before it (derivedState.ts), so while playing only the folder a change
// touches is listed again: the largest scenario's server inbox and its backup
// (1,200 copies each) were listed anew at every change, about 2 ms a change in
// Node and 5 to 6 ms at 4× in the browser. An unchanged place keeps its very
// list, which the scene reads as "nothing entered here" (scene.ts).
import type { Copy, PlacedCopy, WorldState } from '../../sim';

type Folder = ReadonlyMap<string, Copy>;

/** copiesByPlace's reader for one session: its folders' lists are remembered while their folders live. */
export function copiesReused(): (state: Pick<WorldState, 'places'>) => Map<string, readonly PlacedCopy[]> {
  const lists = new WeakMap<Folder, readonly PlacedCopy[]>();
  const listOf = (folder: Folder) => {
    let list = lists.get(folder);
    if (!list) lists.set(folder, (list = Array.from(folder, ([key, copy]) => ({ ...copy, key }))));
    return list;
  };
  return (state) => {
    const out = new Map<string, readonly PlacedCopy[]>();
    for (const place of [...state.places.keys()].sort()) out.set(place, listOf(state.places.get(place)!));
    return out;
  };
}
