// An IMAP mail client with an offline cache, after Thunderbird. It knows the
// server only from replies: each folder's message count from STATUS, its UIDVALIDITY,
// UIDNEXT and EXISTS from SELECT (or STATUS), flags and expunges from a
// `UID FETCH 1:n (FLAGS)` listing, new messages from `UID FETCH n:*`, and each
// message's identity from the literal it fetched. This file is where a client
// decides what to fetch. Each behaviour names its source:
//  - one connection per check, LOGIN once, many commands; kept open in IDLE
//    (Thunderbird keeps its cached connections open and idles on INBOX,
//    mail.server.default.use_idle). While a device idles, its checks and the
//    user's actions run over that connection: DONE, the commands, back to
//    IDLE on INBOX (nsImapProtocol::ProcessCurrentURL begins with
//    `if (m_idle) EndIdle();`), so they cost no new login (rule 83);
//  - capabilities read from the LOGIN reply's CAPABILITY code (Thunderbird's
//    nsImapServerResponseParser takes them from any response code; Dovecot
//    sends them there, so no separate CAPABILITY command is needed);
//  - the account's folders are known only from LIST (rule 84): the first
//    connection after the client starts (or lost its memory) discovers them
//    with `LIST (SUBSCRIBED) "" "*" RETURN (SPECIAL-USE)`, then `LIST "" "INBOX"`
//    (nsImapProtocol::DiscoverMailboxList: Lsub() sends LIST (SUBSCRIBED) to a
//    LIST-EXTENDED server and adds RETURN (SPECIAL-USE) when it has
//    SPECIAL-USE; INBOX is listed explicitly because
//    nsIMAPHostSessionList::GetShouldAlwaysListInboxForHost is always true).
//    Later connections do not list again (GetHaveWeEverDiscoveredFoldersForHost);
//  - folders other than INBOX are looked at with STATUS and selected only when
//    they hold mail or the client has something there (autosync's
//    stStatusIssued → stUpdateIssued, nsAutoSyncState.cpp);
//  - headers of new messages in ranges of 200 (mail.imap.hdr_chunk_size);
//  - bodies for offline use in groups of up to 50 KB, a larger message alone
//    (nsAutoSyncManager kDefaultGroupSize, nsAutoSyncState::GetNextGroupOfMessages);
//  - offline actions queued per folder and replayed (nsImapOfflineSync);
// (semantics.md "IMAP", rules 14–24, 26, 32).
import { Flag } from '../model/flags';
import { deviceCopy, MailCopy } from '../model/state';
import { devicePlace, serverPlace } from '../model/places';
import { formatUidSet, isListing, type ImapReply } from '../protocol/imap';
import { cacheEntry, type CacheEntry, type ClientMemory, type QueuedAction } from './memory';
import { fetchedUids, ImapConnection, parseFlagList, readFetched, readList, readSelect, type Selected } from './imapConnection';
import type { ClientHost } from './host';
import { folderId } from '../scenario/texts';
import { tlsModeOf } from '../protocol/tls';

/** mail.imap.hdr_chunk_size (Thunderbird's default). */
export const HEADER_CHUNK = 200;
/** nsAutoSyncManager's group size for offline bodies. */
export const BODY_GROUP_BYTES = 50 * 1024;
const HEADER_ITEMS = 'UID FLAGS RFC822.SIZE BODY.PEEK[HEADER]';
const BODY_ITEMS = 'UID FLAGS RFC822.SIZE BODY.PEEK[]';

/**
 * Thunderbird keeps a connection for the next action instead of logging out
 * (nsImapIncomingServer's connection cache, mail.server.default.max_cached_connections
 * = 5) and reuses it while it has been unused for less than
 * mail.server.default.timeout minutes, which it holds at 29 at most
 * (nsImapIncomingServer::ConnectionTimeOut: `timeoutInMinutes > 29` → 29); an
 * older one is dropped there (TellThreadToDie, which logs out a live one). Rule 95.
 */
export const CACHED_CONNECTION_MINUTES = 29;

/** Where a device keeps the connection it leaves open in IDLE on INBOX, or caches for its next action (its client runtime). */
export interface IdleSlot {
  get(): ImapConnection | null;
  set(c: ImapConnection | null): void;
}

type CacheMode = 'none' | 'headers' | 'full';
const cacheModeOf = (h: ClientHost): CacheMode => (h.device.kind === 'webmail' ? 'none' : h.device.imap.cache);

function cacheOf(memory: ClientMemory, folder: string): Map<number, CacheEntry> {
  let c = memory.cache.get(folder);
  if (!c) memory.cache.set(folder, (c = new Map()));
  return c;
}

export function findCached(memory: ClientMemory, mail: string): { folder: string; uid: number; entry: CacheEntry } | null {
  for (const [folder, entries] of memory.cache) for (const [uid, entry] of entries) if (entry.mail === mail) return { folder, uid, entry };
  return null;
}

function dropCached(h: ClientHost, folder: string, uid: number, kind: 'expunge' | 'delete'): void {
  const entry = h.memory.cache.get(folder)?.get(uid);
  if (!entry) return;
  h.memory.cache.get(folder)!.delete(uid);
  if (entry.localKey !== null) {
    const place = devicePlace(h.device.id, folder);
    h.del(place, entry.localKey);
    h.transfer(kind, entry.mail, place, null, entry.localKey);
  }
}

/** Whether the device can try to connect; when it cannot, a frame says why. */
export function canConnect(h: ClientHost, offlineKey = 'check.offline', params: Record<string, string | number> = {}): boolean {
  const status = h.status();
  if (status.diskFailed) {
    h.report({ kind: 'cannotConnect', why: 'diskFailed', offlineKey, params });
    return false;
  }
  if (!status.online) {
    h.report({ kind: 'cannotConnect', why: 'offline', offlineKey, params });
    return false;
  }
  if (!h.serverReachable()) {
    h.report({ kind: 'cannotConnect', why: 'serverDown', offlineKey, params });
    return false;
  }
  return true;
}

