// The app's texts outside the browser (CLI, exports built in Node or in the
// page): one i18next instance over the same resources the player uses.
import i18next, { type TFunction, type i18n } from 'i18next';
import { narrationDe, narrationEn } from '../i18n/narration';
import { uiDe } from '../i18n/ui.de';
import { uiEn } from '../i18n/ui.en';
import type { Lang } from '../i18n/names';

let instance: i18n | null = null;

export function fixedT(lang: Lang): TFunction {
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({
      lng: lang,
      fallbackLng: false,
      initAsync: false,
      resources: { en: { translation: { ui: uiEn, narration: narrationEn } }, de: { translation: { ui: uiDe, narration: narrationDe } } },
      interpolation: { escapeValue: false },
      returnNull: false,
      showSupportNotice: false,
    });
  }
  return instance.getFixedT(lang);
}
