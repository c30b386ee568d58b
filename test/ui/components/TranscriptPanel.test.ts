// The transcript's window of lines: at rest the newest 120 lines of the step (a list
// that can be scrolled back), while playing only the newest 24, which the view shows
// from their end without scrolling, so a change paints only those few lines.
import { describe, expect, it } from 'vitest';
import { FOLLOWING_LINES, sessionHeaders, windowLines, windowStart } from '../../../src/ui/components/TranscriptPanel';
import type { ExplainedLine } from '../../../src/ui/transcript/frameLines';

// Changes of 1 to 7 lines each.
const linesOf = (i: number) => 1 + (i % 7);
const sum = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, k) => linesOf(a + k)).reduce((x, y) => x + y, 0);
const explained = {
  at: (i: number): readonly ExplainedLine[] => Array.from({ length: linesOf(i) }, (_, k) => ({ session: 's', dir: 'S' as const, text: `${i}.${k}`, explainedBy: null })),
};

describe('the transcript window', () => {
  const from = 100;

  it('starts at the change where the newest lines asked for are reached, or at the step start', () => {
    expect(windowStart(linesOf, from, from + 5)).toBe(from);
    for (const max of [120, FOLLOWING_LINES]) {
      for (let f = from; f < from + 300; f++) {
        const start = windowStart(linesOf, from, f, max);
        expect(start).toBeGreaterThanOrEqual(from);
        if (start > from) {
          expect(sum(start, f)).toBeGreaterThanOrEqual(max);
          expect(sum(start + 1, f)).toBeLessThan(max);
        }
      }
    }
  });

  it('shows the newest 120 lines at rest and the newest 24 while playing, the current change marked', () => {
    const frame = from + 200;
    const atRest = windowLines(explained, from, frame, false);
    const playing = windowLines(explained, from, frame, true);
    expect(atRest).toHaveLength(120);
    expect(FOLLOWING_LINES).toBe(24);
    expect(playing).toHaveLength(FOLLOWING_LINES);
    // The same newest lines, in order, ending with the current change's.
    expect(playing.map((l) => l.text)).toEqual(atRest.slice(-FOLLOWING_LINES).map((l) => l.text));
    expect(playing.at(-1)!.text).toBe(`${frame}.${linesOf(frame) - 1}`);
    expect(playing.filter((l) => l.current).map((l) => l.text)).toEqual(explained.at(frame).map((l) => l.text));
    // Each line keeps its key from change to change, so the nodes of lines still shown are kept.
    const next = windowLines(explained, from, frame + 1, true);
    const keys = new Set(next.map((l) => l.n));
    expect(playing.filter((l) => keys.has(l.n)).length).toBe(FOLLOWING_LINES - linesOf(frame + 1));
  });

  it('shows the whole step while it is short', () => {
    expect(windowLines(explained, from, from + 2, true).map((l) => l.text)[0]).toBe(`${from}.0`);
    expect(windowLines(explained, from, from + 2, false)).toHaveLength(sum(from, from + 2));
  });

  it('keeps the top session header while playing moves the window on (its key does not follow the first line shown)', () => {
    // Two sessions: changes before 250 are session a's, from 250 session b's.
    const two = { at: (i: number) => explained.at(i).map((l) => ({ ...l, session: i < 250 ? 'a' : 'b' })) };
    const frame = from + 100;
    const now = windowLines(two, from, frame, true);
    const next = windowLines(two, from, frame + 1, true);
    expect(now[0].n).not.toBe(next[0].n);
    expect(sessionHeaders(now).get(0)).toBe(sessionHeaders(next).get(0));
    // A later run's header is keyed where it starts, and stays so while it is not the first.
    const across = windowLines(two, from, 252, true);
    const heads = sessionHeaders(across);
    expect([...heads.keys()]).toEqual([0, across.findIndex((l) => l.session === 'b')]);
    const later = sessionHeaders(windowLines(two, from, 253, true));
    expect([...later.values()]).toEqual([...heads.values()]);
    expect(new Set(heads.values()).size).toBe(heads.size);
  });
});