/**
 * Open a connection and log in as the device is set up (its connection
 * security, protocol/tls.ts): on 993 TLS is there from the start; on 143 the
 * client sends STARTTLS first, or, set up without encryption, logs in in
 * clear, which a production server refuses (rules 35, 73). Null, told, when
 * the login fails.
 */
export function openSession(h: ClientHost): ImapConnection | null {
  const wire = h.openImap();
  if (!wire) return null;
  const conn = new ImapConnection(wire);
  const mode = tlsModeOf(h.device.tls);
  if (mode === 'starttls' && !conn.startTls()) {
    h.report({ kind: 'starttlsRefused', protocol: 'imap' });
    return null;
  }
  if (!conn.login(h.account)) {
    const plaintext = /\[PRIVACYREQUIRED\]/.test(conn.loginStatus);
    h.report({ kind: 'loginRefused', protocol: 'imap', plaintext, port: mode === 'implicit' ? 993 : 143 });
    return null;
  }
  if (h.memory.folders === null) discoverFolders(h, conn);
  return conn;
}

/**
 * Folder discovery after the first login (rule 84): the subscribed folders
 * with their special-use attributes, then INBOX on its own. The client keeps
 * what the replies named, INBOX first (it checks INBOX first).
 */
function discoverFolders(h: ClientHost, conn: ImapConnection): void {
  const subscribed = conn.send({ type: 'client.list', pattern: '*', subscribed: true });
  const inbox = conn.send({ type: 'client.list', pattern: 'INBOX', subscribed: false });
  const named = [...readList(inbox.untagged as readonly string[]), ...readList(subscribed.untagged as readonly string[])];
  h.memory.folders = [...new Set(named.map((f) => (f.toUpperCase() === 'INBOX' ? 'INBOX' : f)))];
}

export function connectImap(h: ClientHost): ImapConnection | null {
  if (!canConnect(h)) return null;
  return openSession(h);
}

/** A connection for a check or a user action, and whether it is the one the device keeps open in IDLE. */
export interface Session {
  readonly conn: ImapConnection;
  readonly kept: boolean;
}

/**
 * The device's open IDLE connection when it has one (IDLE ended with DONE:
 * the commands go over it, no new login), else a new connection (rule 83).
 */
export function takeSession(h: ClientHost, idle: IdleSlot): Session | null {
  const open = idle.get();
  if (open && !open.idling) {
    if (reuseCached(h, idle, open)) return { conn: open, kept: true };
  } else if (open) {
    // What this action costs is counted from here (the scorecard shows the last sync).
    open.cost.reset();
    if (open.idling) {
      // What the server pushed while the device idled (another device's change made between steps) is read before DONE (rule 86).
      const news = open.unasked();
      if (news.length) readIdleNews(h, news);
      open.done();
    }
    return { conn: open, kept: true };
  }
  const conn = connectImap(h);
  return conn ? { conn, kept: false } : null;
}

/**
 * A connection kept from an earlier action (rule 95): what the server did
 * meanwhile shows only when the client looks at it. Closed by the server (its
 * autologout after 30 minutes, or the server went away: rule 96) → dropped;
 * unused for 29 minutes or more → Thunderbird logs it out and makes a new one;
 * else it is used again. On a connection with a mailbox selected Thunderbird
 * first asks for news with NOOP (nsImapProtocol::ProcessSelectedStateURL:
 * "Noop(); // I think this is needed when we're using a cached connection"),
 * and takes in what the reply says as it would during IDLE (rule 97).
 */
function reuseCached(h: ClientHost, idle: IdleSlot, conn: ImapConnection): boolean {
  conn.cost.reset();
  conn.unasked();
  if (conn.closed) {
    idle.set(null);
    return false;
  }
  if (h.time - conn.lastUsed >= CACHED_CONNECTION_MINUTES) {
    conn.logout();
    idle.set(null);
    return false;
  }
  if (conn.selected) {
    const r = conn.send({ type: 'client.noop' });
    readIdleNews(h, r.untagged as readonly string[], conn.selected);
  }
  return true;
}

/** Whether the device, once done, keeps its connection open in IDLE on INBOX (mail.server.default.use_idle). */
const idles = (h: ClientHost) => h.device.imap.idle;
/** Whether a device without IDLE keeps its connection for the next action (rule 95); webmail opens one per request. */
const caches = (h: ClientHost) => h.device.kind !== 'webmail';

/** Done with a connection: back to IDLE on INBOX if the device idles, kept for the next action if it caches, else LOGOUT. True when it stays open. */
export function releaseSession(h: ClientHost, idle: IdleSlot, session: Session): boolean {
  const { conn } = session;
  if (!idles(h) && caches(h)) {
    conn.lastUsed = h.time;
    idle.set(conn);
    return true;
  }
  if (!session.kept && !idles(h)) {
    conn.logout();
    return false;
  }
  // IDLE watches the selected mailbox: Thunderbird idles on INBOX.
  if (conn.selected !== 'INBOX') conn.send({ type: 'client.select', mailbox: 'INBOX' });
  conn.idle();
  idle.set(conn);
  return true;
}

/** Which folders a check brings in line: INBOX, and any other that holds mail (STATUS says) or that the client has something in. */
function foldersToSync(h: ClientHost, conn: ImapConnection): string[] {
  const memory = h.memory;
  // INBOX is every IMAP account's (RFC 3501 §5.1): the client has it even when LIST did not name it.
  const known = memory.folders ?? [];
  return (known.includes('INBOX') ? known : ['INBOX', ...known]).filter((f) => {
    if (f === 'INBOX' || (memory.cache.get(f)?.size ?? 0) > 0 || memory.queue.some((q) => q.folder === f)) return true;
    const r = conn.send({ type: 'client.status', mailbox: f });
    const m = /MESSAGES (\d+)/.exec((r.untagged as readonly string[])[0] ?? '');
    return m !== null && Number(m[1]) > 0;
  });
}

/**
 * The flag listing read against the cache: per UID its flags now, or null when
 * it is gone. A listing kept by reference is compared with the one the client
 * read last time (only what can differ); written-out lines are compared in full.
 */
