// Every place a copy of a mail can be, as one string id, so the timeline, the
// picture and the tests all speak of places the same way:
//   server/<account>/<folder>     a folder on the mail server
//   device/<device>/<folder>      a local folder (or the IMAP cache of a server folder)
//   backup/server/<account>/<folder>, backup/<device>/<folder>
//   queue                         the sending MTA's queue (deferred deliveries)
//   outside/<address>             a mailbox at another provider (bounces arrive there)
//   intruder                      what someone who broke into the server has read
export type PlaceId = string;

export const serverPlace = (account: string, folder: string): PlaceId => `server/${account}/${folder}`;
export const devicePlace = (device: string, folder: string): PlaceId => `device/${device}/${folder}`;
export const backupPlace = (place: PlaceId): PlaceId => `backup/${place.replace(/^device\//, '')}`;
export const outsidePlace = (address: string): PlaceId => `outside/${address}`;
export const QUEUE: PlaceId = 'queue';
export const INTRUDER: PlaceId = 'intruder';

export type PlaceKind = 'server' | 'device' | 'backup' | 'queue' | 'outside' | 'intruder';

export function placeKind(place: PlaceId): PlaceKind {
  const head = place.split('/', 1)[0];
  if (head === 'server' || head === 'device' || head === 'backup' || head === 'queue' || head === 'outside' || head === 'intruder') return head;
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
