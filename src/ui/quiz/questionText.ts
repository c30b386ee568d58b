// A question, its choices and its answer in words, in the reader's language.
// The wording is generated from the question's kind and the names the picture
// uses (message numbers, device labels, addresses), unless the scenario gives
// its own wording. Pure: the player, the handout and the Moodle and SCORM
// exports (in Node too) all call it with their own `t`.
import type { TFunction } from 'i18next';
import type { Answer, Question, Scenario, Spot, Timeline } from '../../sim';
import { answerOf, questionFrames } from '../../sim';
import { renderNarration } from '../../i18n/renderNarration';
import { timelineNames, type Lang, type Names } from '../../i18n/names';
import { stepName } from '../presenter/stepNames';
import { folderNamer } from '../model/placeName';

export interface QuizWords {
  readonly lang: Lang;
  readonly names: Names;
  /** "3" for the mail the picture draws as 3. */
  readonly mailLabel: (id: string) => string;
  readonly t: TFunction;
  /** The first receiving account of an arriving mail. */
  readonly receiver: (mail: string) => string | undefined;
}

export function quizWords(timeline: Timeline, scenario: Scenario, t: TFunction, lang: Lang): QuizWords {
  const names = timelineNames(timeline, lang, scenario);
  const receivers = new Map<string, string>();
  for (const step of scenario.steps) {
    if (step.do === 'mail.arrive') receivers.set(step.mail.id, step.mail.to[0]);
    if (step.do === 'mail.burst') for (let k = 1; k <= step.count; k++) receivers.set(`${step.prefix}${k}`, step.to[0]);
  }
  return { lang, names, t, mailLabel: (id) => names.mail(id)?.label ?? id, receiver: (mail) => receivers.get(mail) };
}

export function questionText(q: Question, w: QuizWords): string {
  if (q.text) return q.text[w.lang];
  const mail = w.mailLabel(q.mail);
  switch (q.kind) {
    case 'onDevice':
      return w.t('ui.quiz.q.onDevice', { mail, device: w.names.device(q.device) });
    case 'accepted':
      return w.t('ui.quiz.q.accepted', { mail, account: w.names.account(w.receiver(q.mail) ?? '') });
    default:
      return w.t(`ui.quiz.q.${q.kind}`, { mail });
  }
}

/** "Before step 4: Anna's laptop checks for mail". */
export function stepContext(q: Question, scenario: Scenario, w: QuizWords): string {
  const step = scenario.steps[q.step];
  const name = step ? stepName(step, w.t, w.names.device, w.mailLabel, folderNamer(scenario, w.lang)) : '';
  return w.t('ui.quiz.before', { step: q.step + 1, name });
}

export function spotLabel(spot: Spot, w: QuizWords): string {
  if (spot.startsWith('device:')) return w.t('ui.quiz.spot.device', { device: w.names.device(spot.slice('device:'.length)) });
  return w.t(`ui.quiz.spot.${spot}`);
}

export function countLabel(n: number, w: QuizWords): string {
  return w.t('ui.quiz.devicesCount', { count: n });
}

/** The right answer in words: "on the server, on Anna's laptop", "2 devices", "No". */
export function answerText(answer: Answer, w: QuizWords): string {
  if (answer.kind === 'spots') return answer.spots.map((s) => spotLabel(s, w)).join(', ');
  if (answer.kind === 'count') return countLabel(answer.value, w);
  return w.t(answer.value ? 'ui.quiz.yes' : 'ui.quiz.no');
}

export interface WordedQuestion {
  readonly index: number;
  readonly question: Question;
  readonly answer: Answer;
  readonly context: string;
  readonly text: string;
  readonly answerText: string;
  /** Why: the step's note, then what each of its frames narrates. */
  readonly why: readonly string[];
  /** The names of the steps before this one, for a question read without the animation (Moodle). */
  readonly story: readonly string[];
}

// A long step (a first sync of many messages) is told in its first lines; the handout and the transcript have the rest.
const MAX_WHY = 6;

/** The step's note and the narration of each frame the step made: what the reveal shows as the reason. */
export function whyText(q: Question, scenario: Scenario, timeline: Timeline, w: QuizWords): string[] {
  const out: string[] = [];
  const note = scenario.steps[q.step]?.note;
  if (note) out.push(note[w.lang]);
  const { ask, answer } = questionFrames(timeline, q.step);
  for (let i = ask + 1; i <= answer && out.length < MAX_WHY; i++) {
    const frame = timeline.frames[i];
    if (frame.step !== q.step) continue;
    out.push(renderNarration(frame.narration, w.t, w.lang, w.names, frame.label));
  }
  return out;
}

/** Every step before the question's, by name: "1. Message 1 arrives". */
export function storySoFar(q: Question, scenario: Scenario, w: QuizWords): string[] {
  const folders = folderNamer(scenario, w.lang);
  return scenario.steps.slice(0, q.step).map((step, i) => `${i + 1}. ${stepName(step, w.t, w.names.device, w.mailLabel, folders)}`);
}

/** Every question of a run in words with its answer; questions whose answer cannot be read are left out (checkQuestions names them). */
export function wordedQuestions(scenario: Scenario, timeline: Timeline, t: TFunction, lang: Lang): WordedQuestion[] {
  const w = quizWords(timeline, scenario, t, lang);
  const out: WordedQuestion[] = [];
  scenario.questions.forEach((question, index) => {
    const answer = answerOf(question, timeline);
    if (!answer) return;
    out.push({
      index,
      question,
      answer,
      context: stepContext(question, scenario, w),
      text: questionText(question, w),
      answerText: answerText(answer, w),
      why: whyText(question, scenario, timeline, w),
      story: storySoFar(question, scenario, w),
    });
  });
  return out;
}
