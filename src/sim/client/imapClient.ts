// An IMAP mail client with an offline cache (Thunderbird-like). The server is
// the single source of truth: the client mirrors folders into its cache
// (none, headers, or full bodies), syncs flags and expunges with
// `UID FETCH 1:n (FLAGS)`, downloads only messages it has not seen, and
// queues actions while offline to replay them later (semantics.md "IMAP",
// rules 14–24, 26, 32).
import { Flag } from '../model/flags';
import { devicePlace, serverPlace } from '../model/places';
import type { Copy } from '../model/state';
import type { Run } from '../run/run';
import { findByUid, locate, messages, messagesInUidRange, meta, serverFolders } from '../server/mailbox';
import { cacheEntry, type CacheEntry, type ClientMemory, type QueuedAction } from '../run/memory';
import { ImapConnection, recordSync } from './connection';
import { deviceCanConnect } from './reachability';

function cacheOf(memory: ClientMemory, folder: string): Map<number, CacheEntry> {
  let c = memory.cache.get(folder);
  if (!c) memory.cache.set(folder, (c = new Map()));
  return c;
}

export function findCached(memory: ClientMemory, mail: string): { folder: string; uid: number; entry: CacheEntry } | null {
  for (const [folder, entries] of memory.cache) for (const [uid, entry] of entries) if (entry.mail === mail) return { folder, uid, entry };
  return null;
}

function dropCached(run: Run, deviceId: string, folder: string, uid: number, kind: 'expunge' | 'delete'): void {
  const memory = run.device(deviceId).memory;
  const entry = memory.cache.get(folder)?.get(uid);
  if (!entry) return;
  memory.cache.get(folder)!.delete(uid);
  if (entry.localKey !== null) {
    const place = devicePlace(deviceId, folder);
    run.del(place, entry.localKey);
    run.transfer(kind, entry.mail, place, null, entry.localKey);
  }
}

function connect(run: Run, deviceId: string): ImapConnection | null {
  if (!deviceCanConnect(run, deviceId)) return null;
  const dev = run.device(deviceId);
  const conn = new ImapConnection(run, deviceId, dev.config.account);
  if (!conn.login()) {
    run.emit(deviceId, `${deviceId} · login refused`, { key: 'imap.loginRefused', params: { device: deviceId } });
    return null;
  }
  return conn;
}

