// A device setting's value and origin in the reader's language. Plain
// functions, so the card and its test share them.
import type { TFunction } from 'i18next';
import type { SettingView } from '../../sim';
import { profileById } from '../../sim/profiles/index';

type Lang = 'de' | 'en';

export function clientName(id: string, lang: Lang): string {
  return profileById(id)?.name[lang] ?? id;
}

/** What the value means, e.g. "no: delete after download", "14 days", "every 10 minutes". */
export function valueText(s: SettingView, t: TFunction): string {
  const v = s.value;
  const k = (key: string, o: Record<string, unknown> = {}) => t(`ui.profile.value.${key}`, o);
  switch (s.key) {
    case 'leaveOnServer':
      return v ? k('yes') : k('leaveOnServerNo');
    case 'deleteAfterDays':
      return v === null ? k('keep') : k('days', { count: v });
    case 'checkEveryMinutes':
      return v === null ? k('onlyWhenAsked') : k('minutes', { count: v });
    case 'deleteOnServerWhen':
      return k(String(v));
    case 'cache':
      return k(v === 'none' ? 'cacheNone' : v === 'headers' ? 'cacheHeaders' : 'cacheFull');
    case 'deleteAction':
      return k(String(v));
    default:
      return v ? k('yes') : k('no');
  }
}

/** Where the value came from, e.g. "Thunderbird default" or "set in the scenario — no current client's default". */
export function originText(s: SettingView, t: TFunction, lang: Lang): string {
  const o = s.origin;
  const base =
    o.from === 'profile' ? t('ui.profile.fromProfile', { client: clientName(o.profile, lang) }) : t(o.from === 'scenario' ? 'ui.profile.fromScenario' : 'ui.profile.fromModel');
  if (o.from === 'profile') {
    const others = s.defaultOf.filter((id) => id !== o.profile).map((id) => clientName(id, lang));
    return others.length ? `${base}; ${t('ui.profile.alsoDefaultOf', { clients: others.join(', ') })}` : base;
  }
  // The named client's own default is not established: say so first, then whose default the value is, if anyone's.
  if (s.notEstablished && o.from === 'scenario') return `${base} — ${t('ui.profile.defaultNotEstablished')}${s.defaultOf.length ? `; ${t('ui.profile.isDefaultOf', { clients: s.defaultOf.map((id) => clientName(id, lang)).join(', ') })}` : ''}`;
  if (s.defaultOf.length === 0) return `${base} — ${t('ui.profile.noClientDefault')}`;
  return `${base}; ${t('ui.profile.isDefaultOf', { clients: s.defaultOf.map((id) => clientName(id, lang)).join(', ') })}`;
}
