// Playback controls and the timeline with step markers. Commands go to the store;
// the component only reads what it shows.
import { memo } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from '../i18n/useTranslation';
import { sharedRememberedT } from '../picture/rememberedT';
import { playerStore, send } from '../store/playerStore';
import { useSelector } from '../store/useStore';
import { useRestingFrame } from '../store/useRestingFrame';
import { SPEEDS, type Lang } from '../store/playerState';
import { restart, seek, setSpeed, stepMarks, stepMicro, stepOrdinalAt, stepWhole, togglePlay } from '../store/commands';
import { formatNumber } from '../i18n/format';
import { Icon } from './icons';
import { StepMarks } from '../presenter/StepMarks';

export function Controls({ compact = false }: { compact?: boolean }) {
  const t = sharedRememberedT(useTranslation().t);
  const playing = useSelector(playerStore, (s) => s.playing);
  const frame = useRestingFrame(500);
  const speed = useSelector(playerStore, (s) => s.speed);
  const lang = useSelector(playerStore, (s) => s.lang);
  const timeline = useSelector(playerStore, (s) => s.timeline);
  if (!timeline) return null;
  const total = timeline.frames.length;
  const marks = stepMarks(playerStore.get());
  const step = stepOrdinalAt(marks, frame) + 1;
  const position = t('ui.controls.position', { frame: formatNumber(frame + 1, lang), total: formatNumber(total, lang), step: formatNumber(Math.max(step, 0), lang), steps: formatNumber(marks.length, lang) });
  return (
    <div className="controls" role="group" aria-label={t('ui.controls.group')}>
      <Buttons playing={playing} speed={speed} lang={lang} compact={compact} t={t} />
      <div className="scrubber">
        <input
          type="range"
          min={0}
          max={total - 1}
          step={1}
          value={frame}
          aria-label={t('ui.controls.timeline')}
          aria-valuetext={position}
          data-testid="scrubber"
          onChange={(e) => send(seek, Number(e.target.value))}
        />
        <Marks total={total} current={step - 1} />
        <output className="position" data-testid="position" data-frame={frame}>
          {position}
        </output>
      </div>
    </div>
  );
}

/** The step marks change only with the step: not rendered again at every change played. */
const Marks = memo(StepMarks);

/** The buttons and the speed change with playing, speed and language, not with the frame: a change played does not render them again. */
const Buttons = memo(function Buttons({ playing, speed, lang, compact, t }: { playing: boolean; speed: number; lang: Lang; compact: boolean; t: TFunction }) {
  const speedText = (v: number) => `${formatNumber(v, lang, 2)}×`;
  return (
    <div className="buttons">
      <button type="button" onClick={() => send(restart)} title={`${t('ui.controls.restart')} (R)`} aria-label={t('ui.controls.restart')}>
        <Icon name="restart" />
      </button>
      <button type="button" onClick={() => send(stepWhole, -1)} title={`${t('ui.controls.stepBack')} (Shift+←)`} aria-label={t('ui.controls.stepBack')}>
        <Icon name="stepBack" />
      </button>
      <button type="button" onClick={() => send(stepMicro, -1)} title={`${t('ui.controls.back')} (←)`} aria-label={t('ui.controls.back')}>
        <Icon name="back" />
      </button>
      <button type="button" className="play" data-testid="play" onClick={() => send(togglePlay)} title={`${t(playing ? 'ui.controls.pause' : 'ui.controls.play')} (Space)`} aria-label={t(playing ? 'ui.controls.pause' : 'ui.controls.play')}>
        <Icon name={playing ? 'pause' : 'play'} />
        <span className="play-text">{t(playing ? 'ui.controls.pause' : 'ui.controls.play')}</span>
      </button>
      <button type="button" onClick={() => send(stepMicro, 1)} title={`${t('ui.controls.forward')} (→)`} aria-label={t('ui.controls.forward')}>
        <Icon name="forward" />
      </button>
      <button type="button" onClick={() => send(stepWhole, 1)} title={`${t('ui.controls.stepForward')} (Shift+→)`} aria-label={t('ui.controls.stepForward')}>
        <Icon name="stepForward" />
      </button>
      <label className="speed">
        <span>{t('ui.controls.speed')}</span>
        <select value={speed} onChange={(e) => send(setSpeed, Number(e.target.value))} data-testid="speed">
          {SPEEDS.map((v) => (
            <option key={v} value={v}>
              {speedText(v)}
            </option>
          ))}
        </select>
      </label>
      {!compact && (
        <button type="button" className="help-button" onClick={() => playerStore.set((s) => ({ ...s, helpOpen: true }))} aria-label={t('ui.controls.help')} title={`${t('ui.controls.help')} (?)`}>
          <span aria-hidden="true">?</span>
        </button>
      )}
    </div>
  );
});
