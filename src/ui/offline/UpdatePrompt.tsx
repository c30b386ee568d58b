// "A new version is ready — reload when it suits you": a quiet bar, never a
// reload on its own, so a lecture is not interrupted. It takes no focus and no
// keys (the presenter's clicker keeps working); its two buttons are reached with Tab.
import { useEffect } from 'react';
import { useTranslation } from '../i18n/useTranslation';
import { useSelector } from '../store/useStore';
import { dismissed, showPrompt, updateStore } from './updateState';
import { registerServiceWorker, reloadIntoNewVersion } from './register';
import './offline.css';

export function UpdatePrompt({ embed = false }: { embed?: boolean }) {
  const { t } = useTranslation();
  const shown = useSelector(updateStore, showPrompt);
  useEffect(() => {
    // After the page's own work: installing the offline copy fetches every file once.
    const start = () => void registerServiceWorker({ embed });
    if (document.readyState === 'complete') start();
    else window.addEventListener('load', start, { once: true });
    return () => window.removeEventListener('load', start);
  }, [embed]);
  if (!shown) return null;
  return (
    <section className="update-prompt" role="status" aria-label={t('ui.offline.label')} data-testid="update-prompt">
      <p>{t('ui.offline.ready')}</p>
      <button type="button" onClick={() => void reloadIntoNewVersion()} data-testid="update-reload">
        {t('ui.offline.reload')}
      </button>
      <button type="button" onClick={() => updateStore.set(dismissed)} data-testid="update-later">
        {t('ui.offline.later')}
      </button>
    </section>
  );
}
