// Read-only views of a frame's state for the picture and the CLI.
import type { PlaceId } from '../model/places';
import type { Copy, WorldState } from '../model/state';

export interface PlacedCopy extends Copy {
  readonly key: string;
}

/** Every place with its copies, in a stable order (places sorted, copies in their folder's order). */
export function copiesByPlace(state: WorldState): Map<PlaceId, PlacedCopy[]> {
  const out = new Map<PlaceId, PlacedCopy[]>();
  for (const place of [...state.places.keys()].sort()) {
    const folder = state.places.get(place)!;
    out.set(
      place,
      [...folder.entries()].map(([key, copy]) => ({ ...copy, key })),
    );
  }
  return out;
}
