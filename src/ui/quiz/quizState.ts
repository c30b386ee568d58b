// The run's questions in the player, as pure state transitions: where a
// question stops playback, what the learner has chosen, what was answered, and
// the score. The store (quizStore.ts) applies these; the tests call them.
import { answerOf, isCorrect, questionFrames, type Answer, type Question, type Response, type Scenario, type Spot, type Timeline } from '../../sim';

export interface AskedQuestion {
  readonly index: number;
  readonly question: Question;
  /** The frame the player stops at to ask (the state before the step). */
  readonly ask: number;
  readonly answer: Answer;
}

export interface QuizState {
  /** Which run the responses belong to: scenario id and variant. */
  readonly key: string | null;
  /** Question index → the response given (null: skipped). */
  readonly responses: Readonly<Record<number, Response | null>>;
  /** The question on screen (asked, or answered and revealed until the step runs). */
  readonly open: number | null;
  /** The places chosen so far for an open "where" question (from the options or the picture). */
  readonly draft: readonly Spot[];
}

export const initialQuizState: QuizState = { key: null, responses: {}, open: null, draft: [] };

const cache = new WeakMap<Timeline, AskedQuestion[]>();

/** The questions of a run with their frames and (lazily read) answers, in the order they are asked. */
export function askedQuestions(scenario: Pick<Scenario, 'questions'>, timeline: Timeline): AskedQuestion[] {
  const known = cache.get(timeline);
  if (known) return known;
  const out: AskedQuestion[] = [];
  scenario.questions.forEach((question, index) => {
    // The answer is read from the timeline only when something asks for it (the
    // reveal, the notes window): reading every answer while a scenario opens
    // rebuilt frame states on the page's thread for tens of milliseconds. The
    // loader's checkQuestions has made sure every question has one.
    let answer: Answer | undefined;
    out.push({
      index,
      question,
      ask: questionFrames(timeline, question.step).ask,
      get answer() {
        answer ??= answerOf(question, timeline)!;
        return answer;
      },
    });
  });
  out.sort((a, b) => a.ask - b.ask || a.index - b.index);
  cache.set(timeline, out);
  return out;
}

export const isAnswered = (s: QuizState, index: number) => Object.prototype.hasOwnProperty.call(s.responses, index);

/**
 * The question that stops a move from frame `from` to `to`: the first
 * unanswered one whose step the move would run (it crosses the frame before
 * the step), or arrives at while playing. Moving back never stops.
 */
export function stopFor(questions: readonly AskedQuestion[], s: QuizState, from: number, to: number, playing: boolean): AskedQuestion | null {
  if (to <= from) return null;
  for (const q of questions) {
    if (isAnswered(s, q.index)) continue;
    if (from <= q.ask && to > q.ask) return q;
    if (playing && from < q.ask && to === q.ask) return q;
  }
  return null;
}

export function openQuestion(s: QuizState, index: number): QuizState {
  return s.open === index ? s : { ...s, open: index, draft: [] };
}

/** Choose or unchoose a place for the open "where" question. */
export function toggleSpot(s: QuizState, spot: Spot): QuizState {
  if (s.open === null || isAnswered(s, s.open)) return s;
  return { ...s, draft: s.draft.includes(spot) ? s.draft.filter((x) => x !== spot) : [...s.draft, spot] };
}

export function respond(s: QuizState, response: Response | null): QuizState {
  if (s.open === null || isAnswered(s, s.open)) return s;
  return { ...s, responses: { ...s.responses, [s.open]: response } };
}

/** Close the revealed question (the step then runs). */
export const closeQuestion = (s: QuizState): QuizState => (s.open === null ? s : { ...s, open: null, draft: [] });

export interface Score {
  readonly right: number;
  readonly asked: number;
  readonly total: number;
}

export function scoreOf(s: QuizState, questions: readonly AskedQuestion[]): Score {
  let right = 0;
  let asked = 0;
  for (const q of questions) {
    if (!isAnswered(s, q.index)) continue;
    asked++;
    const r = s.responses[q.index];
    if (r && isCorrect(q.answer, r)) right++;
  }
  return { right, asked, total: questions.length };
}

/** Responses kept across a reload, as plain JSON; anything malformed is dropped. */
export function parseSavedResponses(text: string | null): Record<number, Response | null> {
  if (!text) return {};
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {};
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return {};
  const out: Record<number, Response | null> = {};
  for (const [k, v] of Object.entries(data as Record<string, unknown>)) {
    const index = Number(k);
    if (!Number.isInteger(index) || index < 0 || index > 1000) continue;
    if (v === null) out[index] = null;
    else if (v && typeof v === 'object') {
      const r = v as { kind?: unknown; value?: unknown; spots?: unknown };
      if (r.kind === 'yesno' && typeof r.value === 'boolean') out[index] = { kind: 'yesno', value: r.value };
      else if (r.kind === 'count' && Number.isInteger(r.value)) out[index] = { kind: 'count', value: r.value as number };
      else if (r.kind === 'spots' && Array.isArray(r.spots) && r.spots.every((x) => typeof x === 'string' && x.length < 80)) out[index] = { kind: 'spots', spots: r.spots as Spot[] };
    }
  }
  return out;
}
