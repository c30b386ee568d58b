// What the figure panels (scorecard, table view) read: the resting frame of the
// open timeline, its metrics, and how to name devices in the current language.
import { useSelector } from './useStore';
import { playerStore } from './playerStore';
import { useRestingFrame } from './useRestingFrame';
import { sessionOf } from '../model/session';
import { deviceNamer } from '../picture/pictureModel';

export function useRestingMetrics() {
  const timeline = useSelector(playerStore, (s) => s.timeline);
  const frameIndex = useRestingFrame();
  const lang = useSelector(playerStore, (s) => s.lang);
  const session = timeline ? sessionOf(timeline) : undefined;
  if (!timeline || !session) return null;
  const frame = timeline.frames[frameIndex];
  return { timeline, session, frame, lang, m: session.metrics(frame), name: deviceNamer(session.scenario, lang) };
}
