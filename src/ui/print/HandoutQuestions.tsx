// The questions on the handout: each on the page whose picture shows the state
// it is asked over (the end of the step before), with its choices as boxes to
// tick and a line for the prediction. The answers are not printed.
import { useTranslation } from '../i18n/useTranslation';
import type { Scenario, Timeline } from '../../sim';
import type { Lang } from '../../i18n/names';
import type { AskedQuestion } from '../quiz/quizState';
import { countLabel, questionText, quizWords, spotLabel, stepContext } from '../quiz/questionText';

/** The page (index into the handout's steps, -1 for the cover) each question is printed on. */
export function pageOfQuestion(ask: number, ends: readonly number[]): number {
  let page = -1;
  ends.forEach((end, i) => {
    if (end <= ask) page = i;
  });
  return page;
}

export function HandoutQuestions({ questions, scenario, timeline, lang }: { questions: readonly AskedQuestion[]; scenario: Scenario; timeline: Timeline; lang: Lang }) {
  const { t } = useTranslation();
  if (!questions.length) return null;
  const words = quizWords(timeline, scenario, t, lang);
  return (
    <>
      {questions.map((q) => {
        const a = q.answer;
        const choices = a.kind === 'spots' ? a.options.map((s) => spotLabel(s, words)) : a.kind === 'count' ? Array.from({ length: a.max + 1 }, (_, n) => countLabel(n, words)) : [t('ui.quiz.yes'), t('ui.quiz.no')];
        return (
          <aside className="print-question" key={q.index} data-testid="print-question">
            <h3>
              {t('ui.quiz.handoutQuestion')} · {stepContext(q.question, scenario, words)}
            </h3>
            <p className="print-question-text">{questionText(q.question, words)}</p>
            <ul className="print-choices">
              {choices.map((c) => (
                <li key={c}>
                  <span aria-hidden="true">☐</span> {c}
                </li>
              ))}
            </ul>
            <p className="muted">{t('ui.quiz.handoutBlank')}</p>
          </aside>
        );
      })}
    </>
  );
}