/** Check for mail: every folder with content on either side is brought in line with the server. */
export function imapCheck(run: Run, deviceId: string, reason: 'check' | 'idle' | 'reconnect' = 'check'): void {
  const conn = connect(run, deviceId);
  if (!conn) return;
  const dev = run.device(deviceId);
  const account = dev.config.account;
  const memory = dev.memory;
  const cacheMode = dev.config.kind === 'webmail' ? 'none' : dev.config.imap.cache;
  const folders =
    reason === 'idle'
      ? ['INBOX']
      : serverFolders(run).filter((f) => f === 'INBOX' || run.folder(serverPlace(account, f)).size > 0 || (memory.cache.get(f)?.size ?? 0) > 0 || memory.queue.some((q) => q.folder === f));
  let fetched = 0;
  for (const folder of folders) {
    const place = serverPlace(account, folder);
    conn.send({ type: 'client.select', mailbox: folder });
    const m = meta(run, account, folder);
    const known = memory.cacheValidity.get(folder);
    if (known !== undefined && known !== m.uidValidity) {
      // A new UIDVALIDITY invalidates every cached UID and queued UID action (rule 24).
      const dropped = memory.queue.filter((q) => q.folder === folder).length;
      for (const uid of [...(memory.cache.get(folder)?.keys() ?? [])]) dropCached(run, deviceId, folder, uid, 'delete');
      memory.queue = memory.queue.filter((q) => q.folder !== folder);
      memory.lastUid.delete(folder);
      memory.maxCachedUid.delete(folder);
      memory.syncedVersion.delete(folder);
      run.emit(deviceId, `${deviceId} · ${folder} UIDVALIDITY changed`, { key: 'imap.uidValidityChanged', params: { device: deviceId, folder, dropped } });
    }
    memory.cacheValidity.set(folder, m.uidValidity);
    replayQueue(run, conn, deviceId, folder);

    const cache = cacheOf(memory, folder);
    const lastUid = memory.lastUid.get(folder) ?? 0;
    // Messages cached outside a check (opened, moved here) count as known too.
    const knownUpTo = Math.max(lastUid, memory.maxCachedUid.get(folder) ?? 0);
    const restored: Copy[] = [];
    // IDLE reports only new mail; flags and expunges wait for the next check.
    if (cache.size > 0 && reason !== 'idle') {
      // The client asks for every known message's flags (UID FETCH 1:n (FLAGS)); what can differ
      // from its cache is what changed on the server since its last sync, so only that is compared.
      conn.send({ type: 'client.fetch', uids: `1:${knownUpTo}`, items: 'FLAGS' });
      for (const uid of run.changedSince(place, memory.syncedVersion.get(folder) ?? 0)) {
        const entry = cache.get(uid);
        const serverCopy = run.copyAt(place, String(uid));
        if (entry && !serverCopy) dropCached(run, deviceId, folder, uid, 'expunge');
        else if (entry && serverCopy && entry.localKey !== null) {
          const local = run.copyAt(devicePlace(deviceId, folder), entry.localKey);
          if (local && local.flags !== serverCopy.flags) run.setFlags(devicePlace(deviceId, folder), entry.localKey, serverCopy.flags);
        } else if (!entry && serverCopy && uid <= lastUid) restored.push(serverCopy); // back from a restore; newer UIDs come as fresh below
      }
      if (run.hasPending()) run.emit(deviceId, `${deviceId} · ${folder} flags`, { key: 'imap.flagsSynced', params: { device: deviceId, folder } });
    }
    if (reason !== 'idle' || cache.size === 0) memory.syncedVersion.set(folder, run.version);

    // Messages the client has not seen yet (and any a restore brought back).
    const fresh = [...restored.sort((a, b) => a.uid! - b.uid!), ...messagesInUidRange(run, account, folder, lastUid + 1, m.uidNext - 1).filter((c) => !cache.has(c.uid!))];
    if (cacheMode === 'none') {
      if (fresh.length) {
        conn.send({ type: 'client.fetch', uids: fresh.length === 1 ? String(fresh[0].uid) : `${fresh[0].uid}:${fresh[fresh.length - 1].uid}`, items: 'UID FLAGS RFC822.SIZE' });
        for (const c of fresh) cacheEntry(memory, folder, c.uid!, { mail: c.mail, localKey: null });
      }
    } else {
      for (const c of fresh) {
        const body = cacheMode === 'full';
        conn.send({ type: 'client.fetch', uids: String(c.uid), items: body ? 'UID FLAGS RFC822.SIZE BODY.PEEK[]' : 'UID FLAGS RFC822.SIZE BODY.PEEK[HEADER]' });
        const local = devicePlace(deviceId, folder);
        const { key, dup } = run.freeKey(local, c.mail);
        run.put(local, key, { mail: c.mail, flags: c.flags, ...(body ? {} : { headersOnly: true }), ...(dup ? { dup } : {}) });
        run.transfer('copy', c.mail, place, local, key);
        cacheEntry(memory, folder, c.uid!, { mail: c.mail, localKey: key });
        fetched++;
        run.emit(deviceId, `${deviceId} · UID FETCH ${c.uid}`, { key: body ? 'imap.cacheBody' : 'imap.cacheHeader', params: { device: deviceId, mail: c.mail, folder } });
      }
    }
    // Every UID below UIDNEXT has now been seen or is gone for good (UIDs are never reused).
    if (m.uidNext - 1 > lastUid) memory.lastUid.set(folder, m.uidNext - 1);
    if (run.hasPending()) run.emit(deviceId, `${deviceId} · SELECT ${folder}`, { key: cacheMode === 'none' ? 'imap.listedNoCache' : 'imap.selected', params: { device: deviceId, folder, count: run.folder(place).size, fresh: fresh.length } });
  }
  if (reason === 'idle') {
    // The connection stays open in IDLE on INBOX: from now on the server tells this device of new mail.
    conn.idle();
    run.idleConnections.set(deviceId, conn);
    recordSync(run, deviceId, conn.cost);
    run.emit(deviceId, `${deviceId} · IDLE`, { key: 'imap.idleStart', params: { device: deviceId, fetched } });
    return;
  }
  conn.logout();
  recordSync(run, deviceId, conn.cost);
  run.emit(deviceId, `${deviceId} · LOGOUT`, {
    key: 'imap.checkDone',
    params: { device: deviceId, fetched, bytes: conn.cost.bytes, seconds: conn.cost.seconds(dev.config.linkKbps) },
  });
}