function readFlagListing(memory: ClientMemory, folder: string, cache: ReadonlyMap<number, CacheEntry>, upTo: number, untagged: ImapReply['untagged']): Array<{ uid: number; flags: number | null }> {
  if (isListing(untagged)) {
    const since = memory.listingVersion.get(folder);
    memory.listingVersion.set(folder, untagged.version);
    if (since !== undefined) return [...untagged.changedSince(since)];
    return fullCompare(cache, upTo, untagged.entries());
  }
  memory.listingVersion.delete(folder);
  return fullCompare(cache, upTo, readFetched(untagged));
}

function fullCompare(cache: ReadonlyMap<number, CacheEntry>, upTo: number, listed: ReadonlyArray<{ uid: number; flags: number }>): Array<{ uid: number; flags: number | null }> {
  const out: Array<{ uid: number; flags: number | null }> = [];
  const present = new Set<number>();
  for (const l of listed) {
    present.add(l.uid);
    out.push({ uid: l.uid, flags: l.flags });
  }
  for (const uid of cache.keys()) if (uid <= upTo && !present.has(uid)) out.push({ uid, flags: null });
  return out;
}

/**
 * Fetch messages the client does not have: headers first (every mode keeps
 * them in its index), then, for a full cache, the bodies in groups. Returns
 * how many were stored on the device.
 */
function fetchMessages(h: ClientHost, conn: ImapConnection, folder: string, uids: readonly number[], frames: boolean): number {
  if (!uids.length) return 0;
  const mode = cacheModeOf(h);
  const memory = h.memory;
  const id = h.device.id;
  const local = devicePlace(id, folder);
  const server = serverPlace(h.account.id, folder);
  let stored = 0;
  const bodies: Array<{ uid: number; mail: string; size: number }> = [];
  for (let i = 0; i < uids.length; i += HEADER_CHUNK) {
    const r = conn.send({ type: 'client.fetch', uids: formatUidSet(uids.slice(i, i + HEADER_CHUNK)), items: HEADER_ITEMS });
    for (const m of readFetched(r.untagged)) {
      if (!m.mail) continue;
      if (mode === 'none') cacheEntry(memory, folder, m.uid, m.mail, null);
      else if (mode === 'full') bodies.push({ uid: m.uid, mail: m.mail, size: m.size ?? 0 });
      else {
        const { key, dup } = h.freeKey(local, m.mail);
        h.put(local, key, deviceCopy(m.mail, m.flags, true, dup));
        h.transfer('copy', m.mail, server, local, key);
        cacheEntry(memory, folder, m.uid, m.mail, key);
        stored++;
        if (frames) h.report({ kind: 'cached', part: 'header', uid: m.uid, mail: m.mail, folder });
      }
    }
  }
  for (const group of bodyGroups(bodies)) {
    // Pushed, not mapped: `map` makes a list of another kind than the header chunks' `slice`, and
    // formatUidSet's compiled code was thrown away when the first group came.
    const groupUids: number[] = [];
    for (const g of group) groupUids.push(g.uid);
    const r = conn.send({ type: 'client.fetch', uids: formatUidSet(groupUids), items: BODY_ITEMS });
    for (const m of readFetched(r.untagged)) {
      if (!m.mail) continue;
      const { key, dup } = h.freeKey(local, m.mail);
      h.put(local, key, deviceCopy(m.mail, m.flags, false, dup));
      h.transfer('copy', m.mail, server, local, key);
      cacheEntry(memory, folder, m.uid, m.mail, key);
      stored++;
      if (frames) h.report({ kind: 'cached', part: 'body', uid: m.uid, mail: m.mail, folder });
    }
  }
  return stored;
}

/** Groups of at most BODY_GROUP_BYTES; a message at least that large goes alone (GetNextGroupOfMessages). */
function bodyGroups<T extends { size: number }>(list: readonly T[]): T[][] {
  const groups: T[][] = [];
  let group: T[] = [];
  let bytes = 0;
  for (const m of list) {
    if (group.length && bytes + m.size > BODY_GROUP_BYTES) {
      groups.push(group);
      group = [];
      bytes = 0;
    }
    group.push(m);
    bytes += m.size;
    if (bytes >= BODY_GROUP_BYTES) {
      groups.push(group);
      group = [];
      bytes = 0;
    }
  }
  if (group.length) groups.push(group);
  return groups;
}

/** New UIDs from `lastUid + 1` on, as `UID FETCH n:*` lists them (a reply may name the last message even when it is older: RFC 9051 §6.4.8). */
function newUids(conn: ImapConnection, from: number, cache: ReadonlyMap<number, CacheEntry>): number[] {
  const r = conn.send({ type: 'client.fetch', uids: `${from}:*`, items: 'UID FLAGS' });
  const out: number[] = [];
  for (const uid of fetchedUids(r.untagged)) if (uid >= from && !cache.has(uid)) out.push(uid);
  return out;
}

