// The incremental figures equal metricsOf — the scorecard's figures computed
// from the whole state — for every frame of every built-in scenario and
// variant, whether the frames are asked for in order, backwards or at random.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FrameFigures, loadScenarioText, metricsOf, simulate, type Scenario } from '../../../src/sim';
import { metricsOfState } from '../../../src/sim/run/metrics';
import { applyOp } from '../../../src/sim/model/ops';
import { cloneState } from '../../../src/sim/model/state';

const ROOT = process.cwd();
const runs: Array<[string, string | null]> = [];
const scenarios = new Map<string, Scenario>();
for (const file of readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))) {
  const r = loadScenarioText(file, readFileSync(join(ROOT, 'scenarios', file), 'utf8'));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  scenarios.set(file, r.scenario);
  for (const v of [null, ...Object.keys(r.scenario.variants)]) runs.push([file, v]);
}

describe('incremental figures equal metricsOf', () => {
  it.each(runs)('every frame of %s (variant %s), in order', (file, variant) => {
    const t = simulate(scenarios.get(file)!, { variant });
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

  it('frames asked for backwards and at random (imap-big-mailbox-slow-link, quota bounce)', () => {
    for (const file of ['imap-big-mailbox-slow-link.json', ...[...scenarios.keys()].filter((f) => f.includes('quota')).slice(0, 1)]) {
      const t = simulate(scenarios.get(file)!);
      const figures = new FrameFigures(t);
      const n = t.frames.length;
      // A fixed, spread-out order: the last frame first, then strides through the rest.
      const order = [n - 1, 0, Math.floor(n / 2), ...Array.from({ length: 60 }, (_, k) => (k * 7919) % n), 1];
      for (const i of order) expect(figures.at(i), `${file} frame ${i}`).toEqual(metricsOf(t.frames[i], t));
    }
  }, 300_000);
});
