// The steps so far, each removable (undoable like every edit). A step whose
// removal breaks a later one (a mail it brought in) is flagged by the loader.
import { useTranslation } from '../i18n/useTranslation';
import { useSelector } from '../store/useStore';
import { sandboxStore } from './sandboxState';
import { edit } from './commands';
import { setIn } from './scenarioInput';

type StepRow = { at?: unknown; do?: unknown; device?: unknown; mail?: unknown; account?: unknown };

function describe(s: StepRow): string {
  const mail = typeof s.mail === 'string' ? s.mail : s.mail && typeof s.mail === 'object' ? (s.mail as { id?: string }).id : undefined;
  return [s.do, s.device, s.account, mail].filter((x) => typeof x === 'string').join(' · ');
}

export function StepList() {
  const { t } = useTranslation();
  const data = useSelector(sandboxStore, (s) => s.history.present.data) as { steps?: StepRow[] };
  const problems = useSelector(sandboxStore, (s) => s.problems);
  const steps = data?.steps ?? [];
  if (!steps.length) return <p>{t('ui.sandbox.builder.noSteps')}</p>;
  return (
    <ol className="step-list" data-testid="step-list">
      {steps.map((s, i) => {
        const mine = problems.filter((p) => p.path === `steps[${i}]` || p.path.startsWith(`steps[${i}].`));
        return (
          <li key={i} className={mine.length ? 'has-problem' : ''}>
            <span>
              <code>{typeof s.at === 'string' ? s.at : ''}</code> {describe(s)}
            </span>
            <button type="button" className="remove" aria-label={`${t('ui.sandbox.builder.removeStep')}: ${describe(s)}`} onClick={() => edit(setIn(data, ['steps'], steps.filter((_, j) => j !== i)), null)}>
              ×
            </button>
            {mine.length > 0 && (
              <ul className="field-problem">
                {mine.map((p, k) => (
                  <li key={k}>{p.message}</li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
