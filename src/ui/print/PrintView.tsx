// The handout: one A4 page per step — the picture after the step, its note, what
// happened — and a last page with the outcome and the scorecard. Printed with the
// browser's own "Print / Save as PDF".
import { useEffect, useMemo } from 'react';
import { useTranslation } from '../i18n/useTranslation';
import { playerStore, send } from '../store/playerStore';
import { createStore } from '../store/store';
import { useSelector } from '../store/useStore';
import { toEnd } from '../store/commands';
import { initialPlayerState, type PlayerState } from '../store/playerState';
import { sessionOf } from '../model/session';
import { Picture } from '../picture/Picture';
import { Legend } from '../components/Legend';
import { Scorecard } from '../components/Scorecard';
import { narrationText, stepNote } from '../components/NarrationPanel';
import { timeText } from '../picture/pictureModel';
import { playerNames } from '../model/narrationText';
import { stepEnds } from '../presenter/presenterState';
import { useStepNames } from '../presenter/useStepNames';
import { handoutSteps, MAX_LINES } from './handoutSteps';
import { HandoutQuestions, pageOfQuestion } from './HandoutQuestions';
import { askedQuestions } from '../quiz/quizState';
import '../quiz/quiz.css';
import './print.css';

/** A picture of one frame, held still: its own little store, so the page's player is untouched. */
function StillPicture({ frame, label }: { frame: number; label: string }) {
  const timeline = useSelector(playerStore, (s) => s.timeline);
  const loaded = useSelector(playerStore, (s) => s.loaded);
  const lang = useSelector(playerStore, (s) => s.lang);
  const store = useMemo(() => createStore<PlayerState>({ ...initialPlayerState, timeline, loaded, lang, frame, phase: 1, reducedMotion: true }), [timeline, loaded, lang, frame]);
  return <Picture store={store} label={label} />;
}

export function PrintView() {
  const { t } = useTranslation();
  const timeline = useSelector(playerStore, (s) => s.timeline);
  const lang = useSelector(playerStore, (s) => s.lang);
  const { marks, names } = useStepNames();
  // The scorecard on the last page shows the end.
  useEffect(() => send(toEnd), [timeline]);
  const session = timeline ? sessionOf(timeline) : undefined;
  if (!timeline || !session) return null;
  const scenario = session.scenario;
  const last = timeline.frames.length - 1;
  const steps = handoutSteps(marks, stepEnds(marks, last));
  const name = playerNames(scenario, session.index, lang);
  const questions = askedQuestions(scenario, timeline);
  const ends = steps.map((s) => s.end);
  const questionsOn = (page: number) => questions.filter((q) => pageOfQuestion(q.ask, ends) === page);
  const back = (() => {
    const q = new URLSearchParams(location.search);
    q.delete('print');
    return `${location.pathname}?${q.toString()}`;
  })();
  return (
    <main className="print-view" id="main" data-testid="print-view">
      <header className="print-page print-cover">
        <h1>{t('ui.print.title', { scenario: scenario.title[lang] })}</h1>
        <p className="summary">{scenario.summary[lang]}</p>
        <p className="muted">{t('ui.print.intro')}</p>
        <p className="print-actions">
          <button type="button" onClick={() => window.print()} data-testid="print-now">
            {t('ui.print.printNow')}
          </button>{' '}
          <a href={back}>{t('ui.print.back')}</a>
        </p>
        <Legend />
        <HandoutQuestions questions={questionsOn(-1)} scenario={scenario} timeline={timeline} lang={lang} />
      </header>
      {steps.map((s, i) => {
        const note = stepNote(timeline, s.first);
        const frames = timeline.frames.slice(s.first, s.end + 1);
        const lines = frames.slice(0, MAX_LINES).map((f) => narrationText(f, t, lang, name));
        return (
          <section className="print-page print-step" key={s.first} data-testid="print-step" data-frame={s.end} aria-labelledby={`print-step-${i}`}>
            <h2 id={`print-step-${i}`}>
              {t('ui.print.step', { step: i + 1, steps: steps.length, name: names[i] })} <span className="muted">{t('ui.print.at', { time: timeText(timeline.frames[s.first].time, lang, t) })}</span>
            </h2>
            {note && (
              <>
                <h3>{t('ui.print.note')}</h3>
                <p className="print-note">{note[lang]}</p>
              </>
            )}
            <figure>
              <StillPicture frame={s.end} label={t('ui.print.picture', { step: i + 1 })} />
            </figure>
            <h3>{t('ui.print.happened')}</h3>
            <ol className="print-lines">
              {lines.map((line, j) => (
                <li key={j}>{line}</li>
              ))}
            </ol>
            {frames.length > MAX_LINES && <p className="muted">{t('ui.print.more', { count: frames.length - MAX_LINES })}</p>}
            <HandoutQuestions questions={questionsOn(i)} scenario={scenario} timeline={timeline} lang={lang} />
          </section>
        );
      })}
      <section className="print-page print-outcome" data-testid="print-outcome" aria-labelledby="print-outcome">
        <h2 id="print-outcome">{t('ui.print.outcome')}</h2>
        <p className="muted">{t('ui.print.outcomeIntro')}</p>
        {questions.length > 0 && (
          <p className="print-quiz-score" data-testid="print-quiz-score">
            {t('ui.quiz.handoutScore', { count: questions.length })}
          </p>
        )}
        <figure>
          <StillPicture frame={last} label={t('ui.print.finalPicture')} />
        </figure>
        <Scorecard />
      </section>
    </main>
  );
}
