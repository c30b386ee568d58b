// device.configure: a device's settings changed from now on. Pure: the device
// before and the step give the device after, and whether this is a new account.
//
// Real clients cannot change an account's protocol (nor carry an account into
// another client): the user adds a new account. So a protocol or profile
// switch is a new account with the profile's (or the model's) defaults plus
// what the step names; anything else changes only what the step names.
import type { Device, Step } from './schema';
import { resolveDeviceSettings, type MissingSetting } from './settings';

export type ConfigureStep = Extract<Step, { do: 'device.configure' }>;

export interface Configured {
  readonly device: Device;
  /** A protocol or profile switch: the old account's cache or downloads are handled by the run. */
  readonly newAccount: boolean;
  /** The settings whose value changed, as the format names them (e.g. "pop3.leaveOnServer"). */
  readonly changed: readonly string[];
  /** Problems, with paths inside the step. */
  readonly problems: readonly MissingSetting[];
}

const SETTING_FIELDS = ['protocol', 'profile', 'pop3', 'imap', 'checkEveryMinutes', 'linkKbps', 'backup'] as const;

function diff(before: Device, after: Device): string[] {
  const out: string[] = [];
  for (const key of ['protocol', 'profile', 'checkEveryMinutes', 'linkKbps', 'backup'] as const) if (before[key] !== after[key]) out.push(key);
  for (const proto of ['pop3', 'imap'] as const)
    for (const [k, v] of Object.entries(after[proto])) if ((before[proto] as Record<string, unknown>)[k] !== v) out.push(`${proto}.${k}`);
  return out;
}

export function configureDevice(before: Device, step: ConfigureStep): Configured {
  const problems: MissingSetting[] = [];
  const protocol = step.protocol ?? before.protocol;
  const profile = step.profile ?? before.profile;
  const newAccount = protocol !== before.protocol || profile !== before.profile;
  if (!SETTING_FIELDS.some((f) => step[f] !== undefined)) problems.push({ path: [], message: 'names no setting to change (protocol, profile, pop3, imap, checkEveryMinutes, linkKbps or backup)' });
  const other = protocol === 'pop3' ? 'imap' : 'pop3';
  if (step[other] !== undefined)
    problems.push({ path: [other], message: `the device uses ${protocol === 'pop3' ? 'POP3' : 'IMAP'} after this step: ${other === 'pop3' ? 'POP3' : 'IMAP'} settings would change nothing` });
  if (before.kind === 'webmail') {
    if (protocol === 'pop3') problems.push({ path: ['protocol'], message: 'webmail runs next to the server and reads it over IMAP; it cannot use POP3' });
    if (step.backup === 'daily') problems.push({ path: ['backup'], message: 'webmail keeps nothing on a device, so there is nothing to back up' });
    if (step.profile !== undefined) problems.push({ path: ['profile'], message: 'webmail is the provider\'s web page, not a mail client with a profile' });
  }

  let pop3 = before.pop3;
  let imap = before.imap;
  let checkEveryMinutes = before.checkEveryMinutes;
  if (newAccount) {
    // A new account: the profile's (or the model's) defaults and what the step names.
    const r = resolveDeviceSettings({ protocol, profile, pop3: step.pop3, imap: step.imap, checkEveryMinutes: step.checkEveryMinutes });
    problems.push(...r.missing);
    if (protocol === 'pop3') pop3 = r.settings.pop3;
    else imap = r.settings.imap;
    checkEveryMinutes = r.settings.checkEveryMinutes;
  } else {
    pop3 = { ...pop3, ...(step.pop3 ?? {}) };
    imap = { ...imap, ...(step.imap ?? {}) };
    if (step.checkEveryMinutes !== undefined) checkEveryMinutes = step.checkEveryMinutes;
  }
  if (protocol === 'pop3' && !pop3.leaveOnServer && step.pop3?.deleteAfterDays != null)
    problems.push({ path: ['pop3', 'deleteAfterDays'], message: 'deleteAfterDays only applies when leaveOnServer is true' });

  const device: Device = {
    ...before,
    protocol,
    ...(profile ? { profile } : {}),
    pop3,
    imap,
    checkEveryMinutes,
    linkKbps: step.linkKbps ?? before.linkKbps,
    backup: step.backup ?? before.backup,
  };
  const changed = diff(before, device);
  if (changed.length === 0 && problems.length === 0) problems.push({ path: [], message: 'changes nothing: the device already has these settings' });
  return { device, newAccount, changed, problems };
}
