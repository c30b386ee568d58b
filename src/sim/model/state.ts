// What can be seen of a world at one moment: where every copy of every mail
// is, with its flags, plus the few facts the picture needs (devices online,
// disks, the server). The engine changes it only through ops (ops.ts), and a
// timeline stores the ops of each frame plus an occasional full snapshot, so
// any frame's state can be rebuilt exactly and a long timeline stays small.
import type { PlaceId } from './places';

export type MailId = string;

/** One copy of a mail in one place. Copies are never mutated; a change makes a new one. */
export interface Copy {
  readonly mail: MailId;
  /** IMAP flags (bit set, see flags.ts); on a device these are the local flags. */
  readonly flags: number;
  /** Server copies: the IMAP UID in its folder (the POP3 UIDL derives from it). */
  readonly uid?: number;
  /** Only the headers are here (POP3 headers-only, IMAP header cache). */
  readonly headersOnly?: boolean;
  /** A second (third…) copy of the same mail in one place: a duplicate download. */
  readonly dup?: number;
  /** Server backup copies: the first backup generation (its time) that holds this copy. */
  readonly since?: number;
  /**
   * Server backup copies no longer in the latest generation: the last
   * generation that holds it. Such a copy is kept under "<key>@<until>" until
   * that generation is discarded.
   */
  readonly until?: number;
}

/** Per server folder: what IMAP clients cache against. */
export interface FolderMeta {
  readonly uidValidity: number;
  readonly uidNext: number;
  /** Messages from this UID on still carry \Recent (no session has seen them yet). */
  readonly recentUid?: number;
  /**
   * Set once modification sequences are switched on in the folder's index, as a
   * dsync copy leaves them (rule 107): SELECT names HIGHESTMODSEQ from then on.
   * The model does not count modseqs (CONDSTORE is not modelled, rules 22 and
   * 23): this is the value the copy left, and the replay compares only that it is named.
   */
  readonly highestModseq?: number;
}

/**
 * A folder's meta with its fields in the order spreads have always left them (`uidValidity`, `uidNext`,
 * then `highestModseq` and `recentUid` where set), as one literal per set of fields. The servers change
 * a meta with every stored message and every session that takes \Recent, and spreads made it anew
 * (`{ ...meta, uidNext }`): a spread that adds a field gives almost every object a hidden class of its
 * own in V8 (see `backupCopyOf`), its copies inherited such classes, and the spread in
 * `Draft.appendMessage` saw nine classes for two sets of fields and missed its inline cache on
 * 19,982 of the 10,000-mail year's 20,000 messages, each miss a call into V8's runtime.
 */
export function folderMetaOf(uidValidity: number, uidNext: number, highestModseq: number | undefined, recentUid: number | undefined): FolderMeta {
  if (highestModseq === undefined) return recentUid === undefined ? { uidValidity, uidNext } : { uidValidity, uidNext, recentUid };
  return recentUid === undefined ? { uidValidity, uidNext, highestModseq } : { uidValidity, uidNext, highestModseq, recentUid };
}

/** `{ ...meta, uidNext }` (see `folderMetaOf`). */
export const metaWithUidNext = (meta: FolderMeta, uidNext: number): FolderMeta => folderMetaOf(meta.uidValidity, uidNext, meta.highestModseq, meta.recentUid);

/** `{ ...meta, recentUid }` (see `folderMetaOf`). */
export const metaWithRecent = (meta: FolderMeta, recentUid: number): FolderMeta => folderMetaOf(meta.uidValidity, meta.uidNext, meta.highestModseq, recentUid);

/** What a mail is, independent of where its copies are. */
export interface MailInfo {
  readonly id: MailId;
  readonly subject: string;
  readonly from: string;
  readonly to: readonly string[];
  /** Size as stored on the server (what LIST and RFC822.SIZE report). */
  readonly sizeBytes: number;
  /** The accounts whose mailbox history this mail belongs to (receivers, or the sender). */
  readonly owners: readonly string[];
  readonly createdAt: number;
}

