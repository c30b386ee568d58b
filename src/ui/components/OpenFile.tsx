// Open a scenario file from disk (an instructor's own); it is validated like a shared link.
import { useTranslation } from '../i18n/useTranslation';
import { loadWithinLimits, formatProblem } from '../../sim';
import { appStore } from '../store/appStore';
import { openShared } from '../nav';

export function OpenFile() {
  const { t } = useTranslation();
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const text = await file.text();
    const result = loadWithinLimits(file.name, text);
    if (!result.ok) {
      appStore.set((a) => ({ ...a, notice: { kind: 'badFile', problems: result.problems.map(formatProblem) } }));
      return;
    }
    void openShared(result.scenario, null, null, 0, 'push', file.name);
  };
  return (
    <label className="open-file">
      <span>{t('ui.share.load')}</span>
      <input type="file" accept=".json,application/json" onChange={(e) => void onFile(e.target.files?.[0])} data-testid="open-file" />
    </label>
  );
}