/** New mail for a device in IDLE: the server pushes EXISTS, the client ends IDLE, fetches it and idles again (RFC 2177, rule 25). */
export function idlePush(run: Run, deviceId: string): void {
  const conn = run.idleConnections.get(deviceId);
  if (!conn) {
    imapCheck(run, deviceId, 'idle');
    return;
  }
  if (!conn.hearNews()) return;
  conn.done();
  const dev = run.device(deviceId);
  const memory = dev.memory;
  const account = dev.config.account;
  const m = meta(run, account, 'INBOX');
  const cache = cacheOf(memory, 'INBOX');
  const lastUid = memory.lastUid.get('INBOX') ?? 0;
  const cacheMode = dev.config.kind === 'webmail' ? 'none' : dev.config.imap.cache;
  const fresh = messagesInUidRange(run, account, 'INBOX', lastUid + 1, m.uidNext - 1).filter((c) => !cache.has(c.uid!));
  let fetched = 0;
  for (const c of fresh) {
    if (cacheMode === 'none') {
      conn.send({ type: 'client.fetch', uids: String(c.uid), items: 'UID FLAGS RFC822.SIZE' });
      cacheEntry(memory, 'INBOX', c.uid!, { mail: c.mail, localKey: null });
      continue;
    }
    const body = cacheMode === 'full';
    conn.send({ type: 'client.fetch', uids: String(c.uid), items: body ? 'UID FLAGS RFC822.SIZE BODY.PEEK[]' : 'UID FLAGS RFC822.SIZE BODY.PEEK[HEADER]' });
    const local = devicePlace(deviceId, 'INBOX');
    const { key, dup } = run.freeKey(local, c.mail);
    run.put(local, key, { mail: c.mail, flags: c.flags, ...(body ? {} : { headersOnly: true }), ...(dup ? { dup } : {}) });
    run.transfer('copy', c.mail, serverPlace(account, 'INBOX'), local, key);
    cacheEntry(memory, 'INBOX', c.uid!, { mail: c.mail, localKey: key });
    fetched++;
  }
  if (m.uidNext - 1 > lastUid) memory.lastUid.set('INBOX', m.uidNext - 1);
  conn.idle();
  recordSync(run, deviceId, conn.cost);
  conn.cost.bytes = 0;
  conn.cost.commands = 0;
  run.emit(deviceId, `${deviceId} · IDLE push`, { key: 'imap.idlePush', params: { device: deviceId, fetched, bytes: 0, seconds: 0 } });
}

/** The device leaves IDLE and logs out (it goes offline, its disk dies, the server goes away). */
export function closeIdle(run: Run, deviceId: string): void {
  const conn = run.idleConnections.get(deviceId);
  if (!conn) return;
  run.idleConnections.delete(deviceId);
  if (conn.idling) conn.done();
  conn.logout();
}