/** A mail as the state keeps it, made with `new` (see `MailCopy` below, `MailOp` in ops.ts); fields in the literal's order. */
export class MailRecord implements MailInfo {
  declare readonly id: MailId;
  declare readonly subject: string;
  declare readonly from: string;
  declare readonly to: readonly string[];
  declare readonly sizeBytes: number;
  declare readonly owners: readonly string[];
  declare readonly createdAt: number;
  constructor(id: MailId, subject: string, from: string, to: readonly string[], sizeBytes: number, owners: readonly string[], createdAt: number) {
    this.id = id;
    this.subject = subject;
    this.from = from;
    this.to = to;
    this.sizeBytes = sizeBytes;
    this.owners = owners;
    this.createdAt = createdAt;
  }
}

export interface DeviceStatus {
  readonly online: boolean;
  readonly diskFailed: boolean;
  /**
   * During a provider move over days: the device was re-pointed to the new
   * provider ('new'), or still points at the old one after its contract ended
   * ('gone': its login is refused). Absent: it talks to the (old) provider.
   */
  readonly pointsAt?: 'new' | 'gone';
}

export interface SyncCost {
  readonly bytes: number;
  readonly seconds: number;
  readonly at: number;
}

export interface Usage {
  readonly bytes: number;
  readonly messages: number;
}

export interface WorldState {
  time: number;
  serverGeneration: number;
  serverDown: boolean;
  breached: boolean;
  /** When each server backup generation still kept was taken (oldest first). */
  serverBackups: readonly number[];
  /** place → copy key → copy, in insertion order (server folders: UID order; keys are UIDs). */
  readonly places: Map<PlaceId, Map<string, Copy>>;
  readonly folderMeta: Map<PlaceId, FolderMeta>;
  readonly mails: Map<MailId, MailInfo>;
  readonly devices: Map<string, DeviceStatus>;
  /** Mails the user deleted on purpose. */
  readonly deletedByUser: Set<MailId>;
  readonly bounced: Set<MailId>;
  readonly lastSync: Map<string, SyncCost>;
  /** Kept in step by ops.ts: server usage per account, and copies per mail (intruder copies excluded). */
  readonly usage: Map<string, Usage>;
  readonly ownerCopies: Map<MailId, number>;
}

export function emptyState(): WorldState {
  return {
    time: 0,
    serverGeneration: 1,
    serverDown: false,
    breached: false,
    serverBackups: [],
    places: new Map(),
    folderMeta: new Map(),
    mails: new Map(),
    devices: new Map(),
    deletedByUser: new Set(),
    bounced: new Set(),
    lastSync: new Map(),
    usage: new Map(),
    ownerCopies: new Map(),
  };
}

/**
 * A Map or Set copied entry by entry with forEach: `new Map(map)` reads its
 * argument through the iterator, one [key, value] array and one result object
 * per entry, which a year's snapshots (tens of thousands of copies each) made
 * by the million for the garbage collector.
 */
export function copyMap<K, V>(from: ReadonlyMap<K, V>): Map<K, V> {
  const to = new Map<K, V>();
  from.forEach((v, k) => to.set(k, v));
  return to;
}

export function copySet<T>(from: ReadonlySet<T>): Set<T> {
  const to = new Set<T>();
  from.forEach((v) => to.add(v));
  return to;
}

/**
 * A copy on a device: `headersOnly` and `dup` only when so, in that order.
 * Written as one literal per case instead of spreading optional parts into a
 * literal (a spread adds the parts one by one to an object of another shape).
 */
export function deviceCopy(mail: MailId, flags: number, headersOnly: boolean, dup: number | undefined): Copy {
  if (headersOnly) return dup ? { mail, flags, headersOnly, dup } : new HeadersCopy(mail, flags);
  return dup ? { mail, flags, dup } : new MailCopy(mail, flags);
}

/**
 * The copies a run makes most, made with `new` rather than as object literals:
 * the state keeps them (and the timeline every one it put), and V8 moves a
 * literal's allocation site to the old generation once it sees its objects
 * survive, throwing away the optimized code of every function that inlined it
 * (see `PutOp` in ops.ts). Own fields in the literal's order, nothing else:
 * the timeline's JSON and every reader see the same copy.
 */
