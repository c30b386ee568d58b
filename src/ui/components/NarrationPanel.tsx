// What is happening now: the step's own note, the simulation's narration of the
// current change, and the simulated time.
import { useTranslation } from '../i18n/useTranslation';
import { sharedRememberedT } from '../picture/rememberedT';
import type { Frame, Timeline } from '../../sim';
import { playerStore } from '../store/playerStore';
import { useSelector } from '../store/useStore';
import { useRestingFrame } from '../store/useRestingFrame';
import { timeText } from '../picture/pictureModel';
import type { TFunction } from 'i18next';
import type { Lang } from '../store/playerState';
import { narrate, playerNames, type Names } from '../model/narrationText';
import { sessionOf } from '../model/session';

export function narrationText(frame: Frame, t: TFunction, lang: Lang, names: Names): string {
  return narrate(frame.narration, t, lang, names, frame.label);
}

/** The note of the step a frame belongs to (it sits on the step's first frame). */
export function stepNote(timeline: Timeline, index: number): Frame['note'] {
  const step = timeline.frames[index]?.step;
  if (step === undefined || step < 0) return timeline.frames[index]?.note;
  for (let i = index; i >= 0 && timeline.frames[i].step === step; i--) if (timeline.frames[i].note) return timeline.frames[i].note;
  return undefined;
}

export function NarrationPanel() {
  const t = sharedRememberedT(useTranslation().t);
  const timeline = useSelector(playerStore, (s) => s.timeline);
  const frameIndex = useRestingFrame(500);
  const lang = useSelector(playerStore, (s) => s.lang);
  const scenario = useSelector(playerStore, (s) => s.loaded?.scenario);
  const session = timeline ? sessionOf(timeline) : undefined;
  if (!timeline || !scenario || !session) return null;
  const frame = timeline.frames[frameIndex];
  const note = stepNote(timeline, frameIndex);
  return (
    <section className="panel narration" aria-labelledby="narration-heading">
      <h2 id="narration-heading">
        {t('ui.narration.heading')} <span className="time" data-testid="sim-time">{timeText(frame.time, lang, t)}</span>
      </h2>
      {note && <p className="note" data-testid="note">{note[lang]}</p>}
      <p className="what" data-testid="narration">
        {frameIndex === 0 && frame.step === -1 ? t('ui.narration.initial') : narrationText(frame, t, lang, playerNames(session.scenario, session.index, lang))}
      </p>
    </section>
  );
}
