// The transcript's window of lines while a long step plays: at least 120 lines
// (or the whole step so far), its start moving only at whole blocks of changes,
// so most changes only add lines at the end and the lines shown keep their places.
import { describe, expect, it } from 'vitest';
import { windowStart } from '../../../src/ui/components/TranscriptPanel';

describe('the transcript window', () => {
  const from = 100;
  // Changes of 1 to 7 lines each.
  const linesOf = (i: number) => 1 + (i % 7);
  const sum = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, k) => linesOf(a + k)).reduce((x, y) => x + y, 0);

  it('shows the whole step while it is short, and at least 120 lines once it is long', () => {
    expect(windowStart(linesOf, from, from + 5)).toBe(from);
    for (let f = from; f < from + 300; f++) {
      const start = windowStart(linesOf, from, f);
      expect(start).toBeGreaterThanOrEqual(from);
      expect(start === from || sum(start, f) >= 120).toBe(true);
      // Never more than a block of changes beyond what 120 lines need.
      expect(sum(start + 8, f)).toBeLessThan(120 + 7 * 8);
    }
  });

  it('moves its start only every eighth change while playing on', () => {
    const starts = Array.from({ length: 200 }, (_, k) => windowStart(linesOf, from, from + 100 + k));
    const moves = starts.filter((s, k) => k > 0 && s !== starts[k - 1]).length;
    expect(moves).toBeGreaterThan(0);
    expect(moves).toBeLessThanOrEqual(Math.ceil(200 / 8));
    for (const s of starts) expect((s - from) % 8).toBe(0);
  });
});

describe('the transcript window at rest', () => {
  it('with blocks of one change, starts at the change where 120 lines are reached, as the newest 120 lines need', () => {
    const linesOf = (i: number) => 1 + (i % 7);
    for (const f of [150, 173, 260]) {
      const start = windowStart(linesOf, 100, f, 1);
      let count = 0;
      for (let i = f; i > start; i--) count += linesOf(i);
      expect(count).toBeLessThan(120);
      expect(count + linesOf(start)).toBeGreaterThanOrEqual(120);
    }
  });
});
