// The complete state of a world at one moment, as persistent (structurally
// shared) data: every frame of a timeline holds one of these, so keeping a
// reference per frame costs only what changed since the previous frame.
import { List, Map as IMap, OrderedMap, Set as ISet } from 'immutable';
import type { PlaceId } from './places';

export type MailId = string;

/** One copy of a mail in one place. */
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
}

/** Per server folder: what IMAP clients cache against. */
export interface FolderMeta {
  readonly uidValidity: number;
  readonly uidNext: number;
}

/** What a mail is, independent of where its copies are. */
export interface MailInfo {
  readonly id: MailId;
  readonly subject: string;
  readonly from: string;
  readonly to: readonly string[];
  readonly sizeBytes: number;
  /** The account whose mailbox history this mail belongs to (receiver or sender). */
  readonly owners: readonly string[];
  readonly createdAt: number;
}

/** A POP3 client's memory of one UIDL it has downloaded (Thunderbird's popstate.dat). */
export interface Pop3Seen {
  readonly mail: MailId;
  readonly firstSeenAt: number;
  /** The local copy was deleted by the user (drives "until I delete them"). */
  readonly deletedLocally: boolean;
  /** The local copy was deleted from Deleted Items (drives Outlook's setting). */
  readonly purgedLocally: boolean;
}

/** An IMAP client's cache entry for one server message. */
export interface CacheEntry {
  readonly mail: MailId;
  readonly localKey: string;
}

/** An action an offline IMAP client queued (Thunderbird's offline operations). */
export type QueuedAction =
  | { readonly kind: 'store'; readonly folder: string; readonly uid: number; readonly mail: MailId; readonly add: number }
  | { readonly kind: 'move'; readonly folder: string; readonly uid: number; readonly mail: MailId; readonly to: string }
  | { readonly kind: 'expunge'; readonly folder: string; readonly uid: number; readonly mail: MailId }
  | { readonly kind: 'append'; readonly folder: string; readonly mail: MailId; readonly flags: number };

export interface ClientMemory {
  /** POP3: UIDL → what the client remembers about it. */
  readonly pop3Seen: IMap<string, Pop3Seen>;
  /** IMAP: folder → UIDVALIDITY the cache was built against. */
  readonly cacheValidity: IMap<string, number>;
  /** IMAP: folder → uid → cache entry. */
  readonly cache: IMap<string, IMap<number, CacheEntry>>;
  /** IMAP: highest UID seen per folder. */
  readonly lastUid: IMap<string, number>;
  readonly queue: List<QueuedAction>;
}

export interface DeviceRuntime {
  readonly online: boolean;
  readonly diskFailed: boolean;
  readonly memory: ClientMemory;
  /** The device's own backup: its folders and client memory at the time taken. */
  readonly backup: { readonly takenAt: number; readonly memory: ClientMemory } | null;
}

/** A delivery the sending MTA holds after a temporary refusal (452 4.2.2). */
export interface Deferred {
  readonly mail: MailId;
  readonly account: string;
  readonly queuedAt: number;
  readonly nextTryAt: number;
}

export interface WorldState {
  readonly time: number;
  /** Bumped by a provider move: new UIDVALIDITY values, new UIDLs. */
  readonly serverGeneration: number;
  /** place → copy key → copy. Server folders are keyed by UID and kept in UID order. */
  readonly places: IMap<PlaceId, OrderedMap<string, Copy>>;
  readonly folderMeta: IMap<PlaceId, FolderMeta>;
  readonly mails: IMap<MailId, MailInfo>;
  /** mail → place → number of copies there (kept in step with `places`). */
  readonly where: IMap<MailId, IMap<PlaceId, number>>;
  readonly devices: IMap<string, DeviceRuntime>;
  readonly deferred: List<Deferred>;
  readonly serverBackupAt: number | null;
  readonly serverDown: boolean;
  /** Mails the user deleted on purpose. */
  readonly deletedByUser: ISet<MailId>;
  /** Mails with no copy left anywhere that the user never deleted. */
  readonly lost: ISet<MailId>;
  readonly bounced: ISet<MailId>;
  readonly breached: boolean;
  /** Per device: bytes and seconds of its last sync at its link speed. */
  readonly lastSync: IMap<string, { readonly bytes: number; readonly seconds: number; readonly at: number }>;
  /** Running counter for the LMTP session ids shown in transcripts. */
  readonly counter: number;
}

export function emptyMemory(): ClientMemory {
  return { pop3Seen: IMap(), cacheValidity: IMap(), cache: IMap(), lastUid: IMap(), queue: List() };
}
