// A device's settings as the builder shows them: every value the simulation
// will use (the scenario's, else the client profile's, else the model's) with
// where it came from, read by the engine's own resolution. And a profile
// switch in the builder: the settings that only came from the old profile go,
// so the new profile's defaults apply; those set by hand stay.
import { Scenario, settingsView, type DeviceSettingsView } from '../../sim';

type Row = Record<string, unknown>;
type Parsed = ReturnType<typeof Scenario.parse>;
export type ResolvedDevice = Parsed['world']['devices'][number];

/** The device as the loader resolves it (alone, with a stand-in account), or null while it cannot load. */
export function resolvedDevice(device: unknown): ResolvedDevice | null {
  if (!device || typeof device !== 'object') return null;
  const account = typeof (device as Row).account === 'string' ? ((device as Row).account as string) : 'x';
  const r = Scenario.safeParse({ id: 'x', title: { de: 'x', en: 'x' }, summary: { de: 'x', en: 'x' }, world: { accounts: [{ id: account, address: 'x@example.org' }], devices: [device] }, steps: [] });
  return r.success ? r.data.world.devices[0] : null;
}

/** Where each setting of the protocol in use came from (null while the device cannot load). */
export function originsOf(device: unknown): DeviceSettingsView | null {
  const d = resolvedDevice(device);
  return d ? settingsView(d) : null;
}

/** The settings of one protocol the scenario itself gives (not the profile's or the model's defaults). */
function givenOf(d: ResolvedDevice, protocol: 'pop3' | 'imap'): { settings: Row; check: { checkEveryMinutes?: number | null } } {
  const view = settingsView({ ...d, protocol });
  const settings: Row = {};
  let check = {};
  for (const s of view.settings) {
    if (s.origin.from !== 'scenario') continue;
    if (s.key === 'checkEveryMinutes') check = { checkEveryMinutes: s.value as number | null };
    else settings[s.key] = s.value;
  }
  return { settings, check };
}

/**
 * The device data with another profile (or none): what came from the old
 * profile (or the model) is left out, so the new profile's defaults apply;
 * what was set by hand stays. A device that cannot load only gets the new profile.
 */
export function withProfile(device: Row, profile: string | undefined): Row {
  const d = resolvedDevice(device);
  const next: Row = { ...device };
  if (profile) next.profile = profile;
  else delete next.profile;
  if (!d) return next;
  const pop3 = givenOf(d, 'pop3');
  const imap = givenOf(d, 'imap');
  const inUse = d.protocol === 'pop3' ? pop3 : imap;
  for (const [key, given] of [
    ['pop3', pop3.settings],
    ['imap', imap.settings],
  ] as const) {
    if (Object.keys(given).length) next[key] = given;
    else delete next[key];
  }
  if ('checkEveryMinutes' in inUse.check) next.checkEveryMinutes = inUse.check.checkEveryMinutes;
  else delete next.checkEveryMinutes;
  return next;
}
