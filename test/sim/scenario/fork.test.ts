// Forking a story: insert a step, run again; the past stays as it was.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadScenarioText } from '../../../src/sim/scenario/load';
import { insertStep } from '../../../src/sim/scenario/fork';
import { simulate } from '../../../src/sim/run/simulate';
import { frameLines } from '../../../src/sim/timeline';
import { stateToJSON } from '../../../src/sim/run/serialize';

const file = 'scenarios/pop3-three-devices.json';
const loaded = loadScenarioText(file, readFileSync(file, 'utf8'));
if (!loaded.ok) throw new Error('scenario does not load');
const base = loaded.scenario;

describe('forking a scenario', () => {
  it('keeps every frame before the inserted step and changes what follows', () => {
    const at = 3;
    const forked = insertStep(base, at, { at: base.steps[at].at, do: 'device.diskFail', device: base.world.devices[0].id });
    expect(forked.ok).toBe(true);
    if (!forked.ok) return;
    const a = simulate(base);
    const b = simulate(forked.scenario);
    const cut = a.stepStarts[at];
    const view = (t: typeof a, i: number) => JSON.stringify({ label: t.frames[i].label, lines: frameLines(t.frames[i]), state: stateToJSON(t.frames[i].state) });
    for (let i = 0; i < cut; i++) expect(view(b, i)).toBe(view(a, i));
    expect(b.frames[cut].narration.key).toBe('device.diskFailed');
  });

  it('keeps each question before the step it was written for', () => {
    expect(base.questions.length).toBeGreaterThan(0);
    const at = 3;
    const forked = insertStep(base, at, { at: base.steps[at].at, do: 'device.diskFail', device: base.world.devices[0].id });
    if (!forked.ok) throw new Error('fork refused');
    const stepOf = (s: typeof base, q: (typeof base.questions)[number]) => s.steps[q.step];
    base.questions.forEach((q, i) => expect(stepOf(forked.scenario, forked.scenario.questions[i])).toEqual(stepOf(base, q)));
  });

  it('refuses a step the world cannot do, naming it', () => {
    const r = insertStep(base, 1, { at: base.steps[1].at, do: 'device.check', device: 'toaster' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].message).toMatch(/no device "toaster"/);
  });
});
