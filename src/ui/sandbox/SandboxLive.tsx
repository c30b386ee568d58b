// Announces the event just injected to screen readers (and shows it, briefly, to everyone).
import { useTranslation } from '../i18n/useTranslation';
import { useSelector } from '../store/useStore';
import { sandboxStore } from './sandboxState';
import { playerStore } from '../store/playerStore';
import { simTimeParts } from '../i18n/format';

export function SandboxLive() {
  const { t } = useTranslation();
  const a = useSelector(sandboxStore, (s) => s.announcement);
  const lang = useSelector(playerStore, (s) => s.lang);
  return (
    <p className="sandbox-live" role="status" aria-live="polite" aria-atomic="true" data-testid="sandbox-live">
      {a ? t(a.key, { ...a.params, at: t('ui.time.at', simTimeParts(Number(a.params.minutes), lang)) }) : ''}
    </p>
  );
}
