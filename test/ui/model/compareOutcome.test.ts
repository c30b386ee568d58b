import { describe, expect, it } from 'vitest';
import type { Metrics, Timeline } from '../../../src/sim';
import { matchingFrame, outcomeDifferences } from '../../../src/ui/model/compareOutcome';
import { scoreFigures } from '../../../src/ui/model/scoreFigures';

const tl = (frames: number, stepStarts: number[]) => ({ frames: Array.from({ length: frames }), stepStarts }) as unknown as Timeline;

const metrics = (over: Partial<Metrics>): Metrics => ({ time: 0, mails: [], lost: [], deletedByUser: [], bounced: [], usage: [], exposure: { mails: 0, places: [] }, views: [], syncs: [], ...over });

describe('comparing two variants', () => {
  it('matches frames by step and by the change within the step', () => {
    const a = tl(10, [1, 4, 7]);
    const b = tl(14, [1, 6, 11]);
    expect(matchingFrame(a, b, 0)).toBe(0);
    expect(matchingFrame(a, b, 5)).toBe(7);
    // A step that is shorter in the other variant stops at its last change.
    const c = tl(9, [1, 4, 5]);
    expect(matchingFrame(a, c, 6)).toBe(4);
  });
  it('states what differs in the outcome', () => {
    const a = metrics({ lost: ['m1', 'm2'], exposure: { mails: 0, places: [] } });
    const b = metrics({ lost: [], exposure: { mails: 2, places: [] } });
    expect(outcomeDifferences(a, b)).toEqual([
      { what: 'lost', a: 2, b: 0 },
      { what: 'exposure', a: 0, b: 2 },
    ]);
    expect(outcomeDifferences(a, a)).toEqual([]);
  });
});

describe('scorecard figures', () => {
  it('counts copies per present mail, leaving the intruder\u2019s copies out', () => {
    const f = scoreFigures(
      metrics({
        mails: [
          { mail: 'm1', status: 'present', places: [{ place: 'server/a/INBOX', copies: 1 }, { place: 'device/l/INBOX', copies: 1 }, { place: 'intruder', copies: 1 }] },
          { mail: 'm2', status: 'present', places: [{ place: 'device/l/Inbox', copies: 2 }] },
          { mail: 'm3', status: 'queued', places: [{ place: 'queue', copies: 1 }] },
        ],
      }),
    );
    expect(f.copies).toEqual({ min: 2, max: 2, avg: 2 });
    expect(f.queued).toBe(1);
  });
});
