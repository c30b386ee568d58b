// What a scenario step says, apart from the words: which text it is named by,
// who it happens to and what it carries (mail, folder, count). The one place
// that knows every kind of step; the presenter's names (stepNames.ts) and the
// sandbox's step list (../sandbox/stepRowName.ts) each put it in their own
// words. The step may come from a half-made draft: anything missing or of the
// wrong type is left out rather than guessed (a loaded scenario has it all).

import type { Step } from '../../sim';

type Row = Record<string, unknown>;

/**
 * Every kind of step the format knows. The step is read as untyped data (a draft may be
 * half made), so the switch below cannot be checked for completeness; this record can: a
 * new kind in the format does not compile until it is listed here, and a test holds that
 * each one listed has a phrase of its own in the switch.
 */
export const STEP_KINDS: Readonly<Record<Step['do'], true>> = {
  'mail.arrive': true,
  'mail.burst': true,
  'device.check': true,
  'device.read': true,
  'device.open': true,
  'device.delete': true,
  'device.emptyTrash': true,
  'device.move': true,
  'device.send': true,
  'device.goOffline': true,
  'device.goOnline': true,
  'device.diskFail': true,
  'device.restoreBackup': true,
  'device.configure': true,
  'server.breach': true,
  'server.diskFail': true,
  'server.restoreBackup': true,
  'server.freeSpace': true,
  'provider.move': true,
  'provider.newMailbox': true,
  'provider.syncMailboxes': true,
  'provider.dnsSwitch': true,
  'device.repoint': true,
  'provider.contractEnd': true,
  'world.wait': true,
};

export const rec = (v: unknown): Row | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Row) : undefined);
export const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
export const ids = (v: unknown): string[] => (Array.isArray(v) ? v.map(str).filter((x): x is string => x !== undefined) : []);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** Whom the step happens to. */
export type StepWho = { readonly device: string } | { readonly accounts: readonly string[] } | { readonly account: string } | 'server' | null;

export interface StepPhrase {
  /** The text's key in the step texts (the sandbox's ui.sandbox.stepName, most also in ui.lecture.step). */
  readonly key: string;
  readonly who: StepWho;
  /** The mail's id, where the step names one (as an id, or as the mail it makes). */
  readonly mail?: string;
  readonly folder?: string;
  /** A count, or for the MX switch its TTL in hours. */
  readonly count?: number;
  readonly protocol?: string;
  /** Not a step the format knows: what was written as its kind. */
  readonly unknownKind?: string;
}

export function stepPhrase(step: unknown): StepPhrase {
  const s = rec(step) ?? {};
  const deviceId = str(s.device);
  const device: StepWho = deviceId ? { device: deviceId } : null;
  const mail = str(s.mail) ?? str(rec(s.mail)?.id);
  const accounts = (list: string[]): StepWho => (list.length ? { accounts: list } : null);
  switch (s.do) {
    case 'mail.arrive':
      return { key: 'mailArrive', who: accounts(ids(rec(s.mail)?.to)), mail };
    case 'mail.burst':
      return { key: 'mailBurst', who: accounts(ids(s.to)), count: num(s.count) ?? 0 };
    case 'device.check':
      return { key: 'deviceCheck', who: device };
    case 'device.read':
      return { key: 'deviceRead', who: device, mail };
    case 'device.open':
      return { key: 'deviceOpen', who: device, mail };
    case 'device.delete':
      return { key: 'deviceDelete', who: device, mail };
    case 'device.emptyTrash':
      return { key: 'deviceEmptyTrash', who: device };
    case 'device.move': {
      const folder = str(s.folder);
      if (!folder) return { key: 'deviceMoveSomewhere', who: device, mail };
      return { key: s.local === true ? 'deviceMoveLocal' : 'deviceMove', who: device, mail, folder };
    }
    case 'device.send':
      return { key: 'deviceSend', who: device, mail };
    case 'device.goOffline':
      return { key: 'deviceGoOffline', who: device };
    case 'device.goOnline':
      return { key: 'deviceGoOnline', who: device };
    case 'device.diskFail':
      return { key: 'deviceDiskFail', who: device };
    case 'device.restoreBackup':
      return { key: 'deviceRestoreBackup', who: device };
    case 'device.configure': {
      const protocol = str(s.protocol);
      return protocol ? { key: 'deviceNewAccount', who: device, protocol: protocol.toUpperCase() } : { key: 'deviceConfigure', who: device };
    }
    case 'server.breach':
      return { key: 'serverBreach', who: 'server' };
    case 'server.diskFail':
      return { key: 'serverDiskFail', who: 'server' };
    case 'server.restoreBackup':
      return { key: 'serverRestoreBackup', who: 'server' };
    case 'server.freeSpace': {
      const account = str(s.account);
      return { key: 'serverFreeSpace', who: account ? { account } : null, count: num(s.count) ?? 0 };
    }
    case 'provider.move':
      return { key: s.copyMailboxes === true ? 'providerMoveCopy' : 'providerMoveNoCopy', who: null };
    case 'provider.newMailbox':
      return { key: s.copyMailboxes !== true ? 'moveNewMailboxEmpty' : s.keepUidls === true ? 'moveNewMailboxKeep' : 'moveNewMailboxCopy', who: null };
    case 'provider.syncMailboxes':
      return { key: 'moveSync', who: null };
    case 'provider.dnsSwitch':
      return { key: 'moveDnsSwitch', who: null, count: num(s.ttlHours) };
    case 'device.repoint':
      return { key: 'moveRepoint', who: device };
    case 'provider.contractEnd':
      return { key: 'moveContractEnd', who: null };
    case 'world.wait':
      return { key: 'worldWait', who: null };
    default:
      return { key: 'unknown', who: null, unknownKind: typeof s.do === 'string' ? s.do : undefined };
  }
}
