// One i18n mechanism for every text: i18next, with the player's strings (ui.*)
// and the simulation's narration (narration.*) as resources of one namespace.
import i18next, { type i18n as I18n } from 'i18next';
import { uiEn } from '../../i18n/ui.en';
import { uiDe } from '../../i18n/ui.de';
import type { Lang } from '../store/playerState';

// The narration texts belong to the simulation; take them if they are there.
const narrationModules = import.meta.glob('/src/i18n/narration.ts', { eager: true }) as Record<string, Record<string, unknown>>;

function narrationFor(lang: Lang): Record<string, unknown> {
  for (const mod of Object.values(narrationModules)) {
    const res = mod[lang === 'de' ? 'narrationDe' : 'narrationEn'];
    if (res && typeof res === 'object') {
      const inner = (res as Record<string, unknown>).narration;
      return inner && typeof inner === 'object' ? (inner as Record<string, unknown>) : (res as Record<string, unknown>);
    }
  }
  return {};
}

export function createI18n(lang: Lang): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: lang,
    fallbackLng: 'en',
    supportedLngs: ['de', 'en'],
    initAsync: false,
    resources: {
      en: { translation: { ui: uiEn, narration: narrationFor('en') } },
      de: { translation: { ui: uiDe, narration: narrationFor('de') } },
    },
    // React escapes what it renders and d3 writes text nodes; nothing is parsed as HTML.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
