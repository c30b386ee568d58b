// Every place a copy of a mail can be, as one string id, so the timeline, the
// picture and the tests all speak of places the same way:
//   server/<account>/<folder>     a folder on the mail server
//   server/<account>@new/<folder> during a provider move that takes days
//                                 (provider.newMailbox … provider.contractEnd): the
//                                 mailbox at the new provider, while server/<account>/…
//                                 is still the old provider's; "@" never occurs in an
//                                 account id, so the two never clash
//   device/<device>/<folder>      a local folder (or the IMAP cache of a server folder)
//   backup/server/<account>/<folder>, backup/<device>/<folder>
//   backup/server/<account>/<folder>@<generation>   (folder meta only: UIDVALIDITY
//                                 and UIDNEXT as the backup of that night holds them)
//   queue                         the provider's MX queue (deferred deliveries)
//   queue/<domain>                the sending server's queue at <domain> (refused at RCPT TO, rule 64)
//   outside/<address>             a mailbox at another provider (bounces arrive there)
//   intruder                      what someone who broke into the server has read
import { flat } from './flatString';
export type PlaceId = string;

/**
 * Place ids of server and device folders, each made once per owner and folder:
 * the same few are looked up for every command, copy and op, and a string built
 * anew each time is hashed anew by every Map it meets and kept once per op.
 */
const placeIds = { server: new Map<string, Map<string, PlaceId>>(), device: new Map<string, Map<string, PlaceId>>() };
function placeId(kind: 'server' | 'device', owner: string, folder: string): PlaceId {
  let folders = placeIds[kind].get(owner);
  if (!folders) placeIds[kind].set(owner, (folders = new Map()));
  let place = folders.get(folder);
  if (place === undefined) folders.set(folder, (place = `${kind}/${owner}/${folder}`));
  return place;
}

export const serverPlace = (account: string, folder: string): PlaceId => placeId('server', account, folder);
/** The suffix that marks an account's mailbox at the new provider during a move that takes days. */
export const NEW_PROVIDER_SUFFIX = '@new';
/** The mailbox id of an account at the new provider (its server places are server/<account>@new/…). */
export const newProviderMailbox = (account: string): string => `${account}${NEW_PROVIDER_SUFFIX}`;
/** alice@new → alice; alice → alice. */
export const accountOfMailbox = (mailbox: string): string => mailbox.replace(/@(new|gone)$/, '');
/**
 * A login the old provider no longer knows (its contract ended): a session for
 * <account>@gone is refused at login whatever the password (Dovecot answers an
 * unknown user as it answers a wrong password). It names no place.
 */
export const GONE_MAILBOX_SUFFIX = '@gone';
export const isGoneMailbox = (mailbox: string): boolean => mailbox.endsWith(GONE_MAILBOX_SUFFIX);
export const isNewProviderMailbox = (mailbox: string): boolean => mailbox.endsWith(NEW_PROVIDER_SUFFIX);
export const devicePlace = (device: string, folder: string): PlaceId => placeId('device', device, folder);
export const backupPlace = (place: PlaceId): PlaceId => `backup/${place.replace(/^device\//, '')}`;
/** Where the backup taken at `generation` keeps a server folder's UIDVALIDITY and UIDNEXT (a folder-meta key, never a place of copies). */
export const backupMetaPlace = (place: PlaceId, generation: number): PlaceId => `backup/${place}@${generation}`;
/** backup/server/alice/INBOX@1560 → { place: 'server/alice/INBOX', generation: 1560 } */
export function parseBackupMetaPlace(key: PlaceId): { place: PlaceId; generation: number } | null {
  const m = /^backup\/(server\/.+)@(\d+)$/.exec(key);
  return m ? { place: m[1], generation: Number(m[2]) } : null;
}
/**
 * Made once per address, as server and device places are: a delivery's transcript and its
 * transfers keep the sender's place all year, and most mail comes from a few senders.
 */
const outsidePlaces = new Map<string, PlaceId>();
export function outsidePlace(address: string): PlaceId {
  let place = outsidePlaces.get(address);
  if (place === undefined) outsidePlaces.set(address, (place = flat(`outside/${address}`)));
  return place;
}
export const QUEUE: PlaceId = 'queue';
/** The queue of the server that sends for `address` (another provider's): what the MX refused at RCPT TO for now waits there (rule 64). */
export const senderQueuePlace = (address: string): PlaceId => `queue/${address.split('@')[1] || 'invalid'}`;
export const isSenderQueue = (place: PlaceId): boolean => place.startsWith('queue/');
/** Any queue: the provider's MX queue or a sending server's; a mail in one is waiting (the scorecard's "queued"). */
export const isQueue = (place: PlaceId): boolean => place === QUEUE || isSenderQueue(place);
export const INTRUDER: PlaceId = 'intruder';

export type PlaceKind = 'server' | 'device' | 'backup' | 'queue' | 'outside' | 'intruder';

const PLACE_KINDS: readonly PlaceKind[] = ['server', 'device', 'backup', 'queue', 'outside', 'intruder'];

/** Whether the place's first segment is `head` (compared in place: this runs for every copy placed, so no split). */
function startsWithSegment(place: string, head: string): boolean {
  return place.startsWith(head) && (place.length === head.length || place.charCodeAt(head.length) === 47 /* '/' */);
}

export function placeKind(place: PlaceId): PlaceKind {
  for (const kind of PLACE_KINDS) if (startsWithSegment(place, kind)) return kind;
  throw new Error(`unknown place ${place}`);
}

/** server/alice/INBOX → { account: 'alice', folder: 'INBOX' } */
export function parseServerPlace(place: PlaceId): { account: string; folder: string } | null {
  const m = /^server\/([^/]+)\/(.+)$/.exec(place);
  return m ? { account: m[1], folder: m[2] } : null;
}

export function parseDevicePlace(place: PlaceId): { device: string; folder: string } | null {
  const m = /^device\/([^/]+)\/(.+)$/.exec(place);
  return m ? { device: m[1], folder: m[2] } : null;
}

/** Places whose copies mean the owner still has the mail (an intruder's copy does not). */
export function keepsMailForOwner(place: PlaceId): boolean {
  return placeKind(place) !== 'intruder';
}

/** What the store asks of a place at every copy put or removed, worked out once per place id (see `placeFacts`). */
export interface PlaceFacts {
  readonly kind: PlaceKind;
  /** Copies here mean the owner still has the mail (`keepsMailForOwner`). */
  readonly keepsMailForOwner: boolean;
  /** The mailbox a server place belongs to (server/alice/INBOX → alice, server/alice@new/INBOX → alice@new), else null. */
  readonly serverAccount: string | null;
}

/**
 * Each place's facts, kept by its id: a year puts and removes ~170,000 copies, and each asked the place's
 * kind through a row of prefix tests and cut its account out of the id, a new string that the usage map
 * then hashed again. The ids are few (an account's folders, a device's, their backups), so is this map.
 */
const factsByPlace = new Map<PlaceId, PlaceFacts>();
export function placeFacts(place: PlaceId): PlaceFacts {
  let facts = factsByPlace.get(place);
  if (facts === undefined) {
    const kind = placeKind(place);
    const serverAccount = place.startsWith('server/') ? place.slice(7, place.indexOf('/', 7)) : null;
    facts = { kind, keepsMailForOwner: kind !== 'intruder', serverAccount };
    factsByPlace.set(place, facts);
  }
  return facts;
}
