// What a mail client remembers between checks. It lives on the device's disk,
// so a disk failure wipes it (and a POP3 client that forgot its UIDLs
// downloads everything still on the server again).

/** A POP3 client's record of one downloaded UIDL (Thunderbird's popstate.dat). */
export interface Pop3Seen {
  readonly mail: string;
  readonly firstSeenAt: number;
  /** Where the downloaded copy is on the device (folder place + key), if still there. */
  readonly localPlace: string | null;
  readonly localKey: string | null;
  /** The user deleted the local copy (drives "until I delete them"). */
  readonly deletedLocally: boolean;
  /** The user deleted it from Deleted Items too (drives Outlook's "remove when deleted from Deleted Items"). */
  readonly purgedLocally: boolean;
}

export interface CacheEntry {
  readonly mail: string;
  /** The key of the cached copy in the device place mirroring this folder (null: nothing stored, cache "none"). */
  readonly localKey: string | null;
}

/** An action an offline IMAP client queued, replayed at the next connection (Thunderbird's offline operations). */
export type QueuedAction =
  | { readonly kind: 'flag'; readonly folder: string; readonly uid: number; readonly mail: string; readonly add: number }
  | { readonly kind: 'move'; readonly folder: string; readonly uid: number; readonly mail: string; readonly to: string; readonly localKey?: string | null }
  | { readonly kind: 'expunge'; readonly folder: string; readonly uid: number; readonly mail: string };

export interface ClientMemory {
  /** POP3: UIDL → record. */
  pop3Seen: Map<string, Pop3Seen>;
  /** IMAP: the account's folders as LIST named them, INBOX first (null: not discovered yet). */
  folders: readonly string[] | null;
  /** IMAP: folder → the UIDVALIDITY the cache was built against. */
  cacheValidity: Map<string, number>;
  /** IMAP: folder → UID → entry. */
  cache: Map<string, Map<number, CacheEntry>>;
  /** IMAP: folder → highest UID seen by a check. */
  lastUid: Map<string, number>;
  /** IMAP: folder → highest UID in the cache (a mail opened or moved here may be newer than lastUid). */
  maxCachedUid: Map<string, number>;
  /** IMAP: folder → the position of the last flag listing it compared (the listing's own version). */
  listingVersion: Map<string, number>;
  queue: QueuedAction[];
  /** Mails waiting in the Outbox: whom they go to, as the user wrote them. */
  outbox: Map<string, OutboxEntry>;
}

export interface OutboxEntry {
  /** Accounts on this server (the sender's own when Bcc-to-self). */
  readonly to: readonly string[];
  readonly toAddress: string | null;
  readonly bccSelf: boolean;
}

export function emptyMemory(): ClientMemory {
  return { pop3Seen: new Map(), folders: null, cacheValidity: new Map(), cache: new Map(), lastUid: new Map(), maxCachedUid: new Map(), listingVersion: new Map(), queue: [], outbox: new Map() };
}

export function cloneMemory(m: ClientMemory): ClientMemory {
  const cache = new Map<string, Map<number, CacheEntry>>();
  for (const [folder, entries] of m.cache) cache.set(folder, new Map(entries));
  return {
    pop3Seen: new Map(m.pop3Seen),
    folders: m.folders,
    cacheValidity: new Map(m.cacheValidity),
    cache,
    lastUid: new Map(m.lastUid),
    maxCachedUid: new Map(m.maxCachedUid),
    listingVersion: new Map(m.listingVersion),
    queue: [...m.queue],
    outbox: new Map(m.outbox),
  };
}

/**
 * A cache entry made with `new`, not as an object literal: the entries live as
 * long as the client's memory, and V8, seeing a literal's objects survive, starts
 * allocating them in the old generation and throws away the optimized code of
 * every function that inlined the literal (`fetchMessages` first among them).
 * A constructor has no such allocation site.
 */
class CachedMail implements CacheEntry {
  declare readonly mail: string;
  declare readonly localKey: string | null;
  constructor(mail: string, localKey: string | null) {
    this.mail = mail;
    this.localKey = localKey;
  }
}

/** Put an entry in an IMAP client's cache (the mail and the key of its cached copy), keeping track of the highest cached UID. */
export function cacheEntry(memory: ClientMemory, folder: string, uid: number, mail: string, localKey: string | null): void {
  let c = memory.cache.get(folder);
  if (!c) memory.cache.set(folder, (c = new Map()));
  c.set(uid, new CachedMail(mail, localKey));
  if ((memory.maxCachedUid.get(folder) ?? 0) < uid) memory.maxCachedUid.set(folder, uid);
}
