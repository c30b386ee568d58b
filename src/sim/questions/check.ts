// What the question schema cannot say on its own: that a question's step
// exists, that its mail exists by then, that its device exists and can hold
// mail, and that an "accepted" question stands at the mail's own arrival.
// Each problem is located ("questions[2].mail") like the loader's problems.
import type { Scenario, Step } from '../scenario/schema';

export interface QuestionProblem {
  file: string;
  path: string;
  message: string;
}

function declaredMails(step: Step): string[] {
  if (step.do === 'mail.arrive' || step.do === 'device.send') return [step.mail.id];
  if (step.do === 'mail.burst') return Array.from({ length: step.count }, (_, k) => `${step.prefix}${k + 1}`);
  return [];
}

const list = (names: string[]) => (names.length ? names.join(', ') : '(none)');

export function checkQuestions(file: string, s: Pick<Scenario, 'steps' | 'world' | 'questions'>): QuestionProblem[] {
  const problems: QuestionProblem[] = [];
  const add = (path: string, message: string) => problems.push({ file, path, message });
  // The step at which each mail first exists.
  const bornAt = new Map<string, number>();
  s.steps.forEach((step, i) => {
    for (const id of declaredMails(step)) if (!bornAt.has(id)) bornAt.set(id, i);
  });
  s.questions.forEach((q, i) => {
    const at = `questions[${i}]`;
    if (q.step >= s.steps.length) {
      add(`${at}.step`, `no step ${q.step}: the scenario has ${s.steps.length} step${s.steps.length === 1 ? '' : 's'} (numbered from 0)`);
      return;
    }
    const born = bornAt.get(q.mail);
    if (born === undefined) add(`${at}.mail`, `no mail "${q.mail}" arrives or is sent in this scenario`);
    else if (born > q.step) add(`${at}.mail`, `mail "${q.mail}" first exists at step ${born}, after step ${q.step} the question is asked at`);
    if (q.kind === 'onDevice') {
      const device = s.world.devices.find((d) => d.id === q.device);
      if (!device) add(`${at}.device`, `no device "${q.device}" — devices are ${list(s.world.devices.map((d) => d.id))}`);
      else if (device.kind === 'webmail') add(`${at}.device`, 'webmail keeps nothing on a device: ask "onServer" instead');
    }
    if (q.kind === 'accepted') {
      const step = s.steps[q.step];
      if (step.do !== 'mail.arrive' && step.do !== 'mail.burst') add(`${at}.step`, `an "accepted" question stands at a mail's arrival; step ${q.step} is "${step.do}"`);
      else if (born !== undefined && born !== q.step) add(`${at}.mail`, `mail "${q.mail}" does not arrive at step ${q.step}`);
    }
  });
  return problems;
}
