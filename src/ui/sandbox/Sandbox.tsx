// The sandbox page: the picture of the world being built, with events by
// clicking it; the builder beside it; undo, redo, save, share and import above.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../i18n/useTranslation';
import { useSelector } from '../store/useStore';
import { playerStore } from '../store/playerStore';
import { Picture } from '../picture/Picture';
import { Controls } from '../components/Controls';
import { NarrationPanel } from '../components/NarrationPanel';
import { Scorecard } from '../components/Scorecard';
import { MailPanel } from '../components/MailPanel';
import { Legend } from '../components/Legend';
import { LiveRegion } from '../components/LiveRegion';
import { Compare } from '../components/Compare';
import { toGallery } from '../nav';
import { sandboxStore } from './sandboxState';
import { canRedo, canUndo } from './history';
import { redo, setComparing, setKeepLater, undo } from './commands';
import { Builder } from './Builder';
import { EventMenu } from './EventMenu';
import { EventPicker } from './EventPicker';
import { FileTools, importFile } from './FileTools';
import { SandboxLive } from './SandboxLive';
import { SimulationTrouble } from './SimulationTrouble';
import { prepareSimulationWorker } from '../worker/simulateOffThread';
import { StartFrom } from './StartFrom';
import { usePictureEvents } from './PictureEvents';
import { useSandboxKeys } from './useSandboxKeys';
import { DeviceProfileLabels } from '../profile/DeviceProfileLabels';
import './sandbox.css';

export function Sandbox() {
  const { t } = useTranslation();
  useSandboxKeys();
  const stage = useRef<HTMLElement>(null);
  usePictureEvents(stage);
  const [dragging, setDragging] = useState(false);
  // Every edit here is simulated in the worker: start it while the page is idle (see prepareSimulationWorker).
  useEffect(() => {
    if (typeof requestIdleCallback !== 'function') return prepareSimulationWorker();
    const id = requestIdleCallback(prepareSimulationWorker, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }, []);
  const lang = useSelector(playerStore, (s) => s.lang);
  const loaded = useSelector(playerStore, (s) => s.loaded);
  const undoable = useSelector(sandboxStore, (s) => canUndo(s.history));
  const redoable = useSelector(sandboxStore, (s) => canRedo(s.history));
  const problems = useSelector(sandboxStore, (s) => s.problems);
  const keepLater = useSelector(sandboxStore, (s) => s.keepLater);
  const original = useSelector(sandboxStore, (s) => s.original);
  const comparing = useSelector(sandboxStore, (s) => s.comparing);
  const simulating = useSelector(sandboxStore, (s) => s.simulating);
  const title = useSelector(sandboxStore, (s) => (s.history.present.data as { title?: { de?: string; en?: string } } | null)?.title?.[lang]);
  return (
    <div
      className={`sandbox${dragging ? ' dragging' : ''}`}
      data-testid="sandbox"
      data-simulating={simulating ? 'true' : undefined}
      aria-busy={simulating}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        void importFile(e.dataTransfer.files[0]);
      }}
    >
      <header className="player-head">
        <button type="button" className="link back" onClick={toGallery}>
          ← {t('ui.sandbox.back')}
        </button>
        <h2 className="scenario-title" data-testid="sandbox-title">
          {t('ui.sandbox.heading')}: {title || '…'}
        </h2>
        <p className="summary">{t('ui.sandbox.intro')}</p>
      </header>
      <div className="sandbox-toolbar" role="toolbar" aria-label={t('ui.sandbox.heading')}>
        <button type="button" onClick={undo} disabled={!undoable} title="Ctrl+Z" aria-keyshortcuts="Control+Z" data-testid="undo">
          ↶ {t('ui.sandbox.undo')}
        </button>
        <button type="button" onClick={redo} disabled={!redoable} title="Ctrl+Shift+Z" aria-keyshortcuts="Control+Shift+Z" data-testid="redo">
          ↷ {t('ui.sandbox.redo')}
        </button>
        <StartFrom />
        <FileTools />
        <button type="button" aria-pressed={comparing} disabled={!original} title={original ? undefined : t('ui.sandbox.noOriginal')} onClick={() => setComparing(!comparing)} data-testid="sandbox-compare">
          {t(comparing ? 'ui.sandbox.compareClose' : 'ui.sandbox.compare')}
        </button>
        <label className="keep-later">
          <input type="checkbox" checked={keepLater} onChange={(e) => setKeepLater(e.target.checked)} data-testid="keep-later" /> {t('ui.sandbox.keepLater')}
        </label>
      </div>
      {dragging && <p className="drop-hint">{t('ui.sandbox.drop')}</p>}
      {problems.length > 0 && (
        <div className="notice" role="status" data-testid="sandbox-invalid">
          <p>{t('ui.sandbox.invalid')}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                <code>{p.path}</code>: {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <SimulationTrouble />
      <SandboxLive />
      <div className="player-grid">
        <section className="stage" aria-label={t('ui.player.picture')} id="stage" ref={stage}>
          {comparing && original && loaded ? (
            <Compare against={{ scenario: original, title: `${t('ui.sandbox.original')}: ${original.title[lang]}`, ownTitle: t('ui.sandbox.fork'), onClose: () => setComparing(false) }} />
          ) : (
            <Picture store={playerStore} label={t('ui.player.picture')} />
          )}
          {!comparing && <DeviceProfileLabels store={playerStore} />}
          {!comparing && <Legend />}
          <Controls />
          <EventPicker />
        </section>
        <aside className="side" aria-label={t('ui.player.sidebar')}>
          <Builder />
          <NarrationPanel />
          <MailPanel />
          <Scorecard />
        </aside>
      </div>
      <EventMenu />
      <LiveRegion />
    </div>
  );
}
