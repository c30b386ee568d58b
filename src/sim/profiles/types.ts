// What a client profile is: for each setting a device can have, the client's
// real default with the source it was read from, or an explicit "unknown" with
// the reason. Plain data; the only import is the scenario format's setting
// types, so a profile can never name a value the engine does not have.
import type { ImapPolicy, Pop3Policy } from '../scenario/policies';

/** A text in German and English (the same shape as the scenario format's Text). */
export interface BilingualText {
  readonly de: string;
  readonly en: string;
}

export type Protocol = 'pop3' | 'imap';

/**
 * Where a default was read. `code`: the client's own source (repository, path,
 * commit). `vendor-doc`: the vendor's documentation. `third-party`: anyone
 * else (a provider's help page, a developer's public statement) — weaker, and
 * every default resting on one carries a caveat.
 */
export interface Source {
  readonly kind: 'code' | 'vendor-doc' | 'third-party';
  /** Repository + path + commit, or the URL. */
  readonly ref: string;
  /** The setting as the source states it, verbatim. */
  readonly quote: string;
}

export interface KnownDefault<T> {
  readonly status: 'known';
  readonly value: T;
  readonly sources: readonly Source[];
  /** Where the value is weaker than it looks (old version, not the vendor, the model simplifies). */
  readonly caveat?: BilingualText;
  /**
   * The client's raw preference default, where the account wizard writes a
   * different value (Thunderbird's POP3 settings are the known case). `value`
   * above is what a new account set up with the wizard gets.
   */
  readonly rawPreference?: { readonly value: T; readonly source: Source };
}

export interface UnknownDefault {
  readonly status: 'unknown';
  /** Why no value is given: what was looked for and what was (not) found. */
  readonly reason: BilingualText;
  /** What was found nearby: options that exist, an older version's default. */
  readonly leads?: readonly Source[];
}

export type ProfileDefault<T> = KnownDefault<T> | UnknownDefault;

/** The POP3 settings a device can have, as the scenario format names them. */
export type Pop3Settings = Pop3Policy & { checkEveryMinutes: number | null };
/** The IMAP settings a device can have, as the scenario format names them. */
export type ImapSettings = ImapPolicy & { checkEveryMinutes: number | null };

export type Defaults<S> = { readonly [K in keyof S]: ProfileDefault<S[K]> };

export type SettingsOf<P extends Protocol> = P extends 'pop3' ? Pop3Settings : ImapSettings;

export interface ClientProfile {
  /** The id a scenario's device names, e.g. "thunderbird". */
  readonly id: ProfileId;
  readonly name: BilingualText;
  /** Which version the defaults were read from, as exactly as the sources allow. */
  readonly checked: BilingualText;
  readonly pop3: Defaults<Pop3Settings>;
  readonly imap: Defaults<ImapSettings>;
}

export const PROFILE_IDS = ['thunderbird', 'outlook-classic', 'apple-mail-macos', 'ios-mail', 'thunderbird-android'] as const;
export type ProfileId = (typeof PROFILE_IDS)[number];

export const POP3_SETTING_KEYS = ['leaveOnServer', 'deleteAfterDays', 'deleteOnServerWhen', 'headersOnly', 'checkEveryMinutes'] as const satisfies readonly (keyof Pop3Settings)[];
export const IMAP_SETTING_KEYS = ['cache', 'deleteAction', 'saveSent', 'useMove', 'idle', 'checkEveryMinutes'] as const satisfies readonly (keyof ImapSettings)[];
