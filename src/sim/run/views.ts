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

export interface BackupGenerationsView {
  /** Each kept generation: when it was taken and the day it belongs to. */
  readonly taken: readonly { readonly at: number; readonly day: number }[];
  /** Per server backup place: each mail with the span of generations holding it (indexes into `taken`), and a count per generation. */
  readonly places: readonly {
    readonly place: PlaceId;
    readonly mails: readonly { readonly mail: string; readonly from: number; readonly to: number }[];
    readonly counts: readonly number[];
  }[];
}

/**
 * The server's backup generations at a frame, compactly: the generations
 * share their copies (a copy says the first and last generation holding it),
 * so this is read from the backup places without one copy per night.
 */
export function backupGenerations(state: WorldState): BackupGenerationsView {
  const times = state.serverBackups;
  const taken = times.map((at) => ({ at, day: Math.floor(at / 1440) + 1 }));
  const places: BackupGenerationsView['places'][number][] = [];
  for (const place of [...state.places.keys()].filter((p) => p.startsWith('backup/server/')).sort()) {
    const counts = times.map(() => 0);
    const mails: { mail: string; from: number; to: number }[] = [];
    for (const copy of state.places.get(place)!.values()) {
      let from = -1;
      let to = -1;
      times.forEach((g, i) => {
        if ((copy.since ?? 0) <= g && (copy.until === undefined || g <= copy.until)) {
          if (from < 0) from = i;
          to = i;
          counts[i]++;
        }
      });
      if (from >= 0) mails.push({ mail: copy.mail, from, to });
    }
    places.push({ place, mails, counts });
  }
  return { taken, places };
}
