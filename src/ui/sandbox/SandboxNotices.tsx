// What the sandbox must tell the user, wherever they are: a saved sandbox to
// restore, a file or link that was refused (with every problem), storage that
// does not work. None of these blocks the page.
import { useTranslation } from '../i18n/useTranslation';
import { useSelector } from '../store/useStore';
import { playerStore } from '../store/playerStore';
import { sandboxStore } from './sandboxState';
import { discardOffered, dismiss, restoreOffered } from './commands';

function when(iso: string, lang: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '?' : d.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

export function SandboxNotices() {
  const { t } = useTranslation();
  const lang = useSelector(playerStore, (s) => s.lang);
  const offer = useSelector(sandboxStore, (s) => s.offer);
  const open = useSelector(sandboxStore, (s) => s.open);
  const refused = useSelector(sandboxStore, (s) => s.refused);
  const storage = useSelector(sandboxStore, (s) => s.storage);
  return (
    <>
      {offer && !open && (
        <div className="sandbox-offer" role="region" aria-label={t('ui.sandbox.heading')} data-testid="restore-offer">
          <p>{t('ui.sandbox.restore.offer', { when: when(offer.savedAt, lang) })}</p>
          <button type="button" onClick={restoreOffered} data-testid="restore-yes">
            {t('ui.sandbox.restore.yes')}
          </button>{' '}
          <button type="button" onClick={discardOffered} data-testid="restore-no">
            {t('ui.sandbox.restore.no')}
          </button>
        </div>
      )}
      {refused && (
        <div className="notice" role="alert" data-testid="sandbox-refused">
          <p>
            <strong>{t(refused.event ? 'ui.sandbox.eventRefused' : 'ui.sandbox.refused', { source: refused.source })}</strong>
          </p>
          <ul>
            {refused.problems.map((p, i) => (
              <li key={i}>
                <code>{p}</code>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => dismiss('refused')}>
            {t('ui.sandbox.dismiss')}
          </button>
        </div>
      )}
      {storage && (
        <div className="notice" role="alert" data-testid="sandbox-storage">
          <p>{t(`ui.sandbox.storage.${storage}`)}</p>
          <button type="button" onClick={() => dismiss('storage')}>
            {t('ui.sandbox.dismiss')}
          </button>
        </div>
      )}
    </>
  );
}
