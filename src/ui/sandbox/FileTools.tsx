// Keeping what was made: save as a scenario file, copy a link, import a file
// (picker, or dropped anywhere on the sandbox).
import { useState } from 'react';
import { useTranslation } from '../i18n/useTranslation';
import { useSelector } from '../store/useStore';
import { sandboxStore } from './sandboxState';
import { importText } from './commands';
import { currentUrl } from '../nav';
import { MAX_FILE_BYTES, scenarioFileName, scenarioFileText } from './scenarioFile';
import { downloadBlob } from '../export/download';

export async function importFile(file: File | undefined): Promise<void> {
  if (!file) return;
  if (file.size > MAX_FILE_BYTES) {
    sandboxStore.set((s) => ({ ...s, refused: { source: file.name, problems: [`${file.name}: the file is ${file.size} bytes; a scenario file is at most ${MAX_FILE_BYTES} bytes`] } }));
    return;
  }
  importText(file.name, await file.text());
}

/** Resolves once the sandbox no longer simulates (at once when it does not). */
function pictureReady(): Promise<void> {
  if (!sandboxStore.get().simulating) return Promise.resolve();
  return new Promise((resolve) => {
    const off = sandboxStore.subscribe(() => {
      if (sandboxStore.get().simulating) return;
      off();
      resolve();
    });
  });
}

function save(data: unknown) {
  downloadBlob(new Blob([scenarioFileText(data)], { type: 'application/json' }), scenarioFileName(data));
}

export function FileTools() {
  const { t } = useTranslation();
  const data = useSelector(sandboxStore, (s) => s.history.present.data);
  const [shared, setShared] = useState<'idle' | 'done' | 'manual'>('idle');
  // The link is compressed only when it is shown (compressing a large world on every edit costs milliseconds).
  const url = shared === 'manual' ? new URL(currentUrl(), location.href).href : '';
  const share = async () => {
    // While the worker runs, the moment on screen is the draft before: the link waits for the new one.
    await pictureReady();
    try {
      await navigator.clipboard.writeText(new URL(currentUrl(), location.href).href);
      setShared('done');
    } catch {
      setShared('manual');
    }
  };
  return (
    <>
      <button type="button" onClick={() => save(data)} data-testid="sandbox-save">
        {t('ui.sandbox.save')}
      </button>
      <button type="button" onClick={() => void share()} data-testid="sandbox-share">
        {t(shared === 'done' ? 'ui.sandbox.shareDone' : 'ui.sandbox.share')}
      </button>
      {shared === 'manual' && (
        <label className="share-manual">
          {t('ui.sandbox.shareManual')} <input readOnly value={url} onFocus={(e) => e.currentTarget.select()} data-testid="sandbox-link" />
        </label>
      )}
      <label className="file-pick">
        <span>{t('ui.sandbox.import')}</span>
        <input
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            void importFile(e.target.files?.[0]);
            e.target.value = '';
          }}
          data-testid="sandbox-import"
        />
      </label>
    </>
  );
}
