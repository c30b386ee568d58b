// The narration as a caption under the picture, large enough for the back row.
import { useTranslation } from '../i18n/useTranslation';
import { playerStore } from '../store/playerStore';
import { useSelector } from '../store/useStore';
import { useRestingFrame } from '../store/useRestingFrame';
import { narrationText } from '../components/NarrationPanel';
import { playerNames } from '../model/narrationText';
import { sessionOf } from '../model/session';

export function Caption() {
  const { t } = useTranslation();
  const timeline = useSelector(playerStore, (s) => s.timeline);
  const scenario = useSelector(playerStore, (s) => s.loaded?.scenario);
  const lang = useSelector(playerStore, (s) => s.lang);
  const frameIndex = useRestingFrame(300);
  const session = timeline ? sessionOf(timeline) : undefined;
  if (!timeline || !scenario || !session) return null;
  const frame = timeline.frames[frameIndex];
  if (!frame) return null;
  const text = frameIndex === 0 && frame.step === -1 ? t('ui.narration.initial') : narrationText(frame, t, lang, playerNames(scenario, session.index, lang));
  return (
    <p className="presenter-caption" data-testid="caption" aria-label={t('ui.lecture.caption')}>
      {text}
    </p>
  );
}