/** Replay what was done offline, folder by folder (rules 20, 21: an action on a vanished UID does nothing). */
function replayQueue(run: Run, conn: ImapConnection, deviceId: string, folder: string): void {
  const memory = run.device(deviceId).memory;
  const mine = memory.queue.filter((q) => q.folder === folder);
  if (!mine.length) return;
  memory.queue = memory.queue.filter((q) => q.folder !== folder);
  const account = run.device(deviceId).config.account;
  for (const q of mine) {
    const exists = findByUid(run, account, folder, q.uid) !== null;
    if (q.kind === 'flag') conn.send({ type: 'client.store', uids: String(q.uid), change: `+FLAGS (${flagList(q.add)})`, silent: true });
    else if (q.kind === 'move') {
      moveOnServer(run, conn, deviceId, folder, q.uid, q.to);
      settleQueuedMove(run, deviceId, q, exists);
    }
    else {
      conn.send({ type: 'client.store', uids: String(q.uid), change: '+FLAGS (\\Deleted)', silent: true });
      conn.send({ type: 'client.uidExpunge', uids: String(q.uid) });
    }
    if (!exists) {
      // Another device removed it meanwhile: the queued action did nothing; drop the local copy.
      for (const [f, entries] of memory.cache) for (const [uid, e] of [...entries]) if (e.mail === q.mail) dropCached(run, deviceId, f, uid, 'expunge');
    }
    run.emit(deviceId, `${deviceId} · replay ${q.kind} ${q.mail}`, { key: exists ? `imap.replay.${q.kind}` : 'imap.replay.vanished', params: { device: deviceId, mail: q.mail, folder, to: q.kind === 'move' ? q.to : '' } });
  }
}

/** After replaying an offline move: register the moved copy under its new UID, or drop it if the mail vanished. */
function settleQueuedMove(run: Run, deviceId: string, q: Extract<QueuedAction, { kind: 'move' }>, existed: boolean): void {
  const dev = run.device(deviceId);
  const place = devicePlace(deviceId, q.to);
  if (!existed) {
    if (q.localKey != null && run.copyAt(place, q.localKey)) {
      run.del(place, q.localKey);
      run.transfer('expunge', q.mail, place, null, q.localKey);
    }
    return;
  }
  const now = locate(run, dev.config.account, q.mail);
  if (!now) return;
  cacheEntry(dev.memory, now.folder, now.uid, { mail: q.mail, localKey: q.localKey ?? null });
  if (dev.memory.cacheValidity.get(now.folder) === undefined) dev.memory.cacheValidity.set(now.folder, meta(run, dev.config.account, now.folder).uidValidity);
}

function flagList(flags: number): string {
  return (['Answered', 'Flagged', 'Deleted', 'Seen', 'Draft'] as const)
    .filter((f) => flags & Flag[f])
    .map((f) => `\\${f}`)
    .join(' ');
}

/** MOVE, or COPY + \Deleted + UID EXPUNGE for a client without MOVE. Returns false when the server refused. */
function moveOnServer(run: Run, conn: ImapConnection, deviceId: string, folder: string, uid: number, to: string): boolean {
  const dev = run.device(deviceId);
  if (dev.config.imap.useMove) {
    const r = conn.send({ type: 'client.move', uids: String(uid), mailbox: to });
    return r.ok;
  }
  const copied = conn.send({ type: 'client.copy', uids: String(uid), mailbox: to });
  if (!copied.ok) return false;
  conn.send({ type: 'client.store', uids: String(uid), change: '+FLAGS (\\Deleted)', silent: true });
  conn.send({ type: 'client.uidExpunge', uids: String(uid) });
  return true;
}

/** After a server-side move, bring the cache along: the message has a new UID in the target folder. */
function recacheAfterMove(run: Run, deviceId: string, mail: string, from: string, oldUid: number): void {
  const dev = run.device(deviceId);
  const memory = dev.memory;
  const entry = memory.cache.get(from)?.get(oldUid);
  const now = locate(run, dev.config.account, mail);
  if (!entry) return;
  memory.cache.get(from)!.delete(oldUid);
  if (!now) {
    if (entry.localKey !== null) {
      run.del(devicePlace(deviceId, from), entry.localKey);
      run.transfer('expunge', mail, devicePlace(deviceId, from), null, entry.localKey);
    }
    return;
  }
  let localKey: string | null = null;
  if (entry.localKey !== null) {
    const src = devicePlace(deviceId, from);
    const dst = devicePlace(deviceId, now.folder);
    const copy = run.copyAt(src, entry.localKey);
    run.del(src, entry.localKey);
    if (copy) {
      const server = findByUid(run, dev.config.account, now.folder, now.uid);
      const k = run.freeKey(dst, mail);
      localKey = k.key;
      run.put(dst, k.key, { ...copy, flags: server?.copy.flags ?? copy.flags });
      run.transfer('move', mail, src, dst, k.key);
    }
  }
  if (memory.cacheValidity.get(now.folder) === undefined) memory.cacheValidity.set(now.folder, meta(run, dev.config.account, now.folder).uidValidity);
  cacheEntry(memory, now.folder, now.uid, { mail, localKey });
}

