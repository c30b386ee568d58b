// The incremental figures equal metricsOf — the scorecard's figures computed
// from the whole state — for the frames of the given runs, asked for in order.
//
// Every frame is checked in runs up to FULL frames (all but the big mailboxes),
// so every kind of step and op is checked at every frame. In the few longer
// runs (2,000–2,400 frames of the same few kinds of step, where computing the
// whole state's figures at every frame was most of vitest's time) the first
// FULL / 2 frames are checked one by one and the rest at an even stride, and the
// last; the figures are still asked for at every frame, in order.
import { expect, it } from 'vitest';
import { FrameFigures, metricsOf, simulate } from '../../../src/sim';
import { metricsOfState } from '../../../src/sim/run/metrics';
import { applyOp } from '../../../src/sim/model/ops';
import { cloneState } from '../../../src/sim/model/state';
import type { Case } from '../builtinCases';

const FULL = 600;

/** Whether frame `i` of a run of `count` frames is checked against the whole state. */
export function checkedFrame(i: number, count: number): boolean {
  if (count <= FULL || i < FULL / 2 || i === count - 1) return true;
  const every = Math.ceil((count - FULL / 2) / (FULL / 2));
  return (i - FULL / 2) % every === 0;
}

export function figuresEqualMetricsInOrder(cases: readonly Case[]): void {
  it.each(cases.map((c) => [c.file, c.variant, c] as const))('the frames of %s (variant %s), in order', (_file, variant, { scenario }) => {
    const t = simulate(scenario, { variant });
    const figures = new FrameFigures(t);
    // metricsOf(frame) is metricsOfState(frame.state); the states are rebuilt here by applying each frame's
    // ops to one running state (as the timeline does from its snapshots), which spares a clone per frame.
    const state = cloneState(t.stateAt(0));
    for (const frame of t.frames) {
      if (frame.index > 0) for (const op of frame.ops) applyOp(state, op);
      const got = figures.at(frame.index);
      if (!checkedFrame(frame.index, t.frames.length)) continue;
      const want = metricsOfState(state, t.world);
      // Compared as JSON first (fast, and stricter: key order too); a difference is shown in full.
      if (JSON.stringify(got) !== JSON.stringify(want)) expect(got, `frame ${frame.index} (${frame.label})`).toEqual(want);
    }
    // And through metricsOf itself, at the first, middle and last frame.
    for (const i of [0, t.frames.length >> 1, t.frames.length - 1]) expect(figures.at(i)).toEqual(metricsOf(t.frames[i], t));
  }, 300_000);
}