/** Bring one folder in line with the server. Returns how many messages were stored on the device. */
function syncFolder(h: ClientHost, conn: ImapConnection, folder: string, reason: 'check' | 'idle' | 'reconnect'): number {
  const memory = h.memory;
  const id = h.device.id;
  const mode = cacheModeOf(h);
  const known = memory.cacheValidity.get(folder);
  let sel: Selected;
  if (conn.selected === folder && known !== undefined) {
    // Still selected on this connection (kept, or left IDLE with DONE): Thunderbird asks for news with
    // NOOP instead of selecting the mailbox again (nsImapProtocol::ProcessSelectedStateURL, rule 95),
    // and knows the message count from EXISTS; no UIDNEXT is told.
    if (conn.lastCommand !== 'client.noop') readIdleNews(h, conn.send({ type: 'client.noop' }).untagged as readonly string[], folder);
    sel = { exists: conn.exists, uidValidity: known, uidNext: 0 };
  } else {
    const r = conn.send({ type: 'client.select', mailbox: folder });
    if (!r.ok) return 0;
    sel = readSelect(r.untagged as readonly string[]);
  }
  if (known !== undefined && known !== sel.uidValidity) {
    // A new UIDVALIDITY invalidates every cached UID and queued UID action (rule 24).
    const dropped = memory.queue.filter((q) => q.folder === folder).length;
    for (const uid of [...(memory.cache.get(folder)?.keys() ?? [])]) dropCached(h, folder, uid, 'delete');
    memory.queue = memory.queue.filter((q) => q.folder !== folder);
    memory.lastUid.delete(folder);
    memory.maxCachedUid.delete(folder);
    memory.listingVersion.delete(folder);
    h.report({ kind: 'uidValidityChanged', folder, dropped });
  }
  memory.cacheValidity.set(folder, sel.uidValidity);
  replayQueue(h, conn, folder);

  const cache = cacheOf(memory, folder);
  const lastUid = memory.lastUid.get(folder) ?? 0;
  // Messages cached outside a check (opened, moved here) count as known too.
  const knownUpTo = Math.max(lastUid, memory.maxCachedUid.get(folder) ?? 0);
  const restored: number[] = [];
  // A push (IDLE) was told of other devices' expunges and flag changes already (rule 86): it asks only for new mail.
  if (cache.size > 0 && reason !== 'idle') {
    const listing = conn.send({ type: 'client.fetch', uids: `1:${knownUpTo}`, items: 'FLAGS' });
    const local = devicePlace(id, folder);
    for (const { uid, flags } of readFlagListing(memory, folder, cache, knownUpTo, listing.untagged)) {
      const entry = cache.get(uid);
      if (entry && flags === null) dropCached(h, folder, uid, 'expunge');
      else if (entry && flags !== null && entry.localKey !== null) {
        const copy = h.copyAt(local, entry.localKey);
        if (copy && copy.flags !== flags) h.setFlags(local, entry.localKey, flags);
      } else if (!entry && flags !== null && uid <= lastUid) restored.push(uid); // back from a restore; newer UIDs come as new below
    }
    if (h.hasPending()) h.report({ kind: 'flagsSynced', folder });
  }
  // New mail: SELECT's UIDNEXT (or more EXISTS than the client knows of) says whether there is any, UID FETCH n:* which.
  const fresh = sel.uidNext > lastUid + 1 || sel.exists > cache.size ? newUids(conn, lastUid + 1, cache) : [];
  const wanted = [...restored.sort((a, b) => a - b), ...fresh];
  const stored = fetchMessages(h, conn, folder, wanted, true);
  // Every UID below UIDNEXT has now been seen or is gone for good (UIDs are never reused);
  // without a SELECT, the newest UID fetched is what the client knows.
  const seenUpTo = Math.max(sel.uidNext - 1, fresh.length ? Math.max(...fresh) : 0);
  if (seenUpTo > lastUid) memory.lastUid.set(folder, seenUpTo);
  if (h.hasPending())
    h.report({ kind: 'folderSynced', folder, cacheless: mode === 'none', count: conn.exists, fresh: wanted.length });
  return stored;
}

/** Bring every folder the check looks at in line (one connection, many commands). */
function syncAll(h: ClientHost, conn: ImapConnection, reason: 'check' | 'idle' | 'reconnect'): number {
  const folders = reason === 'idle' ? ['INBOX'] : foldersToSync(h, conn);
  let stored = 0;
  for (const folder of folders) stored += syncFolder(h, conn, folder, reason);
  return stored;
}

/** Check for mail: every folder with content on either side is brought in line with the server. */
export function imapCheck(h: ClientHost, idle: IdleSlot, reason: 'check' | 'idle' | 'reconnect' = 'check'): void {
  const session = takeSession(h, idle);
  if (!session) return;
  const { conn, kept } = session;
  const fetched = syncAll(h, conn, reason);
  if (reason !== 'idle' && !idles(h) && caches(h)) {
    // Kept for the next action, no LOGOUT (rule 95).
    releaseSession(h, idle, session);
    h.recordSync(conn.cost);
    h.report({ kind: 'checked', ending: 'kept', fetched, bytes: conn.cost.bytes, seconds: conn.cost.seconds(h.device.linkKbps) });
    return;
  }
  if (reason === 'idle' || kept || idles(h)) {
    // The connection stays open in IDLE on INBOX: from now on the server tells this device of new mail.
    releaseSession(h, idle, { conn, kept: true });
    h.recordSync(conn.cost);
    h.report({ kind: 'checked', ending: kept ? 'idleAgain' : 'idleStart', fetched, bytes: conn.cost.bytes, seconds: conn.cost.seconds(h.device.linkKbps) });
    return;
  }
  conn.logout();
  h.recordSync(conn.cost);
  h.report({ kind: 'checked', ending: 'logout', fetched, bytes: conn.cost.bytes, seconds: conn.cost.seconds(h.device.linkKbps) });
}

/**
 * What the server pushed while the device idled on INBOX, read as Thunderbird's
 * nsImapServerResponseParser reads it (rule 86): `* n EXPUNGE` removes the
 * n-th message of the client's view of the mailbox (nsImapFlagAndUidState::
 * ExpungeByIndex; nsImapMailFolder then deletes its header from the folder's
 * database, so the message leaves the device's list and its offline copy),
 * `* n FETCH (FLAGS …)` sets the n-th message's flags. The view is what the
 * client itself has of INBOX, in UID order: the sequence number is all it is told.
 */
function readIdleNews(h: ClientHost, news: readonly string[], folder = 'INBOX'): { expunged: string[]; flagged: number; exists: boolean } {
  const cache = cacheOf(h.memory, folder);
  // The client's view in UID order, built only when a line names a sequence number
  // other than EXISTS (a push of new mail alone, the common case, needs none).
  let view: number[] | null = null;
  const local = devicePlace(h.device.id, folder);
  const expunged: string[] = [];
  let flagged = 0;
  let exists = false;
  for (const line of news) {
    const m = /^\* (\d+) (EXPUNGE|EXISTS|FETCH \(FLAGS \(([^)]*)\)\))$/.exec(line);
    if (!m) continue;
    if (m[2] === 'EXISTS') {
      exists = true;
      continue;
    }
    view ??= [...cache.keys()].sort((a, b) => a - b);
    const uid = view[Number(m[1]) - 1];
    if (uid === undefined) continue;
    if (m[2] === 'EXPUNGE') {
      view.splice(Number(m[1]) - 1, 1);
      expunged.push(cache.get(uid)!.mail);
      dropCached(h, folder, uid, 'expunge');
      continue;
    }
    flagged++;
    const entry = cache.get(uid)!;
    const copy = entry.localKey !== null ? h.copyAt(local, entry.localKey) : undefined;
    const flags = parseFlagList(m[3]);
    if (copy && copy.flags !== flags) h.setFlags(local, entry.localKey!, flags);
  }
  return { expunged, flagged, exists };
}

