// The hard cap inside a run: a scenario the budget admits, run against a
// lowered cap, stops with a located refusal (which counter, which step, when,
// and what to change) — and ending the scenario where the refusal says keeps
// the run within that cap. Progress is a real fraction that never goes down.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkBudget, loadScenarioText, parseTime, simulate, simulateWithinBudget, WORK_CAP, WorkCapExceeded, type Scenario } from '../../../src/sim';
import { budgetText } from '../../../src/cli/budgetText';

const load = (file: string): Scenario => {
  const r = loadScenarioText(file, readFileSync(join(process.cwd(), file), 'utf8'));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.scenario;
};
const BIG = 'scenarios/imap-big-mailbox-slow-link.json';

describe('hard cap inside the simulation', () => {
  it('stops a scenario the budget admits at a lowered cap, with a located refusal', () => {
    const scenario = load(BIG);
    expect(checkWorkBudget(scenario).ok).toBe(true);
    const full = simulate(scenario);
    expect(full.frames.length).toBeGreaterThan(1000);
    const run = simulateWithinBudget(scenario, { cap: { frames: 1000 } });
    expect(run.ok).toBe(false);
    if (run.ok) return;
    const v = run.verdict;
    expect(v.cap?.counter).toBe('frames');
    expect(v.limit).toBe(1000);
    expect(v.units).toBe(1001);
    // Located: the step being run (or waited for), its kind, the moment.
    const step = v.cap!.step;
    expect(step).toBeGreaterThanOrEqual(0);
    expect(step).toBeLessThan(scenario.steps.length);
    expect(v.cap!.stepDo).toBe(scenario.steps[step].do);
    expect(v.cap!.at).toMatch(/^day \d+, \d\d:\d\d$/);
    const lines = budgetText(v, BIG, 'en');
    expect(lines[0]).toContain(`${BIG}: This scenario needs more work than one run may do: the run passed the limit of 1,000 changes`);
    expect(lines[0]).toContain(`steps[${step}]`);
    expect(lines.join('\n')).toMatch(/Change one of these/);
    const de = budgetText(v, BIG, 'de');
    expect(de[0]).toContain('die Grenze von 1.000 Änderungen');
  });

  it('ending the scenario by the time the refusal names keeps the run within the cap', () => {
    const scenario = load(BIG);
    const run = simulateWithinBudget(scenario, { cap: { frames: 1000 } });
    if (run.ok) throw new Error('expected a refusal');
    const span = run.verdict.levers.find((l) => l.kind === 'span');
    expect(span).toBeDefined();
    if (span?.kind !== 'span') return;
    const fitsAt = parseTime(span.fitsAt)!;
    // Steps after that moment are the ones the lever names; drop them and end the scenario there.
    const kept = scenario.steps.filter((s) => parseTime(s.at)! <= fitsAt);
    expect(span.paths).toEqual(scenario.steps.flatMap((s, i) => (parseTime(s.at)! > fitsAt ? [`steps[${i}].at`] : [])));
    const shorter: Scenario = { ...scenario, steps: kept };
    const t = simulate(shorter, { cap: { frames: 1000 } });
    expect(t.frames.length).toBeLessThanOrEqual(1000);
  });

  it('counts every op and line: a cap on each one stops the run too, and never an admitted built-in at the real cap', () => {
    const scenario = load(BIG);
    expect(() => simulate(scenario, { cap: { ops: 500 } })).toThrow(WorkCapExceeded);
    expect(() => simulate(scenario, { cap: { lines: 500 } })).toThrow(WorkCapExceeded);
    expect(() => simulate(scenario, { cap: { events: 5 } })).toThrow(WorkCapExceeded);
    expect(simulate(scenario, { cap: WORK_CAP }).frames.length).toBe(2409);
  });

  it('a refused variant is named', () => {
    const scenario = load(BIG);
    const variant = Object.keys(scenario.variants)[0];
    const run = simulateWithinBudget(scenario, { variant, cap: { frames: 500 } });
    if (run.ok) throw new Error('expected a refusal');
    expect(run.verdict.variant).toBe(variant);
    expect(budgetText(run.verdict, BIG, 'en')[0]).toContain(`variant “${variant}”`);
  });
});

describe('progress of a run', () => {
  it('is a fraction that never goes down and ends at 1', () => {
    const scenario = load(BIG);
    const seen: number[] = [];
    const t = simulate(scenario, { onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(5);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
    expect(seen[0]).toBeGreaterThan(0);
    expect(seen.slice(0, -1).every((f) => f < 1)).toBe(true);
    expect(seen[seen.length - 1]).toBe(1);
    // It reports from inside a long step too, not only between steps: more reports than steps.
    expect(seen.length).toBeGreaterThan(Math.min(scenario.steps.length, t.frames.length / 256));
  });

  it('does not change the timeline', () => {
    const scenario = load(BIG);
    const a = simulate(scenario);
    const b = simulate(scenario, { onProgress: () => {} });
    expect(b.frames.map((f) => [f.time, f.label, f.ops.length])).toEqual(a.frames.map((f) => [f.time, f.label, f.ops.length]));
  });
});
