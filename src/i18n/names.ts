// How the reader's view names what the simulation speaks of by id: devices by
// their labels, accounts by their addresses, mails by the number the picture
// draws plus their subject, folders and places in the reader's language. The
// picture, the tables and the narration all name things through this file, so
// a mail is "1" in the picture and "Nachricht 1" in the text, never "m1".
import type { TFunction } from 'i18next';
import type { MailInfo, Timeline, World } from '../sim';
import { mailStyles } from '../ui/picture/mailStyle';

export type Lang = 'de' | 'en';

export interface MailName {
  /** The number the picture draws on the mail's token. */
  readonly label: string;
  /** Null when the mail has no subject of its own (a burst's mails are "subjected" with their ids). */
  readonly subject: string | null;
}

export interface Names {
  readonly device: (id: string) => string;
  /** An account id becomes its address; anything else (an outside address) stays as it is. */
  readonly account: (id: string) => string;
  readonly mail: (id: string) => MailName | undefined;
}

type NamedWorld = Pick<World, 'devices' | 'accounts'>;

export function deviceNames(world: Pick<World, 'devices'>, lang: Lang): (id: string) => string {
  const names = new Map(world.devices.map((d) => [d.id, d.label?.[lang] ?? d.id]));
  return (id) => names.get(id) ?? id;
}

export function accountNames(world: Pick<World, 'accounts'>): (id: string) => string {
  const names = new Map(world.accounts.map((a) => [a.id, a.address]));
  return (id) => names.get(id) ?? id;
}

/** The order the picture numbers mails in: when they came into being (ties keep the state's order). */
export function mailOrder(mails: Iterable<MailInfo>): string[] {
  return [...mails].sort((a, b) => a.createdAt - b.createdAt).map((m) => m.id);
}

export function namesFor(world: NamedWorld, lang: Lang, mails: ReadonlyMap<string, MailInfo>, labels: ReadonlyMap<string, { readonly label: string }>): Names {
  return {
    device: deviceNames(world, lang),
    account: accountNames(world),
    mail: (id) => {
      const info = mails.get(id);
      const label = labels.get(id)?.label;
      return info && label ? { label, subject: info.subject && info.subject !== id ? info.subject : null } : undefined;
    },
  };
}

/** Names for a whole timeline outside the player (CLI, tests): the same numbers the picture draws. */
export function timelineNames(timeline: Timeline, lang: Lang): Names {
  const last = timeline.frames[timeline.frames.length - 1];
  const mails = last ? last.state.mails : new Map<string, MailInfo>();
  return namesFor(timeline.world, lang, mails, mailStyles(mailOrder(mails.values())));
}

/** A folder's display name: the standard folders in the reader's language, custom folders as named. */
export function folderName(name: string, t: TFunction): string {
  return t(`ui.folders.${name}`, { defaultValue: name });
}

/** A place id in words: "server/anna/INBOX" → "Server anna@example.org › Posteingang". */
export function placeName(place: string, t: TFunction, names: Pick<Names, 'device' | 'account'>): string {
  const parts = place.split('/');
  const device = names.device;
  const account = names.account;
  switch (parts[0]) {
    case 'server':
      return t('ui.places.server', { account: account(parts[1]), folder: folderName(parts.slice(2).join('/'), t) });
    case 'device':
      return t('ui.places.device', { device: device(parts[1]), folder: folderName(parts.slice(2).join('/'), t) });
    case 'backup':
      if (parts[1] === 'server') return t('ui.places.backupServer', { account: account(parts[2]), folder: folderName(parts.slice(3).join('/'), t) });
      return t('ui.places.backupDevice', { device: device(parts[1]), folder: folderName(parts.slice(2).join('/'), t) });
    case 'queue':
      return t('ui.places.queue');
    case 'outside':
      return t('ui.places.outside', { address: parts.slice(1).join('/') });
    case 'intruder':
      return t('ui.places.intruder');
    case 'lost':
      return t('ui.places.lost');
    default:
      return place;
  }
}