/**
 * The server pushed news to a device in IDLE (RFC 2177): new mail (`* n
 * EXISTS`, rule 25), or another device's expunges and flag changes (rule 86).
 * The client takes in what the lines say, then, as Thunderbird does after any
 * response during IDLE (nsImapProtocol::HandleIdleResponses calls
 * nsImapMailFolder::OnNewIdleMessages, which updates the folder), ends IDLE,
 * asks for new mail, fetches it and idles again.
 */
export function idlePush(h: ClientHost, idle: IdleSlot): void {
  const conn = idle.get();
  if (!conn) {
    imapCheck(h, idle, 'idle');
    return;
  }
  const news = conn.unasked();
  if (!news.length) return;
  const told = readIdleNews(h, news);
  conn.done();
  const memory = h.memory;
  const lastUid = memory.lastUid.get('INBOX') ?? 0;
  const fresh = newUids(conn, lastUid + 1, cacheOf(memory, 'INBOX'));
  const fetched = fetchMessages(h, conn, 'INBOX', fresh, false);
  if (fresh.length) memory.lastUid.set('INBOX', Math.max(lastUid, ...fresh));
  conn.idle();
  h.recordSync(conn.cost);
  conn.cost.reset();
  if (told.expunged.length || (told.flagged && !told.exists)) {
    // Another device's change, told at once (rule 86).
    h.report({ kind: 'idleNews', expunged: told.expunged, flagged: told.flagged, fetched });
    return;
  }
  h.report({ kind: 'idlePush', fetched });
}

/**
 * How a device's open connection ends: logged out by the client (its account
 * settings change, the provider changes), or broken without a goodbye — seen
 * by the client (its network or its disk is gone: nothing it sends arrives) or
 * by the server (it went down). Its line says which side saw it break.
 */
export type ConnectionEnd = 'logout' | { readonly dir: 'C' | 'S'; readonly line: string };

/** The device's side of a broken connection: nothing more is sent on it. */
export const DEVICE_DROP: ConnectionEnd = { dir: 'C', line: '<connection dropped>' };

/**
 * The device's IDLE (or kept) connection ends. A kept connection the server
 * has closed meanwhile (its 30-minute autologout, rule 96) has nothing left to
 * end: the client finds it closed and sends nothing.
 */
export function closeIdle(idle: IdleSlot, end: ConnectionEnd): void {
  const conn = idle.get();
  if (!conn) return;
  idle.set(null);
  if (!conn.idling) {
    conn.unasked();
    if (conn.closed) return;
  }
  if (end !== 'logout') {
    conn.drop(end.dir, end.line);
    return;
  }
  if (conn.idling) conn.done();
  conn.logout();
}

/** Replay what was done offline, folder by folder (rules 20, 21: an action on a vanished UID does nothing). */
function replayQueue(h: ClientHost, conn: ImapConnection, folder: string): void {
  const memory = h.memory;
  const mine = memory.queue.filter((q) => q.folder === folder);
  if (!mine.length) return;
  memory.queue = memory.queue.filter((q) => q.folder !== folder);
  for (const q of mine) {
    let existed: boolean;
    if (q.kind === 'flag') {
      // Not silent: the FETCH in the reply says whether the message is still there.
      const r = conn.send({ type: 'client.store', uids: String(q.uid), change: `+FLAGS (${flagList(q.add)})`, silent: false });
      existed = (r.untagged as readonly string[]).some((l) => / FETCH /.test(l));
    } else if (q.kind === 'move') {
      const moved = moveOnServer(h, conn, q.uid, q.to);
      existed = moved.found;
      settleQueuedMove(h, q, moved);
    } else {
      conn.send({ type: 'client.store', uids: String(q.uid), change: '+FLAGS (\\Deleted)', silent: true });
      const r = conn.send({ type: 'client.uidExpunge', uids: String(q.uid) });
      existed = (r.untagged as readonly string[]).some((l) => / EXPUNGE$/.test(l));
    }
    if (!existed) {
      // Another device removed it meanwhile: the queued action did nothing; drop the local copy.
      for (const [f, entries] of memory.cache) for (const [uid, e] of [...entries]) if (e.mail === q.mail) dropCached(h, f, uid, 'expunge');
    }
    h.report({ kind: 'replayed', action: q.kind, existed, mail: q.mail, folder, to: q.kind === 'move' ? q.to : '' });
  }
}

/** After replaying an offline move: register the moved copy under its new UID, or drop it if the mail vanished. */
function settleQueuedMove(h: ClientHost, q: Extract<QueuedAction, { kind: 'move' }>, moved: Moved): void {
  const place = devicePlace(h.device.id, q.to);
  if (!moved.found) {
    if (q.localKey != null && h.copyAt(place, q.localKey)) {
      h.del(place, q.localKey);
      h.transfer('expunge', q.mail, place, null, q.localKey);
    }
    return;
  }
  if (!moved.ok || moved.uid === null) return;
  cacheEntry(h.memory, q.to, moved.uid, q.mail, q.localKey ?? null);
  if (h.memory.cacheValidity.get(q.to) === undefined && moved.uidValidity !== null) h.memory.cacheValidity.set(q.to, moved.uidValidity);
}

function flagList(flags: number): string {
  return (['Answered', 'Flagged', 'Deleted', 'Seen', 'Draft'] as const)
    .filter((f) => flags & Flag[f])
    .map((f) => `\\${f}`)
    .join(' ');
}

