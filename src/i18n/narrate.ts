// Narration text for a frame outside the browser (CLI, tests), through the
// same i18next resources and the same rendering the player uses; and the one
// i18next instance for the app's texts there (lms/texts.ts hands it on).
import i18next, { type TFunction, type i18n } from 'i18next';
import { narrationDe, narrationEn } from './narration';
import { uiDe } from './ui.de';
import { uiEn } from './ui.en';
import { renderNarration } from './renderNarration';
import type { Lang, Names } from './names';
import type { Narration } from '../sim';

export type { Lang, Names } from './names';
export { timelineNames } from './names';

let instance: i18n | null = null;

function get(): i18n {
  if (instance) return instance;
  instance = i18next.createInstance();
  void instance.init({
    lng: 'en',
    fallbackLng: false,
    initAsync: false,
    // Laid out as in the player: narration.* and ui.* in one namespace.
    resources: { en: { translation: { ui: uiEn, narration: narrationEn } }, de: { translation: { ui: uiDe, narration: narrationDe } } },
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  return instance;
}

/** The app's texts (ui.* and narration.*) in `lang`, outside the player. */
export function fixedT(lang: Lang): TFunction {
  return get().getFixedT(lang);
}

/** Ids stay ids: for a narration read without its timeline. */
const RAW_NAMES: Names = { device: (id) => id, account: (id) => id, mail: () => undefined };

/**
 * The frame's narration in `lang`. Pass the timeline's names (timelineNames)
 * so mails, devices and accounts read as in the picture.
 */
export function narrate(n: Narration, lang: Lang, names: Names = RAW_NAMES): string {
  return renderNarration(n, fixedT(lang), lang, names, `[${n.key}]`);
}

/** True when the key exists in the language (used by the completeness test). */
export function hasNarration(key: string, lang: Lang): boolean {
  const i = get();
  return i.exists(`narration.${key}`, { lng: lang }) || i.exists(`narration.${key}_other`, { lng: lang });
}
