// The presenter's notes, in a second window that follows the presenting one:
// the current step's note and narration, what comes next, the mail pointed at.
// Page Down / Page Up pressed here step the presentation.
import { useTranslation } from '../i18n/useTranslation';
import { playerStore } from '../store/playerStore';
import { useSelector } from '../store/useStore';
import { sessionOf } from '../model/session';
import { narrationText, stepNote } from '../components/NarrationPanel';
import { timeText } from '../picture/pictureModel';
import { playerNames } from '../model/narrationText';
import { stepSoFar } from './presenterState';
import { useStepNames } from './useStepNames';
import { useFollowPresenter } from './useLectureChannel';
import { usePresenterKeys } from './usePresenterKeys';
import { presenterStore } from './presenterStore';
import { askedQuestions } from '../quiz/quizState';
import { answerText, questionText, quizWords } from '../quiz/questionText';

export function NotesView() {
  const { t } = useTranslation();
  const remote = useFollowPresenter();
  usePresenterKeys(remote);
  const timeline = useSelector(playerStore, (s) => s.timeline);
  const frameIndex = useSelector(playerStore, (s) => s.frame);
  const lang = useSelector(playerStore, (s) => s.lang);
  const pointer = useSelector(playerStore, (s) => s.selectedMail);
  const theme = useSelector(presenterStore, (p) => p.theme);
  const { marks, names } = useStepNames();
  const session = timeline ? sessionOf(timeline) : undefined;
  if (!timeline || !session) return <main className="notes-window">{t('ui.lecture.follows')}</main>;
  const scenario = session.scenario;
  const frame = timeline.frames[Math.min(frameIndex, timeline.frames.length - 1)];
  const name = playerNames(scenario, session.index, lang);
  const { ordinal } = stepSoFar(marks, frame.index);
  const note = ordinal >= 0 ? stepNote(timeline, marks[ordinal]) : undefined;
  const nextMark = marks[ordinal + 1];
  const nextFrame = nextMark !== undefined ? timeline.frames[nextMark] : undefined;
  const nextNote = nextMark !== undefined ? stepNote(timeline, nextMark) : undefined;
  const narration = frame.index === 0 && frame.step === -1 ? t('ui.narration.initial') : narrationText(frame, t, lang, name);
  const style = pointer ? session.index.styles.get(pointer) : undefined;
  // The questions asked over this frame (before the next step runs), with their answers for the presenter.
  const asked = askedQuestions(scenario, timeline).filter((q) => q.ask === frame.index);
  const words = asked.length ? quizWords(timeline, scenario, t, lang) : null;
  return (
    <main className={`notes-window theme-${theme}`} data-testid="notes">
      <header>
        <h1>{t('ui.lecture.notesHeading')}</h1>
        <p className="muted">{scenario.title[lang]}</p>
        <p className="muted">{t('ui.lecture.follows')}</p>
      </header>
      <section aria-labelledby="notes-now">
        <h2 id="notes-now">
          {t('ui.lecture.now')}:{' '}
          <span data-testid="notes-step" data-frame={frame.index}>
            {ordinal < 0 ? t('ui.lecture.beforeFirst') : `${t('ui.lecture.stepOf', { step: ordinal + 1, steps: marks.length })} — ${names[ordinal]}`}
          </span>{' '}
          <span className="muted">{timeText(frame.time, lang, t)}</span>
        </h2>
        <h3>{t('ui.lecture.stepNote')}</h3>
        <p className="notes-note" data-testid="notes-note">
          {note ? note[lang] : t('ui.lecture.noNote')}
        </p>
        <h3>{t('ui.lecture.narration')}</h3>
        <p data-testid="notes-narration">{narration}</p>
        <p data-testid="notes-pointer">{style && pointer ? t('ui.lecture.pointing', { label: style.label, subject: name.mail(pointer)?.subject ?? pointer }) : t('ui.lecture.noPointer')}</p>
      </section>
      {words && (
        <section aria-labelledby="notes-answer" className="notes-answer">
          <h2 id="notes-answer">{t('ui.quiz.presenterAnswer')}</h2>
          {asked.map((q) => (
            <p key={q.index} data-testid="notes-answer">
              {questionText(q.question, words)} <strong>→ {answerText(q.answer, words)}</strong>
            </p>
          ))}
        </section>
      )}
      <section aria-labelledby="notes-next">
        <h2 id="notes-next">{t('ui.lecture.nextUp')}</h2>
        {nextFrame ? (
          <>
            <p className="notes-next-name" data-testid="notes-next">
              {t('ui.lecture.stepOf', { step: ordinal + 2, steps: marks.length })} — {names[ordinal + 1]}
            </p>
            {nextNote && <p className="notes-note">{nextNote[lang]}</p>}
            <p>
              <span className="muted">{t('ui.lecture.nextNarration')}:</span> {narrationText(nextFrame, t, lang, name)}
            </p>
          </>
        ) : (
          <p data-testid="notes-next">{t('ui.lecture.lastStep')}</p>
        )}
      </section>
    </main>
  );
}
