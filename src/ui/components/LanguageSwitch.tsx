import { useTranslation } from '../i18n/useTranslation';
import { playerStore } from '../store/playerStore';
import { useSelector } from '../store/useStore';
import type { Lang } from '../store/playerState';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const lang = useSelector(playerStore, (s) => s.lang);
  const set = (l: Lang) => playerStore.set((s) => ({ ...s, lang: l }));
  return (
    <div className="lang" role="group" aria-label={t('ui.app.language')}>
      {(['de', 'en'] as const).map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={lang === l} onClick={() => set(l)} data-testid={`lang-${l}`}>
          {l === 'de' ? 'Deutsch' : 'English'}
        </button>
      ))}
    </div>
  );
}
