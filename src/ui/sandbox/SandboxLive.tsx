// Announces the event just injected to screen readers (and shows it, briefly, to everyone).
import { useTranslation } from '../i18n/useTranslation';
import { useSelector } from '../store/useStore';
import { sandboxStore } from './sandboxState';

export function SandboxLive() {
  const { t } = useTranslation();
  const a = useSelector(sandboxStore, (s) => s.announcement);
  return (
    <p className="sandbox-live" role="status" aria-live="polite" aria-atomic="true" data-testid="sandbox-live">
      {a ? t(a.key, a.params) : ''}
    </p>
  );
}