/** Read (or open with its attachment). Online: FETCH BODY[] sets \Seen for all (rule 17). Offline: only what is cached. */
export function imapRead(run: Run, deviceId: string, mail: string, opening: boolean): void {
  const dev = run.device(deviceId);
  const status = run.state.devices.get(deviceId)!;
  const memory = dev.memory;
  const cached = findCached(memory, mail);
  const size = run.state.mails.get(mail)?.sizeBytes ?? 0;
  if (!status.online || status.diskFailed) {
    const local = cached?.entry.localKey != null ? run.copyAt(devicePlace(deviceId, cached.folder), cached.entry.localKey) : undefined;
    if (!cached || !local || local.headersOnly || status.diskFailed) {
      run.emit(deviceId, `${deviceId} · ${mail} not cached`, { key: status.diskFailed ? 'device.noDisk' : 'read.offlineNotCached', params: { device: deviceId, mail } });
      return;
    }
    run.setFlags(devicePlace(deviceId, cached.folder), cached.entry.localKey!, local.flags | Flag.Seen);
    if (!(local.flags & Flag.Seen)) memory.queue.push({ kind: 'flag', folder: cached.folder, uid: cached.uid, mail, add: Flag.Seen });
    run.emit(deviceId, `${deviceId} · read ${mail} offline`, { key: opening ? 'open.offlineCached' : 'read.offlineQueued', params: { device: deviceId, mail, size } });
    return;
  }
  const where = locate(run, dev.config.account, mail);
  if (!where) {
    run.emit(deviceId, `${deviceId} · ${mail} not on server`, { key: 'read.notOnServer', params: { device: deviceId, mail } });
    return;
  }
  const local = cached?.entry.localKey != null ? run.copyAt(devicePlace(deviceId, cached.folder), cached.entry.localKey) : undefined;
  if (opening && local && !local.headersOnly) {
    // The body is in the cache: opening costs no transfer.
    run.setFlags(devicePlace(deviceId, cached!.folder), cached!.entry.localKey!, local.flags | Flag.Seen);
    const conn = connect(run, deviceId);
    if (!conn) return;
    conn.send({ type: 'client.select', mailbox: where.folder });
    conn.send({ type: 'client.store', uids: String(where.uid), change: '+FLAGS (\\Seen)', silent: true });
    conn.logout();
    run.emit(deviceId, `${deviceId} · open ${mail}`, { key: 'open.cached', params: { device: deviceId, mail, size } });
    return;
  }
  const conn = connect(run, deviceId);
  if (!conn) return;
  conn.send({ type: 'client.select', mailbox: where.folder });
  conn.send({ type: 'client.fetch', uids: String(where.uid), items: 'BODY[]' });
  const server = findByUid(run, dev.config.account, where.folder, where.uid)!;
  const cacheMode = dev.config.kind === 'webmail' ? 'none' : dev.config.imap.cache;
  if (cacheMode !== 'none') {
    const place = devicePlace(deviceId, where.folder);
    const entry = cacheOf(memory, where.folder).get(where.uid);
    const key = entry?.localKey ?? run.freeKey(place, mail).key;
    run.put(place, key, { mail, flags: server.copy.flags });
    run.transfer('copy', mail, `server/${dev.config.account}/${where.folder}`, place, key);
    cacheEntry(memory, where.folder, where.uid, { mail, localKey: key });
  }
  conn.logout();
  recordSync(run, deviceId, conn.cost);
  run.emit(deviceId, `${deviceId} · FETCH BODY[] ${mail}`, {
    key: opening ? 'open.download' : 'read.online',
    params: { device: deviceId, mail, size, seconds: conn.cost.seconds(dev.config.linkKbps) },
  });
}

