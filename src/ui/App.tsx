import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from './i18n/useTranslation';
import { playerStore } from './store/playerStore';
import { appStore } from './store/appStore';
import { useSelector } from './store/useStore';
import { Gallery } from './components/Gallery';
import { LanguageSwitch } from './components/LanguageSwitch';
import { NoticeBanner } from './components/Notice';
import { OpenFile } from './components/OpenFile';
import { ensureLanguage } from './i18n/setup';
import { sandboxStore } from './sandbox/sandboxState';
import { SandboxNotices } from './sandbox/SandboxNotices';
import { forkPlayer, newScenario } from './sandbox/commands';
import { ErrorBoundary } from './components/ErrorBoundary';
import { SimulationProgress } from './worker/SimulationProgress';
import { applyUrl, toGallery } from './nav';
// The lecture hall: presenter mode and the presenter's notes window.
import { presenterStore } from './presenter/presenterStore';
// The offline copy and its "new version — reload when ready" prompt.
import { UpdatePrompt } from './offline/UpdatePrompt';
// The views beyond the gallery are chunks of their own, fetched when first shown (the gallery loads first);
// the player's is fetched as soon as a scenario is opened (playerChunk.tsx).
import { PlayerView } from './playerChunk';
const Sandbox = lazy(() => import('./sandbox/Sandbox').then((m) => ({ default: m.Sandbox })));
const NotesView = lazy(() => import('./presenter/NotesView').then((m) => ({ default: m.NotesView })));
const PrintView = lazy(() => import('./print/PrintView').then((m) => ({ default: m.PrintView })));

export function App() {
  const { t, i18n } = useTranslation();
  const lang = useSelector(playerStore, (s) => s.lang);
  const loaded = useSelector(playerStore, (s) => s.loaded);
  const embed = useSelector(appStore, (a) => a.embed);
  const opening = useSelector(appStore, (a) => a.loading !== null);
  const sandboxOpen = useSelector(sandboxStore, (s) => s.open);
  const presenting = useSelector(presenterStore, (p) => p.on);
  const notesWindow = useSelector(presenterStore, (p) => p.notesWindow);
  const handout = useSelector(presenterStore, (p) => p.handout);
  useEffect(() => {
    if (i18n.language !== lang) void ensureLanguage(i18n, lang).then(() => i18n.changeLanguage(lang));
    document.documentElement.lang = lang;
  }, [lang, i18n]);
  useEffect(() => {
    document.title = loaded ? `${loaded.scenario.title[lang]} · ${t('ui.app.title')}` : `${t('ui.app.title')} — ${t('ui.app.tagline')}`;
  }, [loaded, lang, t]);
  const recoverTexts = { title: t('ui.safety.crashTitle'), what: t('ui.safety.crashWhat'), kept: t('ui.safety.crashKept'), back: t('ui.safety.crashBack'), reload: t('ui.safety.crashReload') };
  const reload = () => applyUrl(location.search, navigator.languages ?? [navigator.language]);
  if (notesWindow)
    return (
      <Suspense fallback={null}>
        <NotesView />
      </Suspense>
    );
  if (handout && loaded)
    return (
      <Suspense fallback={null}>
        <PrintView />
      </Suspense>
    );
  if (presenting && loaded && !embed)
    return (
      <main className="app presenting" id="main">
        <ErrorBoundary texts={recoverTexts} onBack={toGallery} onReload={reload}>
          <Suspense fallback={null}>
            <PlayerView />
          </Suspense>
        </ErrorBoundary>
        <UpdatePrompt />
      </main>
    );
  if (embed && loaded)
    return (
      <main className="app embed" id="main">
        <ErrorBoundary texts={recoverTexts} onBack={toGallery} onReload={reload}>
          <Suspense fallback={null}>
            <PlayerView />
          </Suspense>
        </ErrorBoundary>
      </main>
    );
  return (
    <>
      <a className="skip" href={loaded || sandboxOpen ? '#stage' : '#main'}>
        {t('ui.app.skip')}
      </a>
      <header className="app-head">
        <div>
          <h1>{t('ui.app.title')}</h1>
          <p className="tagline">{t('ui.app.tagline')}</p>
        </div>
        <LanguageSwitch />
      </header>
      <main className="app" id="main">
        <NoticeBanner />
        <SandboxNotices />
        <SimulationProgress />
        <UpdatePrompt embed={embed} />
        <ErrorBoundary texts={recoverTexts} onBack={toGallery} onReload={reload}>
          <Suspense fallback={null}>
          {sandboxOpen ? (
            <Sandbox />
          ) : loaded ? (
            <>
              <p className="sandbox-entry">
                <button type="button" onClick={forkPlayer} data-testid="open-sandbox-here">
                  {t('ui.sandbox.fromPlayer')}
                </button>
              </p>
              <PlayerView />
            </>
          ) : opening ? (
            // The address the page was opened with names a scenario that is still
            // being simulated: say so, rather than flash the gallery before the player.
            <p className="opening" role="status" data-testid="opening">
              {t('ui.app.opening')}
            </p>
          ) : (
            <>
              <p className="sandbox-entry">
                <button type="button" onClick={newScenario} data-testid="open-sandbox">
                  {t('ui.sandbox.openNew')}
                </button>
              </p>
              <Gallery />
              <OpenFile />
            </>
          )}
          </Suspense>
        </ErrorBoundary>
      </main>
    </>
  );
}
