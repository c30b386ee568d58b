// (profile, protocol, settings the scenario gives) → the device's effective
// settings, and for each one where it came from. Pure: no defaults of its own.
// A setting the scenario leaves out and the profile cannot source stays
// missing, so the caller must set it or say plainly that it is not a default.
import {
  IMAP_SETTING_KEYS,
  POP3_SETTING_KEYS,
  type BilingualText,
  type ClientProfile,
  type Defaults,
  type ProfileId,
  type Protocol,
  type SettingsOf,
  type Source,
} from './types';

export type Origin =
  | { readonly from: 'scenario' }
  | { readonly from: 'profile'; readonly profile: ProfileId; readonly sources: readonly Source[]; readonly caveat?: BilingualText }
  | { readonly from: 'unknown'; readonly profile: ProfileId; readonly reason: BilingualText }
  | { readonly from: 'none' };

export interface Resolution<S> {
  /** Every setting that has a value: from the scenario, else from the profile. */
  readonly settings: Partial<S>;
  readonly origin: { readonly [K in keyof S]: Origin };
  /** Settings with no value: the profile could not source them and the scenario did not give them. */
  readonly missing: readonly (keyof S)[];
}

function resolveWith<S>(keys: readonly (keyof S)[], defaults: Defaults<S> | null, profile: ProfileId | null, explicit: Partial<S>): Resolution<S> {
  const settings: Partial<S> = {};
  const origin = {} as { [K in keyof S]: Origin };
  const missing: (keyof S)[] = [];
  for (const key of keys) {
    // null is a real value (e.g. deleteAfterDays: null = keep for ever); only undefined means "not given".
    if (explicit[key] !== undefined) {
      settings[key] = explicit[key];
      origin[key] = { from: 'scenario' };
      continue;
    }
    const fallback = defaults?.[key];
    if (!fallback || profile === null) {
      origin[key] = { from: 'none' };
      missing.push(key);
    } else if (fallback.status === 'known') {
      settings[key] = fallback.value;
      origin[key] = { from: 'profile', profile, sources: fallback.sources, ...(fallback.caveat ? { caveat: fallback.caveat } : {}) };
    } else {
      origin[key] = { from: 'unknown', profile, reason: fallback.reason };
      missing.push(key);
    }
  }
  return { settings, origin, missing };
}

export function resolveSettings<P extends Protocol>(profile: ClientProfile | null, protocol: P, explicit: Partial<SettingsOf<P>>): Resolution<SettingsOf<P>> {
  const keys = (protocol === 'pop3' ? POP3_SETTING_KEYS : IMAP_SETTING_KEYS) as readonly (keyof SettingsOf<P>)[];
  const defaults = (profile ? profile[protocol] : null) as Defaults<SettingsOf<P>> | null;
  return resolveWith(keys, defaults, profile?.id ?? null, explicit);
}
