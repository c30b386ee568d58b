// Why the picture is not the present draft's: the work budget refused it, the
// simulation failed, or the user stopped it. The picture keeps the draft
// before; the user can run it again, undo, or change something.
import { useTranslation } from '../i18n/useTranslation';
import { useSelector } from '../store/useStore';
import { playerStore } from '../store/playerStore';
import { budgetProblemLines } from '../worker/budgetText';
import { sandboxStore } from './sandboxState';
import { dismiss, retry, SANDBOX_FILE } from './commands';

export function SimulationTrouble() {
  const { t } = useTranslation();
  const trouble = useSelector(sandboxStore, (s) => s.trouble);
  const lang = useSelector(playerStore, (s) => s.lang);
  if (!trouble) return null;
  const lines = trouble.kind === 'refused' ? budgetProblemLines(trouble.verdict, SANDBOX_FILE, t, lang) : trouble.kind === 'failed' ? [trouble.message] : [];
  return (
    <div className="notice" role="alert" data-testid="sandbox-trouble" data-kind={trouble.kind}>
      <p>
        <strong>{t(`ui.sandbox.trouble.${trouble.kind}`)}</strong>
      </p>
      {lines.length > 0 && (
        <ul>
          {lines.map((line, i) => (
            <li key={i}>
              <code>{line}</code>
            </li>
          ))}
        </ul>
      )}
      {trouble.kind !== 'refused' && (
        <p>
          <button type="button" onClick={retry} data-testid="sandbox-retry">
            {t('ui.sandbox.trouble.retry')}
          </button>
        </p>
      )}
      <button type="button" onClick={() => dismiss('trouble')}>
        {t('ui.sandbox.dismiss')}
      </button>
    </div>
  );
}
