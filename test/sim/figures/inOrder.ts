// The incremental figures equal metricsOf — the scorecard's figures computed
// from the whole state — for every frame of the given runs, asked for in order.
import { expect, it } from 'vitest';
import { FrameFigures, metricsOf, simulate } from '../../../src/sim';
import { metricsOfState } from '../../../src/sim/run/metrics';
import { applyOp } from '../../../src/sim/model/ops';
import { cloneState } from '../../../src/sim/model/state';
import type { Case } from '../builtinCases';

export function figuresEqualMetricsInOrder(cases: readonly Case[]): void {
  it.each(cases.map((c) => [c.file, c.variant, c] as const))('every frame of %s (variant %s), in order', (_file, variant, { scenario }) => {
    const t = simulate(scenario, { variant });
    const figures = new FrameFigures(t);
    // metricsOf(frame) is metricsOfState(frame.state); the states are rebuilt here by applying each frame's
    // ops to one running state (as the timeline does from its snapshots), which spares a clone per frame.
    const state = cloneState(t.stateAt(0));
    for (const frame of t.frames) {
      if (frame.index > 0) for (const op of frame.ops) applyOp(state, op);
      const got = figures.at(frame.index);
      const want = metricsOfState(state, t.world);
      // Compared as JSON first (fast, and stricter: key order too); a difference is shown in full.
      if (JSON.stringify(got) !== JSON.stringify(want)) expect(got, `frame ${frame.index} (${frame.label})`).toEqual(want);
    }
    // And through metricsOf itself, at the first, middle and last frame.
    for (const i of [0, t.frames.length >> 1, t.frames.length - 1]) expect(figures.at(i)).toEqual(metricsOf(t.frames[i], t));
  }, 300_000);
}
