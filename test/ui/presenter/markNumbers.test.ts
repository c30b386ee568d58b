import { describe, expect, it } from 'vitest';
import { numberedMarks } from '../../../src/ui/presenter/markNumbers';

describe('numbers under the presenter timeline', () => {
  it('shows every number when the marks are far apart', () => {
    expect([...numberedMarks([0, 50, 100, 150], 1, 16)].sort((a, b) => a - b)).toEqual([0, 1, 2, 3]);
  });

  it('leaves out a number that would run into the one before it', () => {
    // Marks at 0, 5, 10 and 40 px: only 0 and 40 have room (the current step is past the end).
    expect([...numberedMarks([0, 5, 10, 40], -1, 16)].sort((a, b) => a - b)).toEqual([0, 3]);
  });

  it('always shows the current step, and leaves out its crowded neighbours', () => {
    const shown = numberedMarks([0, 5, 10, 15, 40], 2, 16);
    expect(shown.has(2)).toBe(true);
    expect(shown.has(1)).toBe(false);
    expect(shown.has(3)).toBe(false);
    expect(shown.has(4)).toBe(true);
    // No two numbers shown are closer than the gap.
    const xs = [0, 5, 10, 15, 40];
    const kept = [...shown].sort((a, b) => a - b).map((i) => xs[i]);
    for (let i = 1; i < kept.length; i++) expect(kept[i] - kept[i - 1]).toBeGreaterThanOrEqual(16);
  });
});