export class MailCopy implements Copy {
  declare readonly mail: MailId;
  declare readonly flags: number;
  constructor(mail: MailId, flags: number) {
    this.mail = mail;
    this.flags = flags;
  }
}

/** A server copy: `{ mail, flags, uid }` (see `MailCopy`). */
export class UidCopy implements Copy {
  declare readonly mail: MailId;
  declare readonly flags: number;
  declare readonly uid: number;
  constructor(mail: MailId, flags: number, uid: number) {
    this.mail = mail;
    this.flags = flags;
    this.uid = uid;
  }
}

/** A device copy of the headers only: `{ mail, flags, headersOnly: true }` (see `MailCopy`). */
export class HeadersCopy implements Copy {
  declare readonly mail: MailId;
  declare readonly flags: number;
  declare readonly headersOnly: true;
  constructor(mail: MailId, flags: number) {
    this.mail = mail;
    this.flags = flags;
    this.headersOnly = true;
  }
}

/** A server copy in the backup, `{ mail, flags, uid, since }`: the first generation (its time) that holds it (see `MailCopy`). */
class BackupCopy implements Copy {
  declare readonly mail: MailId;
  declare readonly flags: number;
  declare readonly uid: number;
  declare readonly since: number;
  constructor(mail: MailId, flags: number, uid: number, since: number) {
    this.mail = mail;
    this.flags = flags;
    this.uid = uid;
    this.since = since;
  }
}

/** A backup copy only older generations hold: `{ mail, flags, uid, since, until }` (see `MailCopy`). */
class OlderBackupCopy extends BackupCopy {
  declare readonly until: number;
  constructor(mail: MailId, flags: number, uid: number, since: number, until: number) {
    super(mail, flags, uid, since);
    this.until = until;
  }
}

/**
 * `{ ...copy, since }` for the nightly backup. A spread that adds a field makes an object with a hidden
 * class of its own in V8 (measured: about one per object), so a year's backup copies had over 10,000 of
 * them, each access to a copy's fields grew megamorphic, and each new class cost the runtime. A server
 * copy, `{ mail, flags, uid }` in that order (`UidCopy`, a flag change spread over one, a dsync copy),
 * becomes a `BackupCopy` with the same fields in the same order; anything else is still spread.
 */
export function backupCopyOf(copy: Copy, since: number): Copy {
  if (copy.uid !== undefined && copy.headersOnly === undefined && copy.dup === undefined && copy.since === undefined && copy.until === undefined) return new BackupCopy(copy.mail, copy.flags, copy.uid, since);
  return { ...copy, since };
}

/** `{ ...copy, until }` for a backup copy only older generations hold now (see `backupCopyOf`). */
export function olderBackupCopyOf(copy: Copy, until: number): Copy {
  if (copy instanceof BackupCopy) return new OlderBackupCopy(copy.mail, copy.flags, copy.uid, copy.since, until);
  return { ...copy, until };
}

/** A full, independent copy (copies themselves are immutable and shared). */
export function cloneState(s: WorldState): WorldState {
  const places = new Map<PlaceId, Map<string, Copy>>();
  s.places.forEach((folder, place) => places.set(place, copyMap(folder)));
  return {
    ...s,
    places,
    folderMeta: copyMap(s.folderMeta),
    mails: copyMap(s.mails),
    devices: copyMap(s.devices),
    deletedByUser: copySet(s.deletedByUser),
    bounced: copySet(s.bounced),
    lastSync: copyMap(s.lastSync),
    usage: copyMap(s.usage),
    ownerCopies: copyMap(s.ownerCopies),
  };
}

/** Mails with no copy left for their owner that the user never deleted and that were not bounced. */
export function isLost(s: WorldState, mail: MailId): boolean {
  return (s.ownerCopies.get(mail) ?? 0) === 0 && !s.deletedByUser.has(mail) && !s.bounced.has(mail);
}
