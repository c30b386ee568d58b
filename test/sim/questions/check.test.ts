// A question that names a step or mail the scenario does not have is refused
// with a located message, like every other problem in a scenario file.
import { describe, expect, it } from 'vitest';
import { checkQuestions, loadScenarioData, type Scenario } from '../../../src/sim';

const base = {
  id: 'q',
  title: { de: 'T', en: 'T' },
  summary: { de: 'S', en: 'S' },
  world: {
    accounts: [{ id: 'alice', address: 'alice@example.org' }],
    devices: [
      { id: 'laptop', kind: 'laptop', account: 'alice', protocol: 'pop3' },
      { id: 'web', kind: 'webmail', account: 'alice', protocol: 'imap' },
    ],
  },
  steps: [
    { at: 'day 1, 09:00', do: 'mail.arrive', mail: { id: 'm1', from: 'bob@example.com', to: ['alice'], subject: 'Hi' } },
    { at: 'day 1, 10:00', do: 'device.check', device: 'laptop' },
    { at: 'day 1, 11:00', do: 'mail.arrive', mail: { id: 'm2', from: 'bob@example.com', to: ['alice'], subject: 'Again' } },
  ],
};

function problems(questions: unknown[]): string[] {
  const r = loadScenarioData('q.json', { ...base, questions });
  if (!r.ok) return r.problems.map((p) => `${p.path}: ${p.message}`);
  return checkQuestions('q.json', r.scenario as Scenario).map((p) => `${p.path}: ${p.message}`);
}

describe('checking questions', () => {
  it('accepts questions that name existing steps, mails and devices', () => {
    expect(problems([{ step: 1, kind: 'where', mail: 'm1' }, { step: 2, kind: 'accepted', mail: 'm2' }, { step: 1, kind: 'onDevice', mail: 'm1', device: 'laptop' }])).toEqual([]);
  });
  it('names a step the scenario does not have', () => {
    expect(problems([{ step: 7, kind: 'where', mail: 'm1' }])).toEqual(['questions[0].step: no step 7: the scenario has 3 steps (numbered from 0)']);
  });
  it('names a mail that never arrives', () => {
    expect(problems([{ step: 1, kind: 'lost', mail: 'm9' }])).toEqual(['questions[0].mail: no mail "m9" arrives or is sent in this scenario']);
  });
  it('names a mail that arrives only after the question', () => {
    expect(problems([{ step: 1, kind: 'onServer', mail: 'm2' }])).toEqual(['questions[0].mail: mail "m2" first exists at step 2, after step 1 the question is asked at']);
  });
  it('names a missing device, and refuses webmail as a place to hold mail', () => {
    expect(problems([{ step: 1, kind: 'onDevice', mail: 'm1', device: 'tablet' }])).toEqual(['questions[0].device: no device "tablet" — devices are laptop, web']);
    expect(problems([{ step: 1, kind: 'onDevice', mail: 'm1', device: 'web' }])[0]).toMatch(/^questions\[0\]\.device: webmail keeps nothing/);
  });
  it('an "accepted" question stands at its mail’s arrival', () => {
    expect(problems([{ step: 1, kind: 'accepted', mail: 'm1' }])).toEqual(['questions[0].step: an "accepted" question stands at a mail\'s arrival; step 1 is "device.check"']);
    expect(problems([{ step: 2, kind: 'accepted', mail: 'm1' }])).toEqual(['questions[0].mail: mail "m1" does not arrive at step 2']);
  });
  it('the schema refuses an unknown kind and an answer typed into the file', () => {
    expect(problems([{ step: 1, kind: 'guess', mail: 'm1' }]).join('\n')).toMatch(/^questions\[0\]/);
    expect(problems([{ step: 1, kind: 'onServer', mail: 'm1', answer: true }]).join('\n')).toMatch(/questions\[0\].*answer/);
  });
});
