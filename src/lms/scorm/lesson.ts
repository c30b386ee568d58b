// The lesson a SCORM package carries, as plain JSON: every step of every
// scenario with its name, note, narration and pictures in both languages, and
// each question with its options and its answer read from the run. The launch
// page (launch.js) only steps through this; nothing is simulated there.
//
// Pictures are drawn by a function the caller passes (the browser's document,
// or jsdom in the CLI), so this file stays free of the DOM.
import type { TFunction } from 'i18next';
import type { Scenario, Spot, Timeline } from '../../sim';
import { questionFrames } from '../../sim';
import type { Lang } from '../../i18n/names';
import { renderNarration } from '../../i18n/renderNarration';
import { countLabel, quizWords, spotLabel, wordedQuestions } from '../../ui/quiz/questionText';
import { stepName } from '../../ui/presenter/stepNames';
import { folderNamer } from '../../ui/model/placeName';

export type PerLang<T> = Record<Lang, T>;

export interface LessonQuestion {
  readonly id: string;
  readonly kind: 'spots' | 'count' | 'yesno';
  readonly context: PerLang<string>;
  readonly text: PerLang<string>;
  readonly options: ReadonlyArray<{ readonly value: Spot; readonly label: PerLang<string> }>;
  readonly max: number;
  readonly countLabels: PerLang<string[]>;
  readonly answer: readonly Spot[] | number | boolean;
  readonly answerText: PerLang<string>;
}

export interface LessonStep {
  readonly name: PerLang<string>;
  readonly note: PerLang<string> | null;
  readonly lines: PerLang<string[]>;
  /** The picture after the step, and before it (what a question is asked over). */
  readonly picture: PerLang<string>;
  readonly before: PerLang<string>;
  readonly questions: readonly LessonQuestion[];
}

export interface LessonScenario {
  readonly id: string;
  readonly title: PerLang<string>;
  readonly summary: PerLang<string>;
  readonly start: PerLang<string>;
  readonly final: PerLang<string>;
  readonly steps: readonly LessonStep[];
}

export interface Lesson {
  readonly version: 1;
  readonly lang: Lang;
  readonly langs: readonly Lang[];
  readonly title: PerLang<string>;
  readonly ui: PerLang<Record<string, string>>;
  readonly scenarios: readonly LessonScenario[];
}

/** Draws frame `frame` of a run in a language and returns the SVG's text. */
export type DrawFrame = (scenarioIndex: number, frame: number, lang: Lang) => string;

export interface LessonSource {
  readonly scenario: Scenario;
  readonly timeline: Timeline;
}

const LANGS: readonly Lang[] = ['de', 'en'];
const MAX_LINES = 12;

function both<T>(f: (l: Lang) => T): PerLang<T> {
  return { de: f('de'), en: f('en') };
}

/** The launch page's own words, from the app's texts. */
function uiTexts(t: TFunction): Record<string, string> {
  const k = (key: string, params?: Record<string, unknown>) => t(`ui.quiz.scormUi.${key}`, params ?? {});
  return {
    language: k('language'),
    score: k('score'),
    finished: k('finished'),
    step: k('step'),
    back: k('back'),
    next: k('next'),
    run: t('ui.quiz.run'),
    check: t('ui.quiz.check'),
    skip: t('ui.quiz.skip'),
    yes: t('ui.quiz.yes'),
    no: t('ui.quiz.no'),
    right: t('ui.quiz.right'),
    wrong: t('ui.quiz.wrong'),
    skipped: t('ui.quiz.skipped'),
    answerIs: t('ui.quiz.answerIs', { answer: '{{answer}}' }),
    navigation: k('navigation'),
    beforePicture: k('beforePicture'),
    afterPicture: k('afterPicture'),
    startPicture: k('startPicture'),
    finalPicture: k('finalPicture'),
  };
}

/** The lesson and the pictures it names (path → SVG text). */
export function buildLesson(sources: readonly LessonSource[], ts: PerLang<TFunction>, lang: Lang, draw: DrawFrame): { lesson: Lesson; pictures: Map<string, string> } {
  const pictures = new Map<string, string>();
  const picture = (s: number, frame: number): PerLang<string> =>
    both((l) => {
      const path = `pictures/s${s + 1}-f${frame}-${l}.svg`;
      if (!pictures.has(path)) pictures.set(path, draw(s, frame, l));
      return path;
    });
  const scenarios = sources.map(({ scenario, timeline }, s): LessonScenario => {
    const words = both((l) => quizWords(timeline, scenario, ts[l], l));
    const worded = both((l) => wordedQuestions(scenario, timeline, ts[l], l));
    const last = timeline.frames.length - 1;
    const steps = scenario.steps.map((step, i): LessonStep => {
      const { ask, answer } = questionFrames(timeline, i);
      const lines = both((l) => {
        const out: string[] = [];
        for (let f = ask + 1; f <= answer && out.length < MAX_LINES; f++) {
          const frame = timeline.frames[f];
          if (frame.step === i) out.push(renderNarration(frame.narration, ts[l], l, words[l].names, frame.label));
        }
        return out;
      });
      const questions = worded.en
        .map((en, k) => ({ en, de: worded.de[k] }))
        .filter(({ en }) => en.question.step === i)
        .map(({ en, de }): LessonQuestion => {
          const w = { de, en };
          const a = en.answer;
          const max = a.kind === 'count' ? a.max : 0;
          return {
            id: `${scenario.id}-q${en.index + 1}`,
            kind: a.kind,
            context: both((l) => w[l].context),
            text: both((l) => w[l].text),
            options: a.kind === 'spots' ? a.options.map((value) => ({ value, label: both((l) => spotLabel(value, words[l])) })) : [],
            max,
            countLabels: both((l) => Array.from({ length: max + 1 }, (_, n) => countLabel(n, words[l]))),
            answer: a.kind === 'spots' ? a.spots : a.value,
            answerText: both((l) => w[l].answerText),
          };
        });
      return {
        name: both((l) => stepName(step, ts[l], words[l].names.device, words[l].mailLabel, folderNamer(scenario, l))),
        note: step.note ?? null,
        lines,
        picture: picture(s, answer),
        before: picture(s, ask),
        questions,
      };
    });
    return { id: scenario.id, title: scenario.title, summary: scenario.summary, start: picture(s, 0), final: picture(s, last), steps };
  });
  const title = sources.length === 1 ? sources[0].scenario.title : both((l) => sources.map((x) => x.scenario.title[l]).join(' · '));
  return { lesson: { version: 1, lang, langs: LANGS, title, ui: both((l) => uiTexts(ts[l])), scenarios }, pictures };
}
