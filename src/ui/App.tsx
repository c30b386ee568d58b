import { useEffect } from 'react';
import { useTranslation } from './i18n/useTranslation';
import { playerStore } from './store/playerStore';
import { appStore } from './store/appStore';
import { useSelector } from './store/useStore';
import { Gallery } from './components/Gallery';
import { Player } from './components/Player';
import { LanguageSwitch } from './components/LanguageSwitch';
import { NoticeBanner } from './components/Notice';
import { OpenFile } from './components/OpenFile';
import { ensureLanguage } from './i18n/setup';
// The lecture hall: presenter mode and the presenter's notes window.
import { presenterStore } from './presenter/presenterStore';
import { NotesView } from './presenter/NotesView';
import { PrintView } from './print/PrintView';

export function App() {
  const { t, i18n } = useTranslation();
  const lang = useSelector(playerStore, (s) => s.lang);
  const loaded = useSelector(playerStore, (s) => s.loaded);
  const embed = useSelector(appStore, (a) => a.embed);
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
  if (notesWindow) return <NotesView />;
  if (handout && loaded) return <PrintView />;
  if (presenting && loaded && !embed)
    return (
      <main className="app presenting" id="main">
        <Player />
      </main>
    );
  if (embed && loaded)
    return (
      <main className="app embed" id="main">
        <Player />
      </main>
    );
  return (
    <>
      <a className="skip" href={loaded ? '#stage' : '#main'}>
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
        {loaded ? (
          <Player />
        ) : (
          <>
            <Gallery />
            <OpenFile />
          </>
        )}
      </main>
    </>
  );
}
