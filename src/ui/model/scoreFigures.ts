// The scorecard's figures for one frame, from the simulation's metrics. Pure, so
// the browser test and the unit tests can compute the same numbers.
import type { Metrics } from '../../sim';

export interface ScoreFigures {
  readonly lost: number;
  readonly bounced: number;
  readonly deleted: number;
  readonly queued: number;
  /** Copies a mail has where its owner can reach it (the intruder's do not count), over mails that still exist. */
  readonly copies: { readonly min: number; readonly max: number; readonly avg: number } | null;
  readonly exposure: number;
}

export function scoreFigures(m: Metrics): ScoreFigures {
  const counts: number[] = [];
  let queued = 0;
  for (const w of m.mails) {
    if (w.status === 'queued') queued++;
    if (w.status !== 'present') continue;
    counts.push(w.places.filter((p) => p.place !== 'intruder').reduce((n, p) => n + p.copies, 0));
  }
  const copies = counts.length
    ? { min: Math.min(...counts), max: Math.max(...counts), avg: counts.reduce((a, b) => a + b, 0) / counts.length }
    : null;
  return { lost: m.lost.length, bounced: m.bounced.length, deleted: m.deletedByUser.length, queued, copies, exposure: m.exposure.mails };
}