/** Find the mail on the server and open a session with its folder selected; says so in a frame when it cannot. */
function openFolderOf(run: Run, deviceId: string, mail: string): { conn: ImapConnection; where: { folder: string; uid: number } } | null {
  const where = locate(run, run.device(deviceId).config.account, mail);
  if (!where) {
    run.emit(deviceId, `${deviceId} · ${mail} not on server`, { key: 'read.notOnServer', params: { device: deviceId, mail } });
    return null;
  }
  const conn = connect(run, deviceId);
  if (!conn) return null;
  conn.send({ type: 'client.select', mailbox: where.folder });
  return { conn, where };
}

/** Delete by the client's setting: move to Trash, mark \Deleted, or remove at once. */
export function imapDelete(run: Run, deviceId: string, mail: string): void {
  const dev = run.device(deviceId);
  const action = dev.config.imap.deleteAction;
  const status = run.state.devices.get(deviceId)!;
  const memory = dev.memory;
  run.apply({ op: 'deletedByUser', mail });
  if (!status.online) {
    const cached = findCached(memory, mail);
    if (!cached) {
      run.emit(deviceId, `${deviceId} · ${mail} not cached`, { key: 'read.offlineNotCached', params: { device: deviceId, mail } });
      return;
    }
    queueOffline(run, deviceId, cached.folder, cached.uid, mail, action === 'trash' && cached.folder !== 'Trash' ? 'trash' : action === 'mark' ? 'mark' : 'expunge');
    return;
  }
  const opened = openFolderOf(run, deviceId, mail);
  if (!opened) return;
  const { conn, where } = opened;
  let key: string;
  if (action === 'trash' && where.folder !== 'Trash') {
    const ok = moveOnServer(run, conn, deviceId, where.folder, where.uid, 'Trash');
    if (ok) recacheAfterMove(run, deviceId, mail, where.folder, where.uid);
    key = ok ? 'imap.delete.trash' : 'imap.delete.refused';
  } else if (action === 'mark') {
    conn.send({ type: 'client.store', uids: String(where.uid), change: '+FLAGS (\\Deleted)', silent: true });
    const cached = memory.cache.get(where.folder)?.get(where.uid);
    if (cached?.localKey != null) {
      const place = devicePlace(deviceId, where.folder);
      const local = run.copyAt(place, cached.localKey);
      if (local) run.setFlags(place, cached.localKey, local.flags | Flag.Deleted);
    }
    key = 'imap.delete.mark';
  } else {
    conn.send({ type: 'client.store', uids: String(where.uid), change: '+FLAGS (\\Deleted)', silent: true });
    conn.send({ type: 'client.uidExpunge', uids: String(where.uid) });
    dropCached(run, deviceId, where.folder, where.uid, 'expunge');
    key = 'imap.delete.expunge';
  }
  conn.logout();
  recordSync(run, deviceId, conn.cost);
  run.emit(deviceId, `${deviceId} · delete ${mail}`, { key, params: { device: deviceId, mail, folder: where.folder } });
}

