// How the reader's view names what the simulation speaks of by id: devices by
// their labels, accounts by their addresses, mails by the number the picture
// draws plus their subject, folders and places in the reader's language. The
// picture, the tables and the narration all name things through this file, so
// a mail is "1" in the picture and "Nachricht 1" in the text, never "m1".
import type { TFunction } from 'i18next';
import { scenarioTexts, type MailInfo, type Scenario, type Text, type Timeline, type World } from '../sim';
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
  /** A custom folder's display name in the reader's language (undefined: not a custom folder with a name of its own). */
  readonly folder?: (id: string) => string | undefined;
}

/** What the scenario itself says in two languages: mail subjects by mail id, custom folder names by folder id. */
export interface DataTexts {
  readonly subjects: ReadonlyMap<string, Text>;
  readonly folders: ReadonlyMap<string, Text>;
}

const NO_TEXTS: DataTexts = { subjects: new Map(), folders: new Map() };

/** The scenario's bilingual data (subjects, folder names), read once per scenario. */
export function dataTexts(scenario: Pick<Scenario, 'world' | 'steps'> | undefined): DataTexts {
  return scenario ? scenarioTexts(scenario) : NO_TEXTS;
}

/** Custom folder names in the reader's language. */
export function customFolderNames(texts: DataTexts, lang: Lang): (id: string) => string | undefined {
  return (id) => texts.folders.get(id)?.[lang];
}

/** A mail's subject in the reader's language: the scenario's own text, else the subject the mail carries. */
export function subjectIn(id: string, carried: string | undefined, texts: DataTexts, lang: Lang): string | undefined {
  return texts.subjects.get(id)?.[lang] ?? carried;
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

export function namesFor(
  world: NamedWorld,
  lang: Lang,
  mails: ReadonlyMap<string, MailInfo>,
  labels: ReadonlyMap<string, { readonly label: string }>,
  texts: DataTexts = NO_TEXTS,
): Names {
  return {
    device: deviceNames(world, lang),
    account: accountNames(world),
    mail: (id) => {
      const info = mails.get(id);
      const label = labels.get(id)?.label;
      const subject = info ? subjectIn(id, info.subject, texts, lang) : undefined;
      return info && label ? { label, subject: subject && subject !== id ? subject : null } : undefined;
    },
    folder: customFolderNames(texts, lang),
  };
}

/** Names for a whole timeline outside the player (CLI, tests): the same numbers the picture draws. */
export function timelineNames(timeline: Timeline, lang: Lang, scenario?: Pick<Scenario, 'world' | 'steps'>): Names {
  const last = timeline.frames[timeline.frames.length - 1];
  const mails = last ? last.state.mails : new Map<string, MailInfo>();
  return namesFor(timeline.world, lang, mails, mailStyles(mailOrder(mails.values())), dataTexts(scenario));
}

/** A folder's display name: the scenario's own name for a custom folder, the standard folders in the reader's language, else the name itself. */
export function folderName(name: string, t: TFunction, custom?: (id: string) => string | undefined): string {
  // device/<d>/old-pop3/<folder>: what an earlier POP3 account downloaded (rule 80).
  if (name.startsWith('old-pop3/')) return t('ui.folders.oldPop3', { folder: folderName(name.slice('old-pop3/'.length), t, custom) });
  return custom?.(name) ?? t(`ui.folders.${name}`, { defaultValue: name });
}

/** A place id in words: "server/anna/INBOX" → "Server anna@example.org › Posteingang". */
export function placeName(place: string, t: TFunction, names: Pick<Names, 'device' | 'account' | 'folder'>): string {
  const parts = place.split('/');
  const device = names.device;
  const account = names.account;
  switch (parts[0]) {
    case 'server':
      return t('ui.places.server', { account: account(parts[1]), folder: folderName(parts.slice(2).join('/'), t, names.folder) });
    case 'device':
      return t('ui.places.device', { device: device(parts[1]), folder: folderName(parts.slice(2).join('/'), t, names.folder) });
    case 'backup':
      if (parts[1] === 'server') return t('ui.places.backupServer', { account: account(parts[2]), folder: folderName(parts.slice(3).join('/'), t, names.folder) });
      return t('ui.places.backupDevice', { device: device(parts[1]), folder: folderName(parts.slice(2).join('/'), t, names.folder) });
    case 'queue':
      // queue/<domain>: the sending server's queue (refused at RCPT TO, rule 64); queue: the provider's MX queue.
      return parts.length > 1 ? t('ui.places.senderQueue', { domain: parts.slice(1).join('/') }) : t('ui.places.queue');
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
