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

// The scorecard renders at every change while playing (and a transition may render it more than once):
// the figures of one frame's metrics are counted once. Counted in one pass without a list per mail, a
// mailbox of 1,200 mails took some 5 ms of a 4× throttled laptop's change in filters and sums.
const known = new WeakMap<Metrics, ScoreFigures>();

export function scoreFigures(m: Metrics): ScoreFigures {
  let f = known.get(m);
  if (!f) known.set(m, (f = countFigures(m)));
  return f;
}

function countFigures(m: Metrics): ScoreFigures {
  let queued = 0;
  let present = 0;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const w of m.mails) {
    if (w.status === 'queued') queued++;
    if (w.status !== 'present') continue;
    let n = 0;
    for (const p of w.places) if (p.place !== 'intruder') n += p.copies;
    present++;
    sum += n;
    if (n < min) min = n;
    if (n > max) max = n;
  }
  const copies = present ? { min, max, avg: sum / present } : null;
  return { lost: m.lost.length, bounced: m.bounced.length, deleted: m.deletedByUser.length, queued, copies, exposure: m.exposure.mails };
}
