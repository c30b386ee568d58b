// The one resolution step for a device's settings: what the scenario gives,
// else the device's client profile, else the model's default. A profile
// setting whose default could not be established is never guessed: when the
// scenario leaves it out for the protocol the device uses, loading fails and
// names the setting.
import { PROFILES, profileById, resolveSettings, type ClientProfile, type ProfileId, type Source, type BilingualText } from '../profiles';
import type { ImapGiven, ImapPolicy, Pop3Given, Pop3Policy } from './policies';
import { MODEL_CHECK_EVERY_MINUTES, MODEL_IMAP, MODEL_POP3 } from './modelDefaults';

export type Protocol = 'pop3' | 'imap';

export interface GivenSettings {
  readonly protocol: Protocol;
  readonly profile?: ProfileId | undefined;
  readonly pop3?: Pop3Given | undefined;
  readonly imap?: ImapGiven | undefined;
  readonly checkEveryMinutes?: number | null | undefined;
}

export interface ResolvedSettings {
  readonly pop3: Pop3Policy;
  readonly imap: ImapPolicy;
  readonly checkEveryMinutes: number | null;
}

/** A setting the scenario must give: the profile has no established default for it. */
export interface MissingSetting {
  /** Where in the device it belongs, e.g. ["imap", "useMove"] or ["checkEveryMinutes"]. */
  readonly path: readonly string[];
  readonly message: string;
}

const unknownMessage = (profile: ProfileId, protocol: Protocol, key: string, reason: BilingualText) =>
  `profile "${profile}" has no established default for ${protocol === 'pop3' ? 'POP3' : 'IMAP'} setting "${key}" (${reason.en}); give it in the scenario`;

/** Settings of one protocol: given, else the profile's known default, else the model's (unknowns of the protocol in use are reported). */
function resolveProtocol<P extends Protocol>(
  profile: ClientProfile | null,
  protocol: P,
  given: Partial<P extends 'pop3' ? Pop3Policy : ImapPolicy> & { checkEveryMinutes?: number | null },
  inUse: boolean,
  missing: MissingSetting[],
) {
  const model = { ...(protocol === 'pop3' ? MODEL_POP3 : MODEL_IMAP), checkEveryMinutes: MODEL_CHECK_EVERY_MINUTES } as Record<string, unknown>;
  const r = resolveSettings(profile, protocol, given as never);
  const out: Record<string, unknown> = { ...model, ...(r.settings as Record<string, unknown>) };
  for (const key of r.missing as string[]) {
    const origin = (r.origin as Record<string, { from: string; reason?: BilingualText }>)[key];
    if (inUse && origin.from === 'unknown' && profile)
      missing.push({ path: key === 'checkEveryMinutes' ? [key] : [protocol, key], message: unknownMessage(profile.id, protocol, key, origin.reason!) });
  }
  return out;
}

/** The device's effective settings; `missing` lists the settings the scenario must still give. */
export function resolveDeviceSettings(d: GivenSettings): { settings: ResolvedSettings; missing: MissingSetting[] } {
  const profile = d.profile ? (profileById(d.profile) ?? null) : null;
  const missing: MissingSetting[] = [];
  const check = d.checkEveryMinutes === undefined ? {} : { checkEveryMinutes: d.checkEveryMinutes };
  const pop3 = resolveProtocol(profile, 'pop3', { ...(d.pop3 ?? {}), ...check }, d.protocol === 'pop3', missing);
  const imap = resolveProtocol(profile, 'imap', { ...(d.imap ?? {}), ...check }, d.protocol === 'imap', missing);
  const inUse = d.protocol === 'pop3' ? pop3 : imap;
  const { checkEveryMinutes, ...pop3Only } = pop3;
  const { checkEveryMinutes: _c, ...imapOnly } = imap;
  void checkEveryMinutes;
  void _c;
  return {
    settings: { pop3: pop3Only as Pop3Policy, imap: imapOnly as ImapPolicy, checkEveryMinutes: inUse.checkEveryMinutes as number | null },
    missing,
  };
}

// ---- Where each setting came from (the public face) ----

export type SettingOrigin =
  | { readonly from: 'scenario' }
  | { readonly from: 'profile'; readonly profile: ProfileId; readonly sources: readonly Source[]; readonly caveat?: BilingualText }
  | { readonly from: 'model' };

