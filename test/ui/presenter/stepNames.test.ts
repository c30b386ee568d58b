import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { loadScenarioText, simulate, type Step } from '../../../src/sim';
import { markNames, stepName } from '../../../src/ui/presenter/stepNames';

// A stand-in for i18next that shows the key and its parameters.
const t = ((key: string, p: Record<string, unknown> = {}) => `${key.replace('ui.lecture.step.', '')}(${Object.values(p).join(',')})`) as unknown as TFunction;

function load(id: string) {
  const r = loadScenarioText(id, readFileSync(`scenarios/${id}.json`, 'utf8'));
  if (!r.ok) throw new Error(id);
  return r.scenario;
}

describe('step names', () => {
  it('name what the step does, with the device\u2019s name and the mail\u2019s number', () => {
    const name = (s: Step) => stepName(s, t, (id) => `<${id}>`, (m) => m.replace(/^m/, ''));
    expect(name({ at: 'day 1, 10:00', do: 'device.check', device: 'laptop', dropBeforeQuit: false } as Step)).toBe('deviceCheck(<laptop>)');
    expect(name({ at: 'day 1, 10:00', do: 'device.delete', device: 'phone', mail: 'm3' } as Step)).toBe('deviceDelete(<phone>,3)');
    expect(name({ at: 'day 1, 10:00', do: 'provider.move', copyMailboxes: false } as Step)).toBe('providerMoveNoCopy()');
    // A provider move over days names each of its steps (rules 87–92).
    expect(name({ at: 'day 1, 10:00', do: 'provider.newMailbox', copyMailboxes: true, keepUidls: false } as Step)).toBe('moveNewMailboxCopy()');
    expect(name({ at: 'day 1, 10:00', do: 'provider.dnsSwitch', ttlHours: 4 } as Step)).toBe('moveDnsSwitch(4)');
    expect(name({ at: 'day 1, 10:00', do: 'provider.syncMailboxes' } as Step)).toBe('moveSync()');
    expect(name({ at: 'day 1, 10:00', do: 'device.repoint', device: 'phone' } as Step)).toBe('moveRepoint(<phone>)');
    expect(name({ at: 'day 1, 10:00', do: 'provider.contractEnd' } as Step)).toBe('moveContractEnd()');
  });
  it('one name for each mark of a real timeline, in step order', () => {
    const scenario = load('pop3-three-devices');
    const timeline = simulate(scenario);
    const marks = [...new Set(timeline.stepStarts)].sort((a, b) => a - b);
    const names = markNames(timeline, scenario, marks, (s) => s.do);
    expect(names).toHaveLength(marks.length);
    expect(names.every((n) => n.length > 0)).toBe(true);
    expect(names[0]).toBe(scenario.steps[0].do);
  });
});
