// The question on screen: asked before its step runs, answered by choosing
// options (or clicking places in the picture), then revealed with the step's
// note and narration as the reason, and the score for the run.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from '../i18n/useTranslation';
import { playerStore } from '../store/playerStore';
import { useSelector } from '../store/useStore';
import { sessionOf } from '../model/session';
import { isCorrect, type Response, type Spot } from '../../sim';
import { answer, currentQuestions, quizStore, resetQuiz, runStep } from './quizStore';
import { isAnswered, scoreOf, toggleSpot } from './quizState';
import { answerText, countLabel, questionText, quizWords, spotLabel, stepContext, whyText } from './questionText';
import './quiz.css';

export function QuizPanel({ go, large = false }: { go?: () => void; large?: boolean }) {
  const { t } = useTranslation();
  const timeline = useSelector(playerStore, (s) => s.timeline);
  const lang = useSelector(playerStore, (s) => s.lang);
  const quiz = useSelector(quizStore, (q) => q);
  const session = timeline ? sessionOf(timeline) : undefined;
  const questions = useMemo(() => (timeline ? currentQuestions({ ...playerStore.get(), timeline }) : []), [timeline]);
  // The words rebuild the last frame's state: only worth it when there is something to ask.
  const words = useMemo(() => (session && questions.length ? quizWords(session.timeline, session.scenario, t, lang) : null), [session, questions.length, t, lang]);
  // The option chosen, remembered with the question it was chosen for (a new question starts unchosen).
  const [chosen, setChosen] = useState<{ index: number; value: number | boolean } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const verdictRef = useRef<HTMLParagraphElement>(null);
  const asked = questions.find((q) => q.index === quiz.open);
  const answered = asked ? isAnswered(quiz, asked.index) : false;

  const choice = chosen && chosen.index === quiz.open ? chosen.value : null;
  useEffect(() => {
    if (quiz.open !== null) heading.current?.focus();
  }, [quiz.open]);
  useEffect(() => {
    if (answered) verdictRef.current?.focus();
  }, [answered]);

  if (!session || !words || !questions.length) return null;
  const score = scoreOf(quiz, questions);
  const scoreLine = (
    <p className="quiz-score" data-testid="quiz-score" data-right={score.right} data-asked={score.asked}>
      {t('ui.quiz.score', { right: score.right, asked: score.asked })} <span className="muted">({t('ui.quiz.questions', { count: score.total })})</span>
      {score.asked > 0 && (
        <button type="button" className="link" onClick={resetQuiz} data-testid="quiz-reset">
          {t('ui.quiz.resetScore')}
        </button>
      )}
    </p>
  );
  if (!asked) return <div className="quiz quiz-idle">{scoreLine}</div>;

  const q = asked.question;
  const a = asked.answer;
  const name = `quiz-${asked.index}`;
  const response = quiz.responses[asked.index];
  const verdict = response === null || response === undefined ? 'skipped' : isCorrect(a, response) ? 'right' : 'wrong';

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    let r: Response | null = null;
    if (a.kind === 'spots') r = { kind: 'spots', spots: quiz.draft };
    else if (a.kind === 'count' && typeof choice === 'number') r = { kind: 'count', value: choice };
    else if (a.kind === 'yesno' && typeof choice === 'boolean') r = { kind: 'yesno', value: choice };
    if (r) answer(r);
  };

  const given = (value: Spot | number | boolean): boolean => {
    if (!answered || !response) return false;
    if (response.kind === 'spots') return response.spots.includes(value as Spot);
    return response.value === value;
  };

  const options: Array<{ value: Spot | number | boolean; label: string; type: 'checkbox' | 'radio' }> =
    a.kind === 'spots'
      ? a.options.map((spot) => ({ value: spot, label: spotLabel(spot, words), type: 'checkbox' }))
      : a.kind === 'count'
        ? Array.from({ length: a.max + 1 }, (_, n) => ({ value: n, label: countLabel(n, words), type: 'radio' }))
        : [
            { value: true, label: t('ui.quiz.yes'), type: 'radio' },
            { value: false, label: t('ui.quiz.no'), type: 'radio' },
          ];

  const checked = (value: Spot | number | boolean) => (answered ? given(value) : a.kind === 'spots' ? quiz.draft.includes(value as Spot) : choice === value);
  const change = (value: Spot | number | boolean) => {
    if (answered) return;
    if (a.kind === 'spots') quizStore.set((s) => toggleSpot(s, value as Spot));
    else setChosen({ index: asked.index, value: value as number | boolean });
  };
  const ready = a.kind === 'spots' ? quiz.draft.length > 0 : choice !== null;

  return (
    <section className={`quiz quiz-open${large ? ' quiz-large' : ''}`} aria-labelledby="quiz-heading" data-testid="quiz" data-question={asked.index}>
      <h3 id="quiz-heading" tabIndex={-1} ref={heading}>
        {t('ui.quiz.heading')} <span className="quiz-context">· {stepContext(q, session.scenario, words)}</span>
      </h3>
      <form onSubmit={submit}>
        <fieldset disabled={answered}>
          <legend data-testid="quiz-text">{questionText(q, words)}</legend>
          <div className={`quiz-options quiz-${a.kind}`}>
            {options.map((o, k) => {
              const right = answered && (a.kind === 'spots' ? a.spots.includes(o.value as Spot) : a.value === o.value);
              return (
                <label key={String(o.value)} className={`quiz-option${right ? ' is-answer' : ''}`} data-testid="quiz-option" data-value={String(o.value)}>
                  <input type={o.type} name={name} value={k} checked={checked(o.value)} onChange={() => change(o.value)} />
                  <span>{o.label}</span>
                </label>
              );
            })}
          </div>
          {a.kind === 'spots' && !answered && <p className="muted quiz-hint">{t('ui.quiz.pickHint')}</p>}
        </fieldset>
        {!answered && (
          <p className="quiz-actions">
            <button type="submit" className="primary" disabled={!ready} data-testid="quiz-check">
              {t('ui.quiz.check')}
            </button>
            <button type="button" onClick={() => answer(null)} data-testid="quiz-skip">
              {t('ui.quiz.skip')}
            </button>
          </p>
        )}
      </form>
      {answered && (
        <div className="quiz-reveal">
          <p className={`quiz-verdict verdict-${verdict}`} role="status" tabIndex={-1} ref={verdictRef} data-testid="quiz-verdict" data-verdict={verdict}>
            {t(`ui.quiz.${verdict}`)} {t('ui.quiz.answerIs', { answer: answerText(a, words) })}
          </p>
          <h4>{t('ui.quiz.why')}</h4>
          <ul className="quiz-why">
            {whyText(q, session.scenario, session.timeline, words).map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
          <p className="quiz-actions">
            <button type="button" className="primary" onClick={() => runStep(go)} data-testid="quiz-run">
              {t('ui.quiz.run')}
            </button>
          </p>
        </div>
      )}
      {scoreLine}
    </section>
  );
}
