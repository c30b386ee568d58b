// Narration text for a frame outside the browser (CLI, tests), through the
// same i18next resources the player uses.
import i18next, { type i18n } from 'i18next';
import { narrationDe, narrationEn } from './narration';
import type { Narration } from '../sim';

export type Lang = 'de' | 'en';

let instance: i18n | null = null;

function get(): i18n {
  if (instance) return instance;
  instance = i18next.createInstance();
  void instance.init({
    lng: 'en',
    fallbackLng: 'en',
    initAsync: false,
    resources: { en: { narration: narrationEn }, de: { narration: narrationDe } },
    ns: ['narration'],
    defaultNS: 'narration',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

export function narrate(n: Narration, lang: Lang): string {
  return get().t(n.key, { ...n.params, lng: lang, defaultValue: `[${n.key}]` });
}

/** True when the key exists in the language (used by the completeness test). */
export function hasNarration(key: string, lang: Lang): boolean {
  return get().exists(key, { lng: lang, fallbackLng: false as unknown as undefined });
}
