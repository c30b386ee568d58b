// A step of the draft in people's words for the step list: who it happens to
// and what happens ("Anna's laptop: disk fails", "Annas Laptop: Festplatte
// fällt aus"), never the format's names (device.diskFail, m3). The draft may
// be half-made or broken (the loader flags that): anything missing is left
// out of the name rather than guessed.
import type { TFunction } from 'i18next';

type Lang = 'de' | 'en';
type Row = Record<string, unknown>;

export interface StepNaming {
  readonly t: TFunction;
  readonly lang: Lang;
  /** The draft's data (world and steps), as typed: it need not be valid. */
  readonly draft: unknown;
  /** The number the picture gives a mail, where the picture on screen knows it. */
  readonly mailNumber?: (id: string) => string | undefined;
  /** A folder's display name in the reader's language. */
  readonly folder: (id: string) => string;
}

export const rec = (v: unknown): Row | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Row) : undefined);
const list = (v: unknown): Row[] => (Array.isArray(v) ? v.map(rec).filter((x): x is Row => x !== undefined) : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const ids = (v: unknown): string[] => (Array.isArray(v) ? v.map(str).filter((x): x is string => x !== undefined) : []);

/** A text given as one string or as { de, en }. */
function textIn(v: unknown, lang: Lang): string | undefined {
  return str(v) ?? str(rec(v)?.[lang]);
}

export function deviceName(draft: Row | undefined, id: string, lang: Lang): string {
  const d = list(rec(draft?.world)?.devices).find((x) => x.id === id);
  return textIn(d?.label, lang) ?? id;
}

export function accountName(draft: Row | undefined, id: string): string {
  const a = list(rec(draft?.world)?.accounts).find((x) => x.id === id);
  return str(a?.address) ?? id;
}

/** A mail as the picture numbers it, with its subject: message 3 "Your order". */
export function mailName(id: string, n: StepNaming): string {
  const draft = rec(n.draft);
  const made = list(draft?.steps)
    .map((s) => rec(s.mail))
    .find((m) => m?.id === id);
  const subject = textIn(made?.subject, n.lang);
  const label = n.mailNumber?.(id);
  const k = (key: string, o: Record<string, unknown>) => n.t(`ui.sandbox.stepName.${key}`, o);
  if (label && subject) return k('mailNumberSubject', { label, subject });
  if (label) return k('mailNumber', { label });
  if (subject) return k('mailSubject', { subject });
  return k('mailNumber', { label: id });
}

export function stepRowName(step: unknown, n: StepNaming): string {
  const s = rec(step) ?? {};
  const draft = rec(n.draft);
  const k = (key: string, o: Record<string, unknown> = {}) => n.t(`ui.sandbox.stepName.${key}`, o);
  const row = (who: string, what: string) => k('row', { who, what });
  const device = str(s.device);
  const onDevice = (key: string, o: Record<string, unknown> = {}) => (device ? row(deviceName(draft, device, n.lang), k(key, o)) : k(key, o));
  const mailId = str(s.mail) ?? str(rec(s.mail)?.id);
  const mail = mailId ? mailName(mailId, n) : k('aMessage');
  switch (s.do) {
    case 'mail.arrive': {
      const to = ids(rec(s.mail)?.to);
      const what = k('mailArrive', { mail });
      return to.length ? row(to.map((a) => accountName(draft, a)).join(', '), what) : what;
    }
    case 'mail.burst': {
      const to = ids(s.to);
      const what = k('mailBurst', { count: typeof s.count === 'number' ? s.count : 0 });
      return to.length ? row(to.map((a) => accountName(draft, a)).join(', '), what) : what;
    }
    case 'device.check':
      return onDevice('deviceCheck');
    case 'device.read':
      return onDevice('deviceRead', { mail });
    case 'device.open':
      return onDevice('deviceOpen', { mail });
    case 'device.delete':
      return onDevice('deviceDelete', { mail });
    case 'device.emptyTrash':
      return onDevice('deviceEmptyTrash');
    case 'device.move': {
      const folder = str(s.folder);
      if (!folder) return onDevice('deviceMoveSomewhere', { mail });
      return onDevice(s.local === true ? 'deviceMoveLocal' : 'deviceMove', { mail, folder: n.folder(folder) });
    }
    case 'device.send':
      return onDevice('deviceSend', { mail });
    case 'device.goOffline':
      return onDevice('deviceGoOffline');
    case 'device.goOnline':
      return onDevice('deviceGoOnline');
    case 'device.diskFail':
      return onDevice('deviceDiskFail');
    case 'device.restoreBackup':
      return onDevice('deviceRestoreBackup');
    case 'device.configure': {
      const protocol = str(s.protocol);
      return protocol ? onDevice('deviceNewAccount', { protocol: protocol.toUpperCase() }) : onDevice('deviceConfigure');
    }
    case 'server.breach':
      return row(k('server'), k('serverBreach'));
    case 'server.diskFail':
      return row(k('server'), k('serverDiskFail'));
    case 'server.restoreBackup':
      return row(k('server'), k('serverRestoreBackup'));
    case 'server.freeSpace': {
      const account = str(s.account);
      const what = k('serverFreeSpace', { count: typeof s.count === 'number' ? s.count : 0 });
      return account ? row(accountName(draft, account), what) : what;
    }
    case 'provider.move':
      return k(s.copyMailboxes === true ? 'providerMoveCopy' : 'providerMoveNoCopy');
    case 'provider.newMailbox':
      return k(s.copyMailboxes !== true ? 'moveNewMailboxEmpty' : s.keepUidls === true ? 'moveNewMailboxKeep' : 'moveNewMailboxCopy');
    case 'provider.syncMailboxes':
      return k('moveSync');
    case 'provider.dnsSwitch':
      return k('moveDnsSwitch', { hours: typeof s.ttlHours === 'number' ? s.ttlHours : '?' });
    case 'device.repoint':
      return onDevice('moveRepointRow');
    case 'provider.contractEnd':
      return k('moveContractEnd');
    case 'world.wait':
      return k('worldWait');
    default:
      // Not a step the format knows: the loader names the problem; the row shows what was written.
      return typeof s.do === 'string' ? s.do : k('unknown');
  }
}