interface Moved {
  /** The server did it. */
  readonly ok: boolean;
  /** The message was there to move (a vanished UID answers "No messages found"). */
  readonly found: boolean;
  /** Its UID in the target folder and the target's UIDVALIDITY, from COPYUID (RFC 4315). */
  readonly uid: number | null;
  readonly uidValidity: number | null;
}

function copyUid(text: string): { uid: number; uidValidity: number } | null {
  const m = /\[COPYUID (\d+) \S+ (\d+)\]/.exec(text);
  return m ? { uidValidity: Number(m[1]), uid: Number(m[2]) } : null;
}

/** MOVE, or COPY + \Deleted + UID EXPUNGE for a client without MOVE. */
function moveOnServer(h: ClientHost, conn: ImapConnection, uid: number, to: string): Moved {
  if (h.device.imap.useMove) {
    const r = conn.send({ type: 'client.move', uids: String(uid), mailbox: to });
    const cu = copyUid((r.untagged as readonly string[]).join('\n'));
    return { ok: r.ok, found: !/No messages found/.test(r.status), uid: cu?.uid ?? null, uidValidity: cu?.uidValidity ?? null };
  }
  const copied = conn.send({ type: 'client.copy', uids: String(uid), mailbox: to });
  const found = !/No messages found/.test(copied.status);
  if (!copied.ok || !found) return { ok: copied.ok && found, found, uid: null, uidValidity: null };
  const cu = copyUid(copied.status);
  conn.send({ type: 'client.store', uids: String(uid), change: '+FLAGS (\\Deleted)', silent: true });
  conn.send({ type: 'client.uidExpunge', uids: String(uid) });
  return { ok: true, found, uid: cu?.uid ?? null, uidValidity: cu?.uidValidity ?? null };
}

/** After a server-side move, bring the cache along: the message has a new UID in the target folder. */
function recacheAfterMove(h: ClientHost, mail: string, from: string, oldUid: number, to: string, moved: Moved): void {
  const memory = h.memory;
  const entry = memory.cache.get(from)?.get(oldUid);
  if (!entry) return;
  memory.cache.get(from)!.delete(oldUid);
  let localKey: string | null = null;
  if (entry.localKey !== null) {
    const src = devicePlace(h.device.id, from);
    const dst = devicePlace(h.device.id, to);
    const copy = h.copyAt(src, entry.localKey);
    h.del(src, entry.localKey);
    if (copy) {
      const k = h.freeKey(dst, mail);
      localKey = k.key;
      h.put(dst, k.key, { ...copy, flags: copy.flags & ~Flag.Deleted });
      h.transfer('move', mail, src, dst, k.key);
    }
  }
  if (moved.uid === null) return;
  if (memory.cacheValidity.get(to) === undefined && moved.uidValidity !== null) memory.cacheValidity.set(to, moved.uidValidity);
  cacheEntry(memory, to, moved.uid, mail, localKey);
}

/**
 * Where the client believes a mail is on the server. A mail it has never seen
 * is looked for the way a user would: the folders are brought up to date first.
 */
function whereIs(h: ClientHost, conn: ImapConnection, mail: string): { folder: string; uid: number } | null {
  let cached = findCached(h.memory, mail);
  if (!cached) {
    syncAll(h, conn, 'check');
    cached = findCached(h.memory, mail);
  }
  return cached ? { folder: cached.folder, uid: cached.uid } : null;
}

/** Select the folder a mail is in and check it is still there; if it is gone, bring the folders up to date and look again. */
function openMail(h: ClientHost, conn: ImapConnection, mail: string): { folder: string; uid: number } | null {
  let where = whereIs(h, conn, mail);
  if (!where) return null;
  // A folder the connection has selected already is not selected again (Thunderbird runs the action in it).
  if (conn.selected !== where.folder) conn.send({ type: 'client.select', mailbox: where.folder });
  const r = conn.send({ type: 'client.fetch', uids: String(where.uid), items: 'UID FLAGS' });
  if (readFetched(r.untagged).length) return where;
  // Gone from where the client last saw it (another device moved or deleted it).
  syncAll(h, conn, 'check');
  where = findCached(h.memory, mail);
  if (!where) return null;
  conn.send({ type: 'client.select', mailbox: where.folder });
  return where;
}

/** One session for a user action on one mail: connect (or take the open IDLE connection), find the mail and select its folder; says so if the server no longer has it. */
function connectToMail(h: ClientHost, idle: IdleSlot, mail: string): { session: Session; conn: ImapConnection; where: { folder: string; uid: number } } | null {
  const session = takeSession(h, idle);
  if (!session) return null;
  const where = openMail(h, session.conn, mail);
  if (!where) {
    releaseSession(h, idle, session);
    h.report({ kind: 'notOnServer', mail });
    return null;
  }
  return { session, conn: session.conn, where };
}

