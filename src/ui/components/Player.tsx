// The player page: picture (or table), controls, and beside them narration,
// scorecard, mail details and transcript.
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from '../i18n/useTranslation';
import { playerStore, send } from '../store/playerStore';
import { appStore } from '../store/appStore';
import { useSelector } from '../store/useStore';
import { changeSpeed, stepMicro, stepWhole, toEnd, toStart, togglePlay, restart } from '../store/commands';
import { keyPressOf, shortcutFor } from '../keyboard/shortcuts';
import { Picture } from '../picture/Picture';
import { exportPng, exportSvg } from '../picture/exportPicture';
import { Controls } from './Controls';
import { NarrationPanel } from './NarrationPanel';
import { TranscriptPanel } from './TranscriptPanel';
import { Scorecard } from './Scorecard';
import { MailPanel } from './MailPanel';
import { FolderPanel } from './FolderPanel';
import { PlaceTable } from './PlaceTable';
import { HelpOverlay } from './HelpOverlay';
import { LiveRegion } from './LiveRegion';
import { Compare } from './Compare';
import { ALL_IMAP, withImapCounterpart } from '../model/compareOutcome';
import { Legend } from './Legend';
import { Later } from './Later';
import { DeviceProfileLabels } from '../profile/DeviceProfileLabels';
import { currentUrl, openBuiltin, openShared, toGallery } from '../nav';
// The lecture hall: presenter mode, its keys, the notes window's link, the handout.
import { presenterStore, followPresenterPlayback } from '../presenter/presenterStore';
import { togglePresenter } from '../presenter/presenterState';
import { usePresenterKeys } from '../presenter/usePresenterKeys';
import { useBroadcastPosition } from '../presenter/useLectureChannel';
import { PresenterView } from '../presenter/PresenterView';
import { printUrl } from '../print/printUrl';
// Predict-then-run questions: stop before a question's step, ask, reveal, keep the score.
import { QuizPanel } from '../quiz/QuizPanel';
import { followQuiz } from '../quiz/quizStore';
import { LmsExports } from '../quiz/LmsExports';
// The builder is loaded only when a player is open, apart from the app's first download.
const ExportPanel = lazy(() => import('../export/ExportPanel').then((m) => ({ default: m.ExportPanel })));
const EmbedBuilder = lazy(() => import('../embed/Builder').then((m) => ({ default: m.EmbedBuilder })));

