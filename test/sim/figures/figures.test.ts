// The incremental figures equal metricsOf — the scorecard's figures computed
// from the whole state — when frames are asked for backwards and at random
// (every frame in order, of every built-in scenario and variant: inOrder*.test.ts).
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FrameFigures, loadScenarioText, metricsOf, simulate, type Scenario } from '../../../src/sim';

const ROOT = process.cwd();
const scenarios = new Map<string, Scenario>();
for (const file of readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))) {
  const r = loadScenarioText(file, readFileSync(join(ROOT, 'scenarios', file), 'utf8'));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  scenarios.set(file, r.scenario);
}

describe('incremental figures equal metricsOf', () => {
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
