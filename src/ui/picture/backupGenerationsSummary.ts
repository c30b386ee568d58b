// The provider's backup generations at one frame, summed up for the strip
// under the picture: per night kept, how many messages its backup holds, and
// how many messages exist only in the backups any more (rule 81). Pure.
import { backupGenerations, placeKind, type WorldState } from '../../sim';

export interface GenerationsSummary {
  /** Oldest first: the day each kept generation was taken (at 02:00), and how many messages it holds. */
  readonly nights: readonly { readonly day: number; readonly mails: number }[];
  /** Distinct messages held by any generation. */
  readonly mails: number;
  /** Of those, how many are on the server no more. */
  readonly onlyInBackups: number;
}

export function summariseGenerations(state: WorldState): GenerationsSummary {
  const view = backupGenerations(state);
  const nights = view.taken.map((g, i) => ({ day: g.day, mails: view.places.reduce((n, p) => n + (p.counts[i] ?? 0), 0) }));
  const inBackups = new Set<string>();
  for (const p of view.places) for (const m of p.mails) inBackups.add(m.mail);
  const onServer = new Set<string>();
  for (const [place, folder] of state.places) if (placeKind(place) === 'server') for (const copy of folder.values()) onServer.add(copy.mail);
  let onlyInBackups = 0;
  for (const mail of inBackups) if (!onServer.has(mail)) onlyInBackups++;
  return { nights, mails: inBackups.size, onlyInBackups };
}