function queueOffline(run: Run, deviceId: string, folder: string, uid: number, mail: string, what: 'trash' | 'mark' | 'expunge' | { to: string }): void {
  const memory = run.device(deviceId).memory;
  const entry = memory.cache.get(folder)?.get(uid);
  const place = devicePlace(deviceId, folder);
  let action: QueuedAction;
  if (what === 'mark') {
    action = { kind: 'flag', folder, uid, mail, add: Flag.Deleted };
    const local = entry?.localKey != null ? run.copyAt(place, entry.localKey) : undefined;
    if (local) run.setFlags(place, entry!.localKey!, local.flags | Flag.Deleted);
  } else if (what === 'expunge') {
    action = { kind: 'expunge', folder, uid, mail };
    if (entry?.localKey != null) {
      run.del(place, entry.localKey);
      run.transfer('delete', mail, place, null, entry.localKey);
    }
  } else {
    const to = what === 'trash' ? 'Trash' : what.to;
    let localKey: string | null = null;
    if (entry?.localKey != null) {
      const copy = run.copyAt(place, entry.localKey);
      run.del(place, entry.localKey);
      if (copy) {
        const dst = devicePlace(deviceId, to);
        const k = run.freeKey(dst, mail);
        run.put(dst, k.key, copy);
        run.transfer('move', mail, place, dst, k.key);
        localKey = k.key;
      }
    }
    // The copy now sits in the target folder locally; its server UID there is learnt at the replay.
    memory.cache.get(folder)?.delete(uid);
    action = { kind: 'move', folder, uid, mail, to, localKey };
  }
  memory.queue.push(action);
  run.emit(deviceId, `${deviceId} · queued ${action.kind} ${mail}`, { key: `imap.queued.${action.kind}`, params: { device: deviceId, mail, folder, to: action.kind === 'move' ? action.to : '' } });
}

/** Move to a server folder (MOVE), or to a local folder: then it leaves the server and every other device (claim I5). */
export function imapMove(run: Run, deviceId: string, mail: string, folder: string, local: boolean): void {
  const dev = run.device(deviceId);
  const status = run.state.devices.get(deviceId)!;
  const memory = dev.memory;
  if (!status.online) {
    const cached = findCached(memory, mail);
    if (!cached) {
      run.emit(deviceId, `${deviceId} · ${mail} not cached`, { key: 'read.offlineNotCached', params: { device: deviceId, mail } });
      return;
    }
    if (local) {
      moveCachedToLocal(run, deviceId, cached.folder, cached.uid, mail, folder);
      memory.queue.push({ kind: 'expunge', folder: cached.folder, uid: cached.uid, mail });
      run.emit(deviceId, `${deviceId} · queued ${mail} → local ${folder}`, { key: 'imap.queued.local', params: { device: deviceId, mail, folder } });
      return;
    }
    queueOffline(run, deviceId, cached.folder, cached.uid, mail, { to: folder });
    return;
  }
  const where = locate(run, dev.config.account, mail);
  if (!where) {
    const inLocalFolder = dev.config.localFolders.map((f) => devicePlace(deviceId, f)).find((p) => [...run.folder(p).values()].some((c) => c.mail === mail));
    if (inLocalFolder && !local) {
      uploadFromLocal(run, deviceId, mail, inLocalFolder, folder);
      return;
    }
    run.emit(deviceId, `${deviceId} · ${mail} not on server`, { key: 'read.notOnServer', params: { device: deviceId, mail } });
    return;
  }
  const opened = openFolderOf(run, deviceId, mail);
  if (!opened) return;
  const { conn } = opened;
  let key: string;
  if (local) {
    const cached = memory.cache.get(where.folder)?.get(where.uid);
    const localCopy = cached?.localKey != null ? run.copyAt(devicePlace(deviceId, where.folder), cached.localKey) : undefined;
    if (!localCopy || localCopy.headersOnly) conn.send({ type: 'client.fetch', uids: String(where.uid), items: 'UID FLAGS RFC822.SIZE BODY.PEEK[]' });
    if (!cached) cacheEntry(memory, where.folder, where.uid, { mail, localKey: null });
    moveCachedToLocal(run, deviceId, where.folder, where.uid, mail, folder);
    conn.send({ type: 'client.store', uids: String(where.uid), change: '+FLAGS (\\Deleted)', silent: true });
    conn.send({ type: 'client.uidExpunge', uids: String(where.uid) });
    key = 'imap.moveLocal';
  } else {
    const ok = moveOnServer(run, conn, deviceId, where.folder, where.uid, folder);
    if (ok) recacheAfterMove(run, deviceId, mail, where.folder, where.uid);
    key = ok ? 'imap.moveServer' : 'imap.moveRefused';
  }
  conn.logout();
  recordSync(run, deviceId, conn.cost);
  run.emit(deviceId, `${deviceId} · move ${mail} → ${folder}`, { key, params: { device: deviceId, mail, folder } });
}

