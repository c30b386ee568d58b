// simulate(scenario) is a pure function: the same scenario (and variant) gives
// the same timeline, byte for byte (STYLE.md "What that means here", 1). Two runs
// are compared frame by frame as the JSON \`npm run sim -- --json\` writes (every
// frame with its transfers, protocol lines, narration and complete state); one
// frame's text at a time, so a 2,400-frame run is never one 240 MB string.
import { expect, it } from 'vitest';
import { simulate } from '../../../src/sim/run/simulate';
import { timelineToJSON } from '../../../src/sim/run/serialize';
import { caseName, type Case } from '../builtinCases';

export function sameTimelineTwice(cases: readonly Case[]): void {
  it.each(cases.map((c) => [caseName(c), c] as const))('%s', (_, { scenario, variant }) => {
    const once = timelineToJSON(simulate(scenario, { variant }));
    const twice = timelineToJSON(simulate(scenario, { variant }));
    const { frames: a, ...headA } = once;
    const { frames: b, ...headB } = twice;
    expect(JSON.stringify(headB)).toBe(JSON.stringify(headA));
    expect(b.length).toBe(a.length);
    for (let i = 0; i < a.length; i++) {
      const x = JSON.stringify(a[i]);
      const y = JSON.stringify(b[i]);
      if (x !== y) {
        const at = [...x].findIndex((ch, k) => ch !== y[k]);
        expect.fail(`frame ${i}: the two runs differ from character ${at}: …${x.slice(Math.max(0, at - 80), at + 80)}… vs …${y.slice(Math.max(0, at - 80), at + 80)}…`);
      }
    }
  }, 600_000);
}
