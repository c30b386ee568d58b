// simulate(scenario) is a pure function: the same scenario (and variant) gives
// the same timeline, byte for byte (STYLE.md "What that means here", 1), and a
// frame's state is the same whichever way the timeline is read.
//
// Two runs are compared frame by frame: every frame's own data (time, step,
// label, narration, transfers, sessions, ops) and protocol lines; and the
// complete state as `npm run sim -- --json` writes it, read forwards in the
// first run and BACKWARDS in the second. Read backwards, every state is rebuilt
// from the timeline's nearest snapshot and ops, so equal states prove the
// snapshots and ops rebuild each state exactly (a frame read in order comes
// from the one before it).
//
// Every frame's state is compared for runs up to STATE_SAMPLE frames. In the
// few longer ones (the big mailboxes, 2,000–2,400 frames, a 245 MB text) every
// k-th frame's is, and the last: a state is a pure function of the snapshot
// and the ops, which are compared at every frame, so a difference would
// persist to the sampled frames.
import { expect, it } from 'vitest';
import { simulate } from '../../../src/sim/run/simulate';
import { stateToJSON, timelineToJSON } from '../../../src/sim/run/serialize';
import { frameLines, type Timeline } from '../../../src/sim/timeline';
import { caseName, type Case } from '../builtinCases';

const STATE_SAMPLE = 400;

/** The frames whose complete state is compared, ascending. */
export function sampledFrames(count: number): number[] {
  const every = Math.max(1, Math.ceil(count / STATE_SAMPLE));
  const picked: number[] = [];
  for (let i = 0; i < count; i += every) picked.push(i);
  if (picked[picked.length - 1] !== count - 1) picked.push(count - 1);
  return picked;
}

/** The timeline as the --json output has it, without its frames (scenario, variant, step starts). */
function head(t: Timeline): string {
  const { frames, ...rest } = timelineToJSON(Object.create(t, { frames: { value: [] } }) as Timeline);
  expect(frames).toEqual([]);
  return JSON.stringify(rest);
}

function firstDifference(x: string, y: string): string {
  const at = [...x].findIndex((ch, k) => ch !== y[k]);
  return `from character ${at}: …${x.slice(Math.max(0, at - 80), at + 80)}… vs …${y.slice(Math.max(0, at - 80), at + 80)}…`;
}

export function sameTimelineTwice(cases: readonly Case[]): void {
  it.each(cases.map((c) => [caseName(c), c] as const))('%s', (_, { scenario, variant }) => {
    const once = simulate(scenario, { variant });
    const twice = simulate(scenario, { variant });
    expect(head(twice)).toBe(head(once));
    expect(twice.frames.length).toBe(once.frames.length);
    // A frame's own data: its state is a getter on the prototype, so JSON.stringify leaves it out.
    for (let i = 0; i < once.frames.length; i++) {
      const x = JSON.stringify(once.frames[i]) + JSON.stringify(frameLines(once.frames[i]));
      const y = JSON.stringify(twice.frames[i]) + JSON.stringify(frameLines(twice.frames[i]));
      if (x !== y) expect.fail(`frame ${i}: the two runs differ ${firstDifference(x, y)}`);
    }
    const sampled = sampledFrames(once.frames.length);
    const forwards = sampled.map((i) => JSON.stringify(stateToJSON(once.frames[i].state)));
    for (let k = sampled.length - 1; k >= 0; k--) {
      const backwards = JSON.stringify(stateToJSON(twice.frames[sampled[k]].state));
      if (backwards !== forwards[k]) expect.fail(`frame ${sampled[k]}: its state read backwards in the second run differs from the first run's read forwards ${firstDifference(forwards[k], backwards)}`);
    }
  }, 600_000);
}
