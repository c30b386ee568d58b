// A timeline that crossed from the worker (structured clone) is the same
// timeline: every frame and protocol line, and the state of frames read in
// and out of order, identical to the one simulated.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { frameLines, loadScenarioText, simulate, type Timeline } from '../../../src/sim';
import { stateToJSON } from '../../../src/sim/run/serialize';
import { fromTransport, toTransport } from '../../../src/ui/worker/timelineTransport';

const files = readdirSync('scenarios').filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));

const frameText = (t: Timeline, i: number) => {
  const { state: _s, lineSources: _l, ...data } = { ...t.frames[i], state: null };
  void _s;
  void _l;
  return JSON.stringify({ ...data, lines: frameLines(t.frames[i]) });
};

describe('timeline transport', { timeout: 120_000 }, () => {
  it.each(files)('%s arrives identical', (file) => {
    const r = loadScenarioText(file, readFileSync(join('scenarios', file), 'utf8'));
    if (!r.ok) throw new Error('bad scenario');
    for (const variant of [null, ...Object.keys(r.scenario.variants)]) {
      const original = simulate(r.scenario, { variant });
      const copy = fromTransport(structuredClone(toTransport(original)));
      const n = original.frames.length;
      expect(copy.frames.length).toBe(n);
      expect(copy.stepStarts).toEqual(original.stepStarts);
      expect(copy.world).toEqual(original.world);
      for (let i = 0; i < n; i++) expect(frameText(copy, i), `frame ${i}`).toBe(frameText(original, i));
      // States: backwards, then a stride through, so snapshots and replays are both exercised.
      const stride = Math.max(1, Math.floor(n / 40));
      const order = [n - 1, 0, ...Array.from({ length: Math.ceil(n / stride) }, (_, k) => Math.min(n - 1, k * stride)), Math.floor(n / 2)];
      for (const i of order) expect(JSON.stringify(stateToJSON(copy.frames[i].state)), `state ${i}`).toBe(JSON.stringify(stateToJSON(original.frames[i].state)));
    }
  });
});
