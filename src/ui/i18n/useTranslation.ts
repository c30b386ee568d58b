// The i18next instance for the app and a hook over it: components re-render
// when the language changes. (A few lines instead of react-i18next keep the
// bundle small.)
import { useSyncExternalStore } from 'react';
import type { i18n as I18n, TFunction } from 'i18next';

let instance: I18n | null = null;

export function provideI18n(i18n: I18n): void {
  instance = i18n;
}

function subscribe(onChange: () => void): () => void {
  instance?.on('languageChanged', onChange);
  return () => instance?.off('languageChanged', onChange);
}

const tFor = new Map<string, TFunction>();
function snapshot(): TFunction {
  const lang = instance!.language;
  let t = tFor.get(lang);
  if (!t) tFor.set(lang, (t = instance!.getFixedT(lang)));
  return t;
}

export function useTranslation(): { t: TFunction; i18n: I18n } {
  const t = useSyncExternalStore(subscribe, snapshot, snapshot);
  return { t, i18n: instance! };
}
