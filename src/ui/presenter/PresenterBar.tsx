// The one bar presenter mode keeps: back, play, next, where we are, the step
// marks, a pointer, the theme, the notes window, the handout, and the way out.
import { useTranslation } from '../i18n/useTranslation';
import { playerStore, send } from '../store/playerStore';
import { useSelector } from '../store/useStore';
import { useRestingFrame } from '../store/useRestingFrame';
import { togglePlay } from '../store/commands';
import { sessionOf } from '../model/session';
import { timeText } from '../picture/pictureModel';
import { Icon } from '../components/icons';
import { presenterStore, pointAt, presentNext, presentPrev } from './presenterStore';
import { nextTheme, stepSoFar, togglePresenter } from './presenterState';
import { openNotesWindow } from './useLectureChannel';
import { useStepNames } from './useStepNames';
import { StepMarks } from './StepMarks';
import { printUrl } from '../print/printUrl';

export function PresenterBar() {
  const { t } = useTranslation();
  const playing = useSelector(playerStore, (s) => s.playing);
  const timeline = useSelector(playerStore, (s) => s.timeline);
  const lang = useSelector(playerStore, (s) => s.lang);
  const pointer = useSelector(playerStore, (s) => s.selectedMail);
  const theme = useSelector(presenterStore, (p) => p.theme);
  const frame = useRestingFrame(300);
  const { marks, names } = useStepNames();
  const session = timeline ? sessionOf(timeline) : undefined;
  if (!timeline || !session) return null;
  const { ordinal } = stepSoFar(marks, frame);
  const where = ordinal < 0 ? t('ui.lecture.beforeFirst') : `${t('ui.lecture.stepOf', { step: ordinal + 1, steps: marks.length })}: ${names[ordinal]}`;
  const mails = [...session.index.styles];
  return (
    <div className="presenter-bar" role="group" aria-label={t('ui.lecture.bar')} data-testid="presenter-bar">
      <div className="presenter-buttons">
        <button type="button" onClick={presentPrev} title={t('ui.lecture.prevTitle')} aria-label={t('ui.lecture.prev')} data-testid="present-prev">
          <Icon name="stepBack" />
        </button>
        <button type="button" className="play" onClick={() => send(togglePlay)} aria-label={t(playing ? 'ui.lecture.pause' : 'ui.lecture.play')}>
          <Icon name={playing ? 'pause' : 'play'} />
        </button>
        <button type="button" className="next" onClick={presentNext} title={t('ui.lecture.nextTitle')} aria-label={t('ui.lecture.next')} data-testid="present-next">
          <Icon name="stepForward" />
          <span>{t('ui.lecture.next')}</span>
        </button>
      </div>
      <div className="presenter-where">
        <output data-testid="position" data-frame={frame} className="presenter-step">
          {where}
        </output>
        <span className="presenter-time">{timeText(timeline.frames[frame]?.time ?? 0, lang, t)}</span>
        <StepMarks total={timeline.frames.length} current={ordinal} numbered />
      </div>
      <div className="presenter-tools">
        <select value={pointer ?? ''} onChange={(e) => pointAt(e.target.value || null)} aria-label={t('ui.lecture.pointer')} data-testid="pointer">
            <option value="">{t(pointer ? 'ui.lecture.pointerNone' : 'ui.lecture.pointerPrompt')}</option>
            {mails.map(([id, st]) => (
              <option key={id} value={id}>
                {t('ui.lecture.pointerMail', { label: st.label })}
              </option>
            ))}
          </select>
        <button type="button" onClick={() => presenterStore.set(nextTheme)} data-testid="theme" aria-label={`${t('ui.lecture.theme')}: ${t(theme === 'dark' ? 'ui.lecture.themeDark' : 'ui.lecture.themeContrast')}`}>
          {t(theme === 'dark' ? 'ui.lecture.themeDark' : 'ui.lecture.themeContrast')}
        </button>
        <button type="button" onClick={openNotesWindow} title={t('ui.lecture.notesTitle')} data-testid="open-notes">
          {t('ui.lecture.notes')}
        </button>
        <a href={printUrl()} target="_blank" rel="noopener" title={t('ui.lecture.handoutTitle')}>
          {t('ui.lecture.handout')}
        </a>
        <button type="button" onClick={() => presenterStore.set(togglePresenter)} title={`${t('ui.lecture.exit')} (P)`} aria-label={t('ui.lecture.exit')} data-testid="present-exit">
          {t('ui.lecture.exitShort')}
        </button>
      </div>
    </div>
  );
}
