// The work budget admits every built-in scenario and the benchmark's household
// year, refuses the 1.3 KB scenario of five 20,000-mail bursts, and each field
// it names would, changed as it says, bring the scenario within the limit.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkBudget, estimateWork, loadScenarioText, loadScenarioData, profileOf, simulate, type Scenario } from '../../../src/sim';
import { yearWorld } from '../../../bench/worlds';

const ROOT = process.cwd();
const load = (file: string): Scenario => {
  const r = loadScenarioText(file, readFileSync(join(ROOT, file), 'utf8'));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.scenario;
};
const builtins = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));
const HOSTILE = 'test/fuzz/fixtures/hostile-burst.json';

describe('work budget', () => {
  it.each(builtins)('admits the built-in scenario %s', (file) => {
    expect(checkWorkBudget(load(`scenarios/${file}`)).ok).toBe(true);
  });

  it('admits the benchmark year of 10,000 mails, 8 devices checking daily', () => {
    const v = checkWorkBudget(yearWorld(10_000).scenario);
    expect(v.ok).toBe(true);
    expect(v.units).toBeLessThan(v.limit / 2);
  });

  it('refuses the 1.3 KB scenario (five bursts of 20,000, eight devices every 5 minutes, until day 70)', () => {
    expect(readFileSync(join(ROOT, HOSTILE)).length).toBeLessThan(1700);
    const v = checkWorkBudget(load(HOSTILE));
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.units / v.limit).toBeGreaterThan(10);
    expect(v.levers.map((l) => l.kind).sort()).toEqual(['checkEveryMinutes', 'mails', 'span']);
    const mails = v.levers.find((l) => l.kind === 'mails')!;
    expect(mails.paths).toEqual([0, 1, 2, 3, 4].map((i) => `steps[${i}].count`));
    expect(mails.now).toBe(100_000);
  });

  it('each lever, applied to the file as it says, makes the scenario fit', () => {
    const s = load(HOSTILE);
    const v = checkWorkBudget(s);
    if (v.ok) throw new Error('expected a refusal');
    for (const lever of v.levers) {
      const input = JSON.parse(readFileSync(join(ROOT, HOSTILE), 'utf8'));
      if (lever.kind === 'mails') for (const step of input.steps) if (step.do === 'mail.burst') step.count = Math.floor(lever.fits / 5);
      if (lever.kind === 'checkEveryMinutes') for (const d of input.world.devices) d.checkEveryMinutes = lever.fits;
      if (lever.kind === 'span') input.steps[input.steps.length - 1].at = lever.fitsAt;
      const changed = loadScenarioData('changed', input);
      if (!changed.ok) throw new Error(JSON.stringify(changed.problems));
      expect(checkWorkBudget(changed.scenario).ok, lever.kind).toBe(true);
    }
  });

  it('a variant that checks more often is what counts', () => {
    const s = load('scenarios/pop3-three-devices.json');
    const device = s.world.devices[0].id;
    const busy = { ...s, variants: { ...s.variants, busy: { title: { de: 'x', en: 'x' }, devices: { [device]: { checkEveryMinutes: 5 } } } } };
    expect(checkWorkBudget(busy as Scenario).units).toBeGreaterThan(checkWorkBudget(s).units);
  });

  it.each(builtins)('the bound is above what the run records (frames + ops) for %s', (file) => {
    const s = load(`scenarios/${file}`);
    const t = simulate(s);
    const recorded = t.frames.length + t.frames.reduce((n, f) => n + f.ops.length, 0);
    expect(recorded).toBeLessThanOrEqual(estimateWork(profileOf(s)).units);
  });
});