/** Read (or open with its attachment). Online: FETCH BODY[] sets \Seen for all (rule 17). Offline: only what is cached. */
export function imapRead(h: ClientHost, idle: IdleSlot, mail: string, opening: boolean): void {
  const id = h.device.id;
  const status = h.status();
  const memory = h.memory;
  const size = h.sizeOf(mail);
  if (!status.online || status.diskFailed) {
    const cached = findCached(memory, mail);
    const local = cached?.entry.localKey != null ? h.copyAt(devicePlace(id, cached.folder), cached.entry.localKey) : undefined;
    if (!cached || !local || local.headersOnly || status.diskFailed) {
      h.report({ kind: 'notCached', mail, diskFailed: status.diskFailed });
      return;
    }
    h.setFlags(devicePlace(id, cached.folder), cached.entry.localKey!, local.flags | Flag.Seen);
    if (!(local.flags & Flag.Seen)) memory.queue.push({ kind: 'flag', folder: cached.folder, uid: cached.uid, mail, add: Flag.Seen });
    h.report({ kind: 'readOffline', mail, size, opening });
    return;
  }
  const opened = connectToMail(h, idle, mail);
  if (!opened) return;
  const { conn, where } = opened;
  const entry = memory.cache.get(where.folder)?.get(where.uid);
  const place = devicePlace(id, where.folder);
  const local = entry?.localKey != null ? h.copyAt(place, entry.localKey) : undefined;
  if (opening && local && !local.headersOnly) {
    // The body is in the cache: opening costs no transfer.
    h.setFlags(place, entry!.localKey!, local.flags | Flag.Seen);
    conn.send({ type: 'client.store', uids: String(where.uid), change: '+FLAGS (\\Seen)', silent: true });
    releaseSession(h, idle, opened.session);
    h.report({ kind: 'openedCached', mail, size });
    return;
  }
  const r = conn.send({ type: 'client.fetch', uids: String(where.uid), items: 'BODY[]' });
  const got = readFetched(r.untagged)[0];
  if (cacheModeOf(h) !== 'none' && got) {
    const key = entry?.localKey ?? h.freeKey(place, mail).key;
    h.put(place, key, new MailCopy(mail, got.flags));
    h.transfer('copy', mail, serverPlace(h.account.id, where.folder), place, key);
    cacheEntry(memory, where.folder, where.uid, mail, key);
  }
  releaseSession(h, idle, opened.session);
  h.recordSync(conn.cost);
  h.report({ kind: 'readOnline', mail, size, seconds: conn.cost.seconds(h.device.linkKbps), opening });
}

/** Delete by the client's setting: move to Trash, mark \Deleted, or remove at once. Counted as the user's deletion once the server agreed. */
export function imapDelete(h: ClientHost, idle: IdleSlot, mail: string): void {
  const id = h.device.id;
  const action = h.device.imap.deleteAction;
  const status = h.status();
  const memory = h.memory;
  if (!status.online) {
    const cached = findCached(memory, mail);
    // Offline the delete is done on the device at once (and replayed later).
    h.deletedByUser(mail);
    if (!cached) {
      h.report({ kind: 'notCached', mail, diskFailed: false });
      return;
    }
    queueOffline(h, cached.folder, cached.uid, mail, action === 'trash' && cached.folder !== 'Trash' ? 'trash' : action === 'mark' ? 'mark' : 'expunge');
    return;
  }
  const opened = connectToMail(h, idle, mail);
  if (!opened) return;
  const { conn, where } = opened;
  let how: 'trash' | 'refused' | 'mark' | 'expunge';
  if (action === 'trash' && where.folder !== 'Trash') {
    const moved = moveOnServer(h, conn, where.uid, 'Trash');
    if (moved.ok) {
      recacheAfterMove(h, mail, where.folder, where.uid, 'Trash', moved);
      h.deletedByUser(mail);
    }
    how = moved.ok ? 'trash' : 'refused';
  } else if (action === 'mark') {
    conn.send({ type: 'client.store', uids: String(where.uid), change: '+FLAGS (\\Deleted)', silent: true });
    const cached = memory.cache.get(where.folder)?.get(where.uid);
    if (cached?.localKey != null) {
      const place = devicePlace(id, where.folder);
      const local = h.copyAt(place, cached.localKey);
      if (local) h.setFlags(place, cached.localKey, local.flags | Flag.Deleted);
    }
    h.deletedByUser(mail);
    how = 'mark';
  } else {
    conn.send({ type: 'client.store', uids: String(where.uid), change: '+FLAGS (\\Deleted)', silent: true });
    conn.send({ type: 'client.uidExpunge', uids: String(where.uid) });
    dropCached(h, where.folder, where.uid, 'expunge');
    h.deletedByUser(mail);
    how = 'expunge';
  }
  releaseSession(h, idle, opened.session);
  h.recordSync(conn.cost);
  h.report({ kind: 'deleted', how, mail, folder: where.folder });
}

function queueOffline(h: ClientHost, folder: string, uid: number, mail: string, what: 'trash' | 'mark' | 'expunge' | { to: string }): void {
  const memory = h.memory;
  const id = h.device.id;
  const entry = memory.cache.get(folder)?.get(uid);
  const place = devicePlace(id, folder);
  let action: QueuedAction;
  if (what === 'mark') {
    action = { kind: 'flag', folder, uid, mail, add: Flag.Deleted };
    const local = entry?.localKey != null ? h.copyAt(place, entry.localKey) : undefined;
    if (local) h.setFlags(place, entry!.localKey!, local.flags | Flag.Deleted);
  } else if (what === 'expunge') {
    action = { kind: 'expunge', folder, uid, mail };
    if (entry?.localKey != null) {
      h.del(place, entry.localKey);
      h.transfer('delete', mail, place, null, entry.localKey);
    }
  } else {
    const to = what === 'trash' ? 'Trash' : what.to;
    let localKey: string | null = null;
    if (entry?.localKey != null) {
      const copy = h.copyAt(place, entry.localKey);
      h.del(place, entry.localKey);
      if (copy) {
        const dst = devicePlace(id, to);
        const k = h.freeKey(dst, mail);
        h.put(dst, k.key, copy);
        h.transfer('move', mail, place, dst, k.key);
        localKey = k.key;
      }
    }
    // The copy now sits in the target folder locally; its server UID there is learnt at the replay.
    memory.cache.get(folder)?.delete(uid);
    action = { kind: 'move', folder, uid, mail, to, localKey };
  }
  memory.queue.push(action);
  h.report({ kind: 'queued', action: action.kind, mail, folder, to: action.kind === 'move' ? action.to : '' });
}