/** From a local folder back to a server folder: the client APPENDs it, and every device sees it again (claim I5, "both ways"). */
function uploadFromLocal(run: Run, deviceId: string, mail: string, localPlace: string, folder: string): void {
  const dev = run.device(deviceId);
  const conn = connect(run, deviceId);
  if (!conn) return;
  const [key, copy] = [...run.folder(localPlace).entries()].find(([, c]) => c.mail === mail)!;
  const r = conn.send({ type: 'client.append', mailbox: folder, flags: copy.flags, mail, source: localPlace });
  if (r.ok) {
    const uid = Number(/APPENDUID \d+ (\d+)/.exec(r.status)?.[1]);
    run.del(localPlace, key);
    const cacheMode = dev.config.kind === 'webmail' ? 'none' : dev.config.imap.cache;
    const memory = dev.memory;
    if (memory.cacheValidity.get(folder) === undefined) memory.cacheValidity.set(folder, meta(run, dev.config.account, folder).uidValidity);
    if (cacheMode !== 'none') {
      const place = devicePlace(deviceId, folder);
      const k = run.freeKey(place, mail);
      run.put(place, k.key, copy);
      run.transfer('move', mail, localPlace, place, k.key);
      cacheEntry(memory, folder, uid, { mail, localKey: k.key });
    } else {
      run.transfer('delete', mail, localPlace, null, key);
      cacheEntry(memory, folder, uid, { mail, localKey: null });
    }
  }
  conn.logout();
  recordSync(run, deviceId, conn.cost);
  run.emit(deviceId, `${deviceId} · APPEND ${folder} ${mail}`, { key: r.ok ? 'imap.uploadLocal' : 'imap.moveRefused', params: { device: deviceId, mail, folder } });
}

function moveCachedToLocal(run: Run, deviceId: string, folder: string, uid: number, mail: string, localFolder: string): void {
  const memory = run.device(deviceId).memory;
  const entry = memory.cache.get(folder)?.get(uid);
  const dst = devicePlace(deviceId, localFolder);
  const k = run.freeKey(dst, mail);
  const server = findByUid(run, run.device(deviceId).config.account, folder, uid);
  const flags = server?.copy.flags ?? 0;
  if (entry?.localKey != null) {
    const src = devicePlace(deviceId, folder);
    const copy = run.copyAt(src, entry.localKey);
    run.del(src, entry.localKey);
    run.put(dst, k.key, { mail, flags: (copy?.flags ?? flags) & ~Flag.Deleted });
    run.transfer('move', mail, src, dst, k.key);
  } else {
    run.put(dst, k.key, { mail, flags: flags & ~Flag.Deleted });
    run.transfer('copy', mail, `server/${run.device(deviceId).config.account}/${folder}`, dst, k.key);
  }
  memory.cache.get(folder)?.delete(uid);
}

/** Empty Trash: flag everything \Deleted and EXPUNGE. Only now does the quota free up (rule 32). */
export function imapEmptyTrash(run: Run, deviceId: string): void {
  const dev = run.device(deviceId);
  const conn = connect(run, deviceId);
  if (!conn) return;
  const account = dev.config.account;
  conn.send({ type: 'client.select', mailbox: 'Trash' });
  const inTrash = messages(run, account, 'Trash');
  if (inTrash.length) {
    conn.send({ type: 'client.store', uids: '1:*', change: '+FLAGS (\\Deleted)', silent: true });
    conn.send({ type: 'client.expunge' });
    for (const c of inTrash) {
      run.apply({ op: 'deletedByUser', mail: c.mail });
      dropCached(run, deviceId, 'Trash', c.uid!, 'expunge');
    }
  }
  conn.logout();
  recordSync(run, deviceId, conn.cost);
  run.emit(deviceId, `${deviceId} · empty Trash`, { key: 'imap.emptyTrash', params: { device: deviceId, count: inTrash.length } });
}
