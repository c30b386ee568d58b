// Start again from an empty world or any built-in scenario (an undoable edit:
// what was there before is one Ctrl+Z away).
import { useTranslation } from '../i18n/useTranslation';
import { useSelector } from '../store/useStore';
import { playerStore } from '../store/playerStore';
import { fetchBuiltin } from '../catalogue/catalogue';
import { ScenarioOptions } from './ScenarioOptions';
import { replaceWith } from './commands';
import { emptyWorld } from './newWorld';
import { filled } from './filled';

export function StartFrom() {
  const { t } = useTranslation();
  const lang = useSelector(playerStore, (s) => s.lang);
  const choose = async (value: string) => {
    if (value === '-') return;
    if (value === '') return replaceWith(filled(emptyWorld()), null);
    const result = await fetchBuiltin(value);
    if (result?.ok) replaceWith(result.scenario, result.scenario);
  };
  return (
    <label className="start-from">
      <span>{t('ui.sandbox.startFrom')}</span>
      <select value="-" onChange={(e) => void choose(e.target.value)} data-testid="start-from">
        <option value="-">…</option>
        <option value="">{t('ui.sandbox.startEmpty')}</option>
        <ScenarioOptions lang={lang} />
      </select>
    </label>
  );
}
