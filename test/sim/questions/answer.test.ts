// Each kind of question is answered from the timeline: the same scenario with
// another setting gives another answer, with nothing typed into the file.
import { describe, expect, it } from 'vitest';
import { answerOf, isCorrect, loadScenarioData, questionFrames, simulate, type Scenario } from '../../../src/sim';

function world(protocol: 'pop3' | 'imap', leaveOnServer = false, quota?: { messages: number }) {
  return {
    id: 'q',
    title: { de: 'T', en: 'T' },
    summary: { de: 'S', en: 'S' },
    world: {
      server: { quotaFull: 'temporary' },
      accounts: [{ id: 'alice', address: 'alice@example.org', ...(quota ? { quota } : {}) }],
      devices: [
        { id: 'laptop', kind: 'laptop', account: 'alice', protocol, pop3: { leaveOnServer } },
        { id: 'phone', kind: 'phone', account: 'alice', protocol },
        { id: 'web', kind: 'webmail', account: 'alice', protocol: 'imap', imap: { cache: 'none' } },
      ],
    },
    steps: [
      { at: 'day 1, 09:00', do: 'mail.arrive', mail: { id: 'm1', from: 'bob@example.com', to: ['alice'], subject: 'Hi' } },
      { at: 'day 1, 10:00', do: 'device.check', device: 'laptop' },
      { at: 'day 1, 11:00', do: 'mail.arrive', mail: { id: 'm2', from: 'bob@example.com', to: ['alice'], subject: 'Again' } },
      { at: 'day 1, 12:00', do: 'device.diskFail', device: 'laptop' },
    ],
    questions: [
      { step: 1, kind: 'where', mail: 'm1' },
      { step: 1, kind: 'devices', mail: 'm1' },
      { step: 1, kind: 'onServer', mail: 'm1' },
      { step: 1, kind: 'onDevice', mail: 'm1', device: 'laptop' },
      { step: 2, kind: 'accepted', mail: 'm2' },
      { step: 3, kind: 'lost', mail: 'm1' },
    ],
  };
}

function run(data: unknown): { s: Scenario; answers: ReturnType<typeof answerOf>[] } {
  const r = loadScenarioData('q.json', data);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const timeline = simulate(r.scenario);
  return { s: r.scenario, answers: r.scenario.questions.map((q) => answerOf(q, timeline)) };
}

describe('answers come from the run', () => {
  describe('when the laptop fetches over POP3 and deletes on the server', () => {
    const { answers } = run(world('pop3'));
    it('message 1 is only on the laptop after its check', () => {
      expect(answers[0]).toMatchObject({ kind: 'spots', spots: ['device:laptop'] });
    });
    it('only the laptop can show it (webmail and phone see an empty server)', () => {
      expect(answers[1]).toEqual({ kind: 'count', value: 1, max: 3 });
    });
    it('it is no longer on the server, but on the laptop', () => {
      expect(answers[2]).toEqual({ kind: 'yesno', value: false });
      expect(answers[3]).toEqual({ kind: 'yesno', value: true });
    });
    it('when the laptop’s disk fails, message 1 is lost', () => {
      expect(answers[5]).toEqual({ kind: 'yesno', value: true });
    });
  });

  describe('when every device uses IMAP', () => {
    const { answers } = run(world('imap'));
    it('message 1 stays on the server and sits in the laptop’s cache', () => {
      expect(answers[0]).toMatchObject({ kind: 'spots', spots: ['device:laptop', 'server'] });
      expect(answers[2]).toEqual({ kind: 'yesno', value: true });
    });
    it('all three devices can show it: the phone and webmail read the server', () => {
      expect(answers[1]).toEqual({ kind: 'count', value: 3, max: 3 });
    });
    it('a failed laptop disk loses nothing', () => {
      expect(answers[5]).toEqual({ kind: 'yesno', value: false });
    });
  });

  describe('when the mailbox holds one message and the server defers over quota', () => {
    it('the second message is not accepted (it waits in the queue)', () => {
      const { answers } = run(world('imap', false, { messages: 1 }));
      expect(answers[4]).toEqual({ kind: 'yesno', value: false });
    });
    it('without a quota it is accepted', () => {
      expect(run(world('imap')).answers[4]).toEqual({ kind: 'yesno', value: true });
    });
  });

  it('a question is asked at the frame before its step and answered at the step’s last frame', () => {
    const r = loadScenarioData('q.json', world('pop3'));
    if (!r.ok) throw new Error('load');
    const timeline = simulate(r.scenario);
    const { ask, answer } = questionFrames(timeline, 1);
    expect(ask).toBe(timeline.stepStarts[1] - 1);
    expect(timeline.frames[answer].step).toBe(1);
    expect(timeline.frames[answer + 1]?.step).not.toBe(1);
    // Before the step, message 1 is still on the server only.
    const before = [...timeline.frames[ask].state.places.keys()].filter((p) => [...timeline.frames[ask].state.places.get(p)!.values()].some((c) => c.mail === 'm1'));
    expect(before).toEqual(['server/alice/INBOX']);
  });
});

describe('judging a response', () => {
  it('a place answer is right only with every place and no other', () => {
    const answer = { kind: 'spots', spots: ['device:laptop', 'server'], options: [] } as const;
    expect(isCorrect(answer, { kind: 'spots', spots: ['server', 'device:laptop'] })).toBe(true);
    expect(isCorrect(answer, { kind: 'spots', spots: ['server'] })).toBe(false);
    expect(isCorrect(answer, { kind: 'spots', spots: ['server', 'device:laptop', 'device:phone'] })).toBe(false);
  });
  it('numbers and yes/no compare exactly', () => {
    expect(isCorrect({ kind: 'count', value: 2, max: 3 }, { kind: 'count', value: 2 })).toBe(true);
    expect(isCorrect({ kind: 'count', value: 2, max: 3 }, { kind: 'count', value: 3 })).toBe(false);
    expect(isCorrect({ kind: 'yesno', value: false }, { kind: 'yesno', value: true })).toBe(false);
  });
});