function useShortcuts() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const cmd = shortcutFor(keyPressOf(e));
      if (!cmd) return;
      if (target?.closest('dialog[open]') && cmd !== 'escape') return;
      e.preventDefault();
      switch (cmd) {
        case 'togglePlay':
          return send(togglePlay);
        case 'back':
          return send(stepMicro, -1);
        case 'forward':
          return send(stepMicro, 1);
        case 'stepBack':
          return send(stepWhole, -1);
        case 'stepForward':
          return send(stepWhole, 1);
        case 'start':
          return send(toStart);
        case 'end':
          return send(toEnd);
        case 'faster':
          return send(changeSpeed, 1);
        case 'slower':
          return send(changeSpeed, -1);
        case 'restart':
          return send(restart);
        case 'help':
          return playerStore.set((s) => ({ ...s, helpOpen: !s.helpOpen }));
        case 'table':
          return playerStore.set((s) => ({ ...s, tableOpen: !s.tableOpen }));
        case 'escape':
          return playerStore.set((s) => (s.helpOpen ? { ...s, helpOpen: false } : { ...s, selectedMail: null, selectedPlace: null }));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** Between the parts of the player that mount one after another when a scenario opens (see Later.tsx). */
const STAGGER_MS = 20;

function embedCode(url: string, title: string): string {
  const u = new URL(url);
  u.searchParams.set('embed', '1');
  const safeTitle = title.replace(/[&"<>]/g, (c) => ({ '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' })[c]!);
  return `<iframe src="${u.href.replace(/&/g, '&amp;').replace(/"/g, '%22')}" title="${safeTitle}" width="100%" height="720" loading="lazy"></iframe>`;
}

function Share({ title }: { title: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'done' | 'manual'>('idle');
  const [embedOpen, setEmbedOpen] = useState(false);
  const url = new URL(currentUrl(), location.href).href;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setState('done');
    } catch {
      setState('manual');
    }
  };
  return (
    <span className="share">
      <button type="button" onClick={copy} data-testid="share">
        {t(state === 'done' ? 'ui.controls.shareDone' : 'ui.controls.share')}
      </button>
      {state === 'manual' && (
        <label>
          {t('ui.controls.shareManual')} <input readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
        </label>
      )}
      <button type="button" aria-expanded={embedOpen} onClick={() => setEmbedOpen((o) => !o)} data-testid="embed-code">
        {t('ui.controls.embed')}
      </button>
      {embedOpen && (
        <label className="embed-code">
          <span className="sr-only">{t('ui.controls.embed')}</span>
          <textarea readOnly rows={3} value={embedCode(url, title)} onFocus={(e) => e.currentTarget.select()} data-testid="embed-snippet" />
        </label>
      )}
    </span>
  );
}

export function Player() {
  const { t } = useTranslation();
  useShortcuts();
  const loaded = useSelector(playerStore, (s) => s.loaded);
  const variant = useSelector(playerStore, (s) => s.variant);
  const lang = useSelector(playerStore, (s) => s.lang);
  const tableOpen = useSelector(playerStore, (s) => s.tableOpen);
  const embed = useSelector(appStore, (a) => a.embed);
  const compare = useSelector(appStore, (a) => a.compare);
  const presenting = useSelector(presenterStore, (p) => p.on);
  usePresenterKeys();
  useBroadcastPosition(!embed);
  useEffect(() => followPresenterPlayback(), []);
  useEffect(() => followQuiz(), []);
  if (!loaded) return null;
  if (presenting && !embed) return <PresenterView />;
  const sc = loaded.scenario;
  const variants = Object.entries(sc.variants);
  // What the compare view offers: the variants, and "every device on IMAP" for a POP3 scenario.
  const compareChoices = Object.entries(withImapCounterpart(sc).variants);
  const reopen = (v: string | null) => {
    const frame = playerStore.get().frame;
    if (loaded.source === 'builtin') void openBuiltin(sc.id, v, frame, 'none');
    else openShared(sc, appStore.get().data, v, frame, 'none');
  };
  const svg = () => document.querySelector<SVGSVGElement>('svg.picture-svg[data-testid=picture]');
  const fileName = `${sc.id}${variant ? `-${variant}` : ''}-${playerStore.get().frame}`;
  return (
    <div className={`player${embed ? ' embed' : ''}`}>
      <header className="player-head">
        {!embed && (
          <button type="button" className="link back" onClick={toGallery}>
            ← {t('ui.player.back')}
          </button>
        )}
        <h2 className="scenario-title" data-testid="scenario-title">
          {sc.title[lang]}
        </h2>
        {!embed && <p className="summary">{sc.summary[lang]}</p>}
        {compareChoices.length > 0 && (
          <div className="variant-row">
            {variants.length > 0 && (
              <label>
                <span>{t('ui.player.variant')}</span>
                <select value={variant ?? ''} onChange={(e) => reopen(e.target.value || null)} data-testid="variant">
                  <option value="">{t('ui.player.baseVariant')}</option>
                  {variants.map(([id, v]) => (
                    <option key={id} value={id}>
                      {v.title[lang]}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {!embed && (
              <label>
                <span>{t('ui.player.compareWith')}</span>
                <select value={compare ?? ''} onChange={(e) => appStore.set((a) => ({ ...a, compare: e.target.value || null }))} data-testid="compare">
                  <option value="">{t('ui.player.compareNone')}</option>
                  {compareChoices
                    .filter(([id]) => id !== variant)
                    .map(([id, v]) => (
                      <option key={id} value={id}>
                        {id === ALL_IMAP && !sc.variants[ALL_IMAP] ? t('ui.publish.compare.allImap') : v.title[lang]}
                      </option>
                    ))}
                  {variant && <option value="-">{t('ui.player.baseVariant')}</option>}
                </select>
              </label>
            )}
          </div>
        )}
      </header>
      <div className="player-grid">
        <section className="stage" aria-label={t('ui.player.picture')} id="stage">
          {/* The page's frame first, the picture in a task of its own right after (see Later.tsx). */}
          <Later>{compare ? <Compare /> : tableOpen ? <PlaceTable /> : <Picture store={playerStore} label={t('ui.player.picture')} />}</Later>
          {!tableOpen && !compare && (
            <Later after={STAGGER_MS}>
              <DeviceProfileLabels store={playerStore} />
              <Legend />
            </Later>
          )}
          <div className="stage-tools">
            {/* The tools and their lazily loaded parts in a task of their own, after the panels (see Later.tsx). */}
            <Later after={6 * STAGGER_MS}>
              <button type="button" aria-pressed={tableOpen} onClick={() => playerStore.set((s) => ({ ...s, tableOpen: !s.tableOpen }))} data-testid="toggle-table">
                {t(tableOpen ? 'ui.controls.picture' : 'ui.controls.table')}
              </button>
              {!tableOpen && !compare && (
                <>
                  <button type="button" onClick={() => svg() && exportSvg(svg()!, fileName)} data-testid="export-svg">
                    {t('ui.controls.exportSvg')}
                  </button>
                  <button type="button" onClick={() => svg() && void exportPng(svg()!, fileName)} data-testid="export-png">
                    {t('ui.controls.exportPng')}
                  </button>
                  <Suspense fallback={null}>
                    <ExportPanel />
                  </Suspense>
                </>
              )}
              {!embed && (
                <>
                  <button type="button" onClick={() => presenterStore.set(togglePresenter)} title={t('ui.lecture.presentTitle')} data-testid="present">
                    {t('ui.lecture.present')}
                  </button>
                  <a href={printUrl()} target="_blank" rel="noopener" title={t('ui.lecture.handoutTitle')} data-testid="handout">
                    {t('ui.lecture.handout')}
                  </a>
                  <LmsExports />
                </>
              )}
              {embed ? (
                <a href={currentUrl().replace(/([?&])embed=1&?/, '$1').replace(/[?&]$/, '')} target="_blank" rel="noopener">
                  {t('ui.controls.openFull')}
                </a>
              ) : (
                <>
                  <Share title={sc.title[lang]} />
                  {loaded.source === 'builtin' && (
                    <Suspense fallback={null}>
                      <EmbedBuilder scenario={sc.id} variant={variant} playerFrame={() => playerStore.get().frame} lang={lang} />
                    </Suspense>
                  )}
                </>
              )}
            </Later>
          </div>
          {!embed && !compare && (
            // Its words name every mail of the last frame: a task of its own too.
            <Later after={7 * STAGGER_MS}>
              <QuizPanel />
            </Later>
          )}
          <Later after={STAGGER_MS}>
            <Controls compact={embed} />
          </Later>
        </section>
        <aside className="side" aria-label={t('ui.player.sidebar')}>
          {/* Each panel in a task of its own after the picture (see Later.tsx). */}
          <Later after={2 * STAGGER_MS}>
            <NarrationPanel />
          </Later>
          <Later after={3 * STAGGER_MS}>
            <MailPanel />
            <FolderPanel />
          </Later>
          <Later after={4 * STAGGER_MS}>
            <Scorecard />
          </Later>
          {!embed && (
            <Later after={5 * STAGGER_MS}>
              <TranscriptPanel />
            </Later>
          )}
        </aside>
      </div>
      <HelpOverlay />
      <LiveRegion />
    </div>
  );
}
