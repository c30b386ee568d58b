// Entry point: read the URL, start the one clock, render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createI18n } from './i18n/setup';
import { provideI18n } from './i18n/useTranslation';
import { playerStore } from './store/playerStore';
import { startClock } from './store/clock';
import { applyUrl, prepareViewWith, syncUrl } from './nav';
import { loadPlayer } from './playerChunk';
import { keepDiscoveryLink } from './embed/discoveryLink';
import { addressAfterReload, openedByReload } from './url/reloadAddress';
import './styles.css';

const motion = window.matchMedia('(prefers-reduced-motion: reduce)');
playerStore.set((s) => ({ ...s, reducedMotion: motion.matches }));
motion.addEventListener('change', () => playerStore.set((s) => ({ ...s, reducedMotion: motion.matches })));

// Opening a scenario fetches the player's chunk beside the simulation.
prepareViewWith(loadPlayer);
// A reload while playing opens the frame that was shown, not the one where play began.
const reloadedTo = addressAfterReload(location.pathname + location.search, openedByReload());
if (reloadedTo) history.replaceState(null, '', reloadedTo);
applyUrl(location.search, navigator.languages ?? [navigator.language]);
window.addEventListener('popstate', () => applyUrl(location.search, navigator.languages ?? [navigator.language]));
syncUrl();
startClock(playerStore);
keepDiscoveryLink(playerStore);

void createI18n(playerStore.get().lang).then((i18n) => {
  provideI18n(i18n);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