/** Move to a server folder (MOVE), or to a local folder: then it leaves the server and every other device (claim I5). */
export function imapMove(h: ClientHost, idle: IdleSlot, mail: string, folder: string, local: boolean): void {
  const id = h.device.id;
  const status = h.status();
  const memory = h.memory;
  if (!status.online) {
    const cached = findCached(memory, mail);
    if (!cached) {
      h.report({ kind: 'notCached', mail, diskFailed: false });
      return;
    }
    if (local) {
      moveCachedToLocal(h, cached.folder, cached.uid, mail, folder, null);
      memory.queue.push({ kind: 'expunge', folder: cached.folder, uid: cached.uid, mail });
      h.report({ kind: 'queuedLocal', mail, folder });
      return;
    }
    queueOffline(h, cached.folder, cached.uid, mail, { to: folder });
    return;
  }
  const inLocalFolder = h.device.localFolders.map((f) => devicePlace(id, folderId(f))).find((p) => [...h.folder(p).values()].some((c) => c.mail === mail));
  if (inLocalFolder && !local && !findCached(memory, mail)) {
    uploadFromLocal(h, idle, mail, inLocalFolder, folder);
    return;
  }
  const opened = connectToMail(h, idle, mail);
  if (!opened) return;
  const { conn, where } = opened;
  let how: 'local' | 'server' | 'refused';
  if (local) {
    const cached = memory.cache.get(where.folder)?.get(where.uid);
    const localCopy = cached?.localKey != null ? h.copyAt(devicePlace(id, where.folder), cached.localKey) : undefined;
    let flags: number | null = null;
    if (!localCopy || localCopy.headersOnly) {
      const r = conn.send({ type: 'client.fetch', uids: String(where.uid), items: BODY_ITEMS });
      flags = readFetched(r.untagged)[0]?.flags ?? null;
    }
    if (!cached) cacheEntry(memory, where.folder, where.uid, mail, null);
    moveCachedToLocal(h, where.folder, where.uid, mail, folder, flags);
    conn.send({ type: 'client.store', uids: String(where.uid), change: '+FLAGS (\\Deleted)', silent: true });
    conn.send({ type: 'client.uidExpunge', uids: String(where.uid) });
    how = 'local';
  } else {
    const moved = moveOnServer(h, conn, where.uid, folder);
    if (moved.ok) recacheAfterMove(h, mail, where.folder, where.uid, folder, moved);
    how = moved.ok ? 'server' : 'refused';
  }
  releaseSession(h, idle, opened.session);
  h.recordSync(conn.cost);
  h.report({ kind: 'moved', how, mail, folder });
}

/** From a local folder back to a server folder: the client APPENDs it, and every device sees it again (claim I5, "both ways"). */
function uploadFromLocal(h: ClientHost, idle: IdleSlot, mail: string, localPlace: string, folder: string): void {
  const id = h.device.id;
  const session = takeSession(h, idle);
  if (!session) return;
  const { conn } = session;
  const [key, copy] = [...h.folder(localPlace).entries()].find(([, c]) => c.mail === mail)!;
  const r = conn.send({ type: 'client.append', mailbox: folder, flags: copy.flags, mail, size: h.sizeOf(mail), source: localPlace });
  if (r.ok) {
    const appended = /APPENDUID (\d+) (\d+)/.exec(r.status);
    const uid = Number(appended?.[2]);
    h.del(localPlace, key);
    const memory = h.memory;
    if (memory.cacheValidity.get(folder) === undefined && appended) memory.cacheValidity.set(folder, Number(appended[1]));
    if (cacheModeOf(h) !== 'none') {
      const place = devicePlace(id, folder);
      const k = h.freeKey(place, mail);
      h.put(place, k.key, copy);
      h.transfer('move', mail, localPlace, place, k.key);
      cacheEntry(memory, folder, uid, mail, k.key);
    } else {
      h.transfer('delete', mail, localPlace, null, key);
      cacheEntry(memory, folder, uid, mail, null);
    }
  }
  releaseSession(h, idle, session);
  h.recordSync(conn.cost);
  h.report({ kind: 'uploaded', ok: r.ok, mail, folder });
}

/** `serverFlags`: the flags a fetch just reported (null: the client goes by its own copy). */
function moveCachedToLocal(h: ClientHost, folder: string, uid: number, mail: string, localFolder: string, serverFlags: number | null): void {
  const id = h.device.id;
  const memory = h.memory;
  const entry = memory.cache.get(folder)?.get(uid);
  const dst = devicePlace(id, localFolder);
  const k = h.freeKey(dst, mail);
  if (entry?.localKey != null) {
    const src = devicePlace(id, folder);
    const copy = h.copyAt(src, entry.localKey);
    h.del(src, entry.localKey);
    h.put(dst, k.key, new MailCopy(mail, (serverFlags ?? copy?.flags ?? 0) & ~Flag.Deleted));
    h.transfer('move', mail, src, dst, k.key);
  } else {
    h.put(dst, k.key, new MailCopy(mail, (serverFlags ?? 0) & ~Flag.Deleted));
    h.transfer('copy', mail, serverPlace(h.account.id, folder), dst, k.key);
  }
  memory.cache.get(folder)?.delete(uid);
}

/** Empty Trash: flag everything \Deleted and EXPUNGE. Only now does the quota free up (rule 32). */
export function imapEmptyTrash(h: ClientHost, idle: IdleSlot): void {
  const session = takeSession(h, idle);
  if (!session) return;
  const { conn } = session;
  const memory = h.memory;
  const r = conn.send({ type: 'client.select', mailbox: 'Trash' });
  const exists = readSelect(r.untagged as readonly string[]).exists;
  // What is in Trash: the client's own list, plus what it has not seen yet (their headers say which mails they are).
  const inTrash = new Map<number, string>();
  for (const [uid, e] of memory.cache.get('Trash') ?? []) inTrash.set(uid, e.mail);
  if (exists > inTrash.size) {
    const listed = conn.send({ type: 'client.fetch', uids: '1:*', items: HEADER_ITEMS });
    for (const m of readFetched(listed.untagged)) if (m.mail) inTrash.set(m.uid, m.mail);
  }
  let count = 0;
  if (exists) {
    conn.send({ type: 'client.store', uids: '1:*', change: '+FLAGS (\\Deleted)', silent: true });
    const gone = conn.send({ type: 'client.expunge' });
    count = (gone.untagged as readonly string[]).filter((l) => / EXPUNGE$/.test(l)).length;
    for (const [uid, mail] of inTrash) {
      h.deletedByUser(mail);
      dropCached(h, 'Trash', uid, 'expunge');
    }
  }
  releaseSession(h, idle, session);
  h.recordSync(conn.cost);
  h.report({ kind: 'trashEmptied', count });
}
