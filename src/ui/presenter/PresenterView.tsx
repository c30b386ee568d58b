// Presenter mode: the picture as large as the screen allows, the narration as a
// caption, one minimal bar; nothing else. A theme for bright rooms (high
// contrast) and one for dark ones.
import { useTranslation } from '../i18n/useTranslation';
import { playerStore } from '../store/playerStore';
import { useSelector } from '../store/useStore';
import { Picture } from '../picture/Picture';
import { PROJECTOR } from '../picture/geometry';
import { HelpOverlay } from '../components/HelpOverlay';
import { LiveRegion } from '../components/LiveRegion';
import { presenterStore } from './presenterStore';
import { toggleBlank } from './presenterState';
import { Caption } from './Caption';
import { PresenterBar } from './PresenterBar';
import { presentNext } from './presenterStore';
import { QuizPanel } from '../quiz/QuizPanel';
import { DeviceProfileLabels } from '../profile/DeviceProfileLabels';
import './presenter.css';

export function PresenterView() {
  const { t } = useTranslation();
  const theme = useSelector(presenterStore, (p) => p.theme);
  const blank = useSelector(presenterStore, (p) => p.blank);
  const title = useSelector(playerStore, (s) => s.loaded?.scenario.title[s.lang]);
  return (
    <div className={`presenter theme-${theme}`} data-testid="presenter" data-theme={theme}>
      <h2 className="sr-only" data-testid="scenario-title">
        {title}
      </h2>
      <section className="presenter-stage" aria-label={t('ui.player.picture')} id="stage">
        <Picture store={playerStore} label={t('ui.player.picture')} scale={PROJECTOR} fit />
        <DeviceProfileLabels store={playerStore} />
        <QuizPanel go={presentNext} large />
      </section>
      <Caption />
      <PresenterBar />
      {blank && (
        <div className="presenter-blank" data-testid="blank" onClick={() => presenterStore.set(toggleBlank)}>
          <span className="sr-only">{t('ui.lecture.blanked')}</span>
        </div>
      )}
      <HelpOverlay />
      <LiveRegion />
    </div>
  );
}
