// Mails with no copy left for their owner, read straight from a frame's state.
// metricsOf says the same (metrics.lost) but computes every figure at once,
// which is too slow to run on every animation frame of a 1,000-mail scenario.
// Mirrors isLost in src/sim/model/state.ts.
import type { WorldState } from '../../sim';

export function lostMails(s: WorldState): string[] {
  const out: string[] = [];
  for (const id of s.mails.keys()) if ((s.ownerCopies.get(id) ?? 0) === 0 && !s.deletedByUser.has(id) && !s.bounced.has(id)) out.push(id);
  return out;
}