export interface SettingView {
  /** e.g. "leaveOnServer"; checkEveryMinutes belongs to both protocols. */
  readonly key: string;
  readonly value: unknown;
  readonly origin: SettingOrigin;
  /** The profiles whose default this value is; empty: no current client's default. */
  readonly defaultOf: readonly ProfileId[];
  /** The named profile has no established default for this setting: the value is the scenario's, never a client's default claimed (rule 78). */
  readonly notEstablished?: true;
}

export interface DeviceSettingsView {
  readonly device: string;
  readonly profile: ProfileId | null;
  readonly protocol: Protocol;
  /** The settings of the protocol in use, in the format's order. */
  readonly settings: readonly SettingView[];
}

const same = (a: unknown, b: unknown) => a === b;

/**
 * Where each setting of the protocol in use came from. Read from the values
 * alone (so it survives a round trip through a file): the profile's known
 * default → "profile"; no profile and the model's default → "model";
 * anything else the scenario must have given.
 */
export function settingsView(d: { id: string; protocol: Protocol; profile?: ProfileId | undefined } & ResolvedSettings): DeviceSettingsView {
  const profile = d.profile ? (profileById(d.profile) ?? null) : null;
  const values: Record<string, unknown> = { ...(d.protocol === 'pop3' ? d.pop3 : d.imap), checkEveryMinutes: d.checkEveryMinutes };
  const model: Record<string, unknown> = { ...(d.protocol === 'pop3' ? MODEL_POP3 : MODEL_IMAP), checkEveryMinutes: MODEL_CHECK_EVERY_MINUTES };
  const settings = Object.keys(values).map((key): SettingView => {
    const value = values[key];
    const def = profile ? (profile[d.protocol] as Record<string, { status: string; value?: unknown; sources?: readonly Source[]; caveat?: BilingualText }>)[key] : undefined;
    let origin: SettingOrigin;
    if (profile && def?.status === 'known' && same(def.value, value))
      origin = { from: 'profile', profile: profile.id, sources: def.sources ?? [], ...(def.caveat ? { caveat: def.caveat } : {}) };
    else if (!profile && same(model[key], value)) origin = { from: 'model' };
    else origin = { from: 'scenario' };
    const defaultOf = PROFILES.filter((p) => {
      const pd = (p[d.protocol] as Record<string, { status: string; value?: unknown }>)[key];
      return pd?.status === 'known' && same(pd.value, value);
    }).map((p) => p.id);
    return { key, value, origin, defaultOf, ...(def?.status === 'unknown' ? { notEstablished: true as const } : {}) };
  });
  return { device: d.id, profile: profile?.id ?? null, protocol: d.protocol, settings };
}

/**
 * A resolved device's settings back in the form a scenario gives them: a value
 * that is the profile's known default (or, without a profile, the model's) is
 * left out, so a variant or step that changes the profile or protocol gets
 * the new profile's defaults for it. A value where the profile has no
 * established default is kept: the scenario must have given it.
 */
export function givenSettings(d: { profile?: ProfileId | undefined } & ResolvedSettings & { protocol: Protocol }): Pick<GivenSettings, 'pop3' | 'imap' | 'checkEveryMinutes'> {
  const profile = d.profile ? (profileById(d.profile) ?? null) : null;
  const keep = (protocol: Protocol, key: string, value: unknown, model: unknown): boolean => {
    if (!profile) return !same(model, value);
    const def = (profile[protocol] as Record<string, { status: string; value?: unknown }>)[key];
    return !(def?.status === 'known' && same(def.value, value));
  };
  const pick = <T extends object>(protocol: Protocol, values: T, model: T): Partial<T> =>
    Object.fromEntries(Object.entries(values).filter(([k, v]) => keep(protocol, k, v, (model as Record<string, unknown>)[k]))) as Partial<T>;
  const check = keep(d.protocol, 'checkEveryMinutes', d.checkEveryMinutes, MODEL_CHECK_EVERY_MINUTES) ? { checkEveryMinutes: d.checkEveryMinutes } : {};
  return { pop3: pick('pop3', d.pop3, MODEL_POP3), imap: pick('imap', d.imap, MODEL_IMAP), ...check };
}
