// One i18n mechanism for every text: i18next, with the player's strings (ui.*)
// and the simulation's narration (narration.*) as resources of one namespace.
import i18next, { type i18n as I18n } from 'i18next';
import type { Lang } from '../store/playerState';

// Each language's texts are their own chunks: a reader downloads only the language shown.
const uiStrings: Record<Lang, () => Promise<object>> = {
  en: () => import('../../i18n/ui.en').then((m) => m.uiEn),
  de: () => import('../../i18n/ui.de').then((m) => m.uiDe),
};
// The simulation's narration (what each frame says), in the same namespace under narration.*.
const narrationTexts: Record<Lang, () => Promise<object>> = {
  en: () => import('../../i18n/narration.en').then((m) => m.narrationEn),
  de: () => import('../../i18n/narration.de').then((m) => m.narrationDe),
};

export async function ensureLanguage(i18n: I18n, lang: Lang): Promise<void> {
  if (i18n.hasResourceBundle(lang, 'translation') && i18n.exists('ui.app.title', { lng: lang })) return;
  const [ui, narration] = await Promise.all([uiStrings[lang](), narrationTexts[lang]()]);
  i18n.addResourceBundle(lang, 'translation', { ui, narration }, true, true);
}

export async function createI18n(lang: Lang): Promise<I18n> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: lang,
    // Both languages have every key (a unit test checks), so there is no fallback to load.
    fallbackLng: false,
    supportedLngs: ['de', 'en'],
    initAsync: false,
    resources: {},
    // React escapes what it renders and d3 writes text nodes; nothing is parsed as HTML.
    interpolation: { escapeValue: false },
    returnNull: false,
    // No console notice from i18next: the console stays for real problems (browser tests fail on them).
    showSupportNotice: false,
  });
  await ensureLanguage(instance, lang);
  return instance;
}
