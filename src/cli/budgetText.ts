// The CLI says a refused budget with the player's English strings (one text, two readers).
import i18next from 'i18next';
import type { BudgetVerdict } from '../sim';
import { uiEn } from '../i18n/ui.en';
import { uiDe } from '../i18n/ui.de';
import { budgetProblemLines } from '../ui/worker/budgetText';

const texts = i18next.createInstance();
void texts.init({
  lng: 'en',
  fallbackLng: 'en',
  initAsync: false,
  showSupportNotice: false,
  resources: { en: { translation: { ui: uiEn } }, de: { translation: { ui: uiDe } } },
  interpolation: { escapeValue: false },
});

export function budgetText(v: Extract<BudgetVerdict, { ok: false }>, file: string, lang: 'de' | 'en' = 'en'): string[] {
  return budgetProblemLines(v, file, (key, options) => texts.t(key, { ...options, lng: lang }), lang);
}
