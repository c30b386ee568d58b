// The only way the visible state changes. The engine applies ops as it runs
// and the timeline keeps them per frame, so rebuilding any frame applies the
// very same function: what the player shows cannot drift from what ran.
import { placeFacts, type PlaceId } from './places';
import type { Copy, DeviceStatus, FolderMeta, MailId, MailInfo, SyncCost, WorldState } from './state';

export type Op =
  | { readonly op: 'put'; readonly place: PlaceId; readonly key: string; readonly copy: Copy }
  | { readonly op: 'del'; readonly place: PlaceId; readonly key: string }
  | { readonly op: 'meta'; readonly place: PlaceId; readonly meta: FolderMeta | null }
  | { readonly op: 'mail'; readonly info: MailInfo }
  | { readonly op: 'device'; readonly device: string; readonly status: DeviceStatus }
  | { readonly op: 'server'; readonly down?: boolean; readonly breached?: boolean; readonly generation?: number }
  | { readonly op: 'deletedByUser'; readonly mail: MailId }
  | { readonly op: 'bounced'; readonly mail: MailId }
  | { readonly op: 'sync'; readonly device: string; readonly cost: SyncCost }
  | { readonly op: 'time'; readonly time: number }
  /** The server backup generations kept after a nightly backup, a discard or a provider move. */
  | { readonly op: 'backups'; readonly taken: readonly number[] };

/**
 * The ops a run makes most (a copy put or removed), made with `new` rather than as object literals: the
 * timeline keeps every op, and V8 moves a literal's allocation site to the old generation once it sees
 * its objects survive, throwing away the optimized code of every function that inlined it (see
 * `MailTransfer` in transfer.ts). Fields in the literal's order (the timeline's JSON keeps it).
 */
export class PutOp {
  declare readonly op: 'put';
  declare readonly place: PlaceId;
  declare readonly key: string;
  declare readonly copy: Copy;
  constructor(place: PlaceId, key: string, copy: Copy) {
    this.op = 'put';
    this.place = place;
    this.key = key;
    this.copy = copy;
  }
}

/** A copy removed (see `PutOp`). */
export class DelOp {
  declare readonly op: 'del';
  declare readonly place: PlaceId;
  declare readonly key: string;
  constructor(place: PlaceId, key: string) {
    this.op = 'del';
    this.place = place;
    this.key = key;
  }
}

/** A folder's UIDNEXT (or more) changed, as every stored message changes it (see `PutOp`). */
export class MetaOp {
  declare readonly op: 'meta';
  declare readonly place: PlaceId;
  declare readonly meta: FolderMeta | null;
  constructor(place: PlaceId, meta: FolderMeta | null) {
    this.op = 'meta';
    this.place = place;
    this.meta = meta;
  }
}

/**
 * The clock moved on (see `PutOp`): every wake-up of a run makes one, and the timeline keeps them all; a
 * literal's allocation site, once V8 moved it to the old generation, threw away the optimized code of the
 * scheduler's loop, which inlines it.
 */
export class TimeOp {
  declare readonly op: 'time';
  declare readonly time: number;
  constructor(time: number) {
    this.op = 'time';
    this.time = time;
  }
}

/** A new mail in the world (see `PutOp`, `TimeOp`): one per arrival, kept by the timeline and the state. */
export class MailOp {
  declare readonly op: 'mail';
  declare readonly info: MailInfo;
  constructor(info: MailInfo) {
    this.op = 'mail';
    this.info = info;
  }
}

/** What a device's last check cost, recorded after every check, its cost included (see `PutOp`). */
export class SyncOp {
  declare readonly op: 'sync';
  declare readonly device: string;
  declare readonly cost: SyncCost;
  constructor(device: string, bytes: number, seconds: number, at: number) {
    this.op = 'sync';
    this.device = device;
    this.cost = new CheckCost(bytes, seconds, at);
  }
}

class CheckCost implements SyncCost {
  declare readonly bytes: number;
  declare readonly seconds: number;
  declare readonly at: number;
  constructor(bytes: number, seconds: number, at: number) {
    this.bytes = bytes;
    this.seconds = seconds;
    this.at = at;
  }
}

function countCopy(s: WorldState, place: PlaceId, mail: MailId, sign: 1 | -1): void {
  const facts = placeFacts(place);
  if (facts.keepsMailForOwner) s.ownerCopies.set(mail, (s.ownerCopies.get(mail) ?? 0) + sign);
  const account = facts.serverAccount;
  if (account) {
    const size = s.mails.get(mail)?.sizeBytes ?? 0;
    const u = s.usage.get(account) ?? { bytes: 0, messages: 0 };
    s.usage.set(account, { bytes: u.bytes + sign * size, messages: u.messages + sign });
  }
}

/**
 * Applies one op to the state. Returns the copy a put replaced or a del removed (undefined when there was
 * none, and for other ops): the store, which needs to know, then does not look the copy up again.
 */
export function applyOp(s: WorldState, o: Op): Copy | undefined {
  switch (o.op) {
    case 'put': {
      let folder = s.places.get(o.place);
      if (!folder) s.places.set(o.place, (folder = new Map()));
      const had = folder.get(o.key);
      folder.set(o.key, o.copy);
      if (!had) countCopy(s, o.place, o.copy.mail, 1);
      else if (had.mail !== o.copy.mail) {
        countCopy(s, o.place, had.mail, -1);
        countCopy(s, o.place, o.copy.mail, 1);
      }
      return had;
    }
    case 'del': {
      const folder = s.places.get(o.place);
      const had = folder?.get(o.key);
      if (!folder || !had) return undefined;
      folder.delete(o.key);
      if (!folder.size) s.places.delete(o.place);
      countCopy(s, o.place, had.mail, -1);
      return had;
    }
    case 'meta':
      if (o.meta) s.folderMeta.set(o.place, o.meta);
      else s.folderMeta.delete(o.place);
      return undefined;
    case 'mail':
      s.mails.set(o.info.id, o.info);
      return undefined;
    case 'device':
      s.devices.set(o.device, o.status);
      return undefined;
    case 'server':
      if (o.down !== undefined) s.serverDown = o.down;
      if (o.breached !== undefined) s.breached = o.breached;
      if (o.generation !== undefined) s.serverGeneration = o.generation;
      return undefined;
    case 'deletedByUser':
      s.deletedByUser.add(o.mail);
      return undefined;
    case 'bounced':
      s.bounced.add(o.mail);
      return undefined;
    case 'sync':
      s.lastSync.set(o.device, o.cost);
      return undefined;
    case 'time':
      s.time = o.time;
      return undefined;
    case 'backups':
      s.serverBackups = o.taken;
      return undefined;
  }
}
