// What happens to the server as a whole: the operator's nightly backup and a
// restore, a disk failure, a break-in, a cleanup that frees space, and a move
// to a new provider (semantics.md "Operations").
import { Flag } from '../model/flags';
import { backupCopyOf, olderBackupCopyOf, type Copy } from '../model/state';
import { INTRUDER, serverPlace, type PlaceId } from '../model/places';
import type { Run } from './run';
import { ImapConnection } from '../client/imapConnection';
import { laterUidValidity, messages, uidValidityFor } from '../store/mailbox';
import { backupMetaOps, dropBackupMetaOps, restoredMetaOps } from '../store/backupMeta';
import { Draft } from '../server/draft';
import { CAPABILITIES, IMAP_GREETING } from '../server/imap/imapServer';
import { HANDSHAKE, openImapWire } from './wire';

function serverPlaces(run: Run): string[] {
  return [...run.state.places.keys()].filter((p) => p.startsWith('server/'));
}

function serverBackupPlaces(run: Run): string[] {
  return [...run.state.places.keys()].filter((p) => p.startsWith('backup/server/'));
}

const MINUTES_PER_DAY = 1440;

/** The day (1, 2, …) a backup generation was taken on. */
export const dayOfBackup = (takenAt: number): number => Math.floor(takenAt / MINUTES_PER_DAY) + 1;

/** A copy kept only by older generations sits beside the latest under "<key>@<until>". */
const olderKey = (key: string, until: number) => `${key}@${until}`;
const serverKeyOf = (backupKey: string) => {
  const at = backupKey.indexOf('@');
  return at < 0 ? backupKey : backupKey.slice(0, at);
};

/** Does the generation taken at `g` hold this backup copy? */
export function inGeneration(copy: Copy, g: number): boolean {
  return (copy.since ?? 0) <= g && (copy.until === undefined || g <= copy.until);
}

/**
 * The nightly backup (rule 75 and 81). The provider keeps one generation per
 * night for `backupDays` days. Generations share their copies: the place
 * backup/server/<account>/<folder> holds every copy any kept generation holds,
 * each marked with the first generation that has it (since) and, once it left
 * the server, the last one (until). Only what changed since last night is
 * looked at, so a night costs what changed that day, not the mailbox's size.
 */
export function backupServer(run: Run): void {
  if (run.serverDown) return;
  const now = run.time;
  const kept = run.state.serverBackups;
  const previous = kept.length ? kept[kept.length - 1] : null;
  const touched = run.store.touched;
  for (const [source, keys] of [...touched]) {
    if (!source.startsWith('server/')) continue;
    backupFolder(run, source, keys, previous, now);
    touched.delete(source);
  }
  const days = run.world.server.backupDays;
  const generations = [...kept, now].filter((t) => t > now - days * MINUTES_PER_DAY);
  // The index files go with the mails: each folder's UIDVALIDITY and UIDNEXT of tonight (rule 50).
  for (const o of backupMetaOps(run.store, now, generations[0])) run.apply(o);
  run.apply({ op: 'backups', taken: generations });
  if (run.hasPending()) run.emit('server', 'server · backup', { key: 'server.backup', params: {} });
  discardOldGenerations(run, generations[0], days);
}

/**
 * Tonight's backup of one server folder: the copies changed since last night. A function of its own, so
 * that the loop over a year's changed copies is what V8 compiles, not the whole nightly backup around it.
 */
function backupFolder(run: Run, source: PlaceId, keys: ReadonlySet<string>, previous: number | null, now: number): void {
  const target = `backup/${source}`;
  const src = run.folder(source);
  for (const key of keys) {
    const copy = src.get(key);
    const had = run.copyAt(target, key);
    if (had && previous !== null && (!copy || copy.mail !== had.mail)) {
      // It left the server since last night: older generations still hold it.
      run.del(target, key);
      run.put(target, olderKey(key, previous), olderBackupCopyOf(had, previous));
      run.transfer('move', had.mail, target, target, olderKey(key, previous));
      run.olderBackups.push({ until: previous, place: target, key: olderKey(key, previous) });
    }
    if (!copy) continue;
    const kept = had && had.mail === copy.mail ? had : undefined;
    if (!kept) {
      run.put(target, key, backupCopyOf(copy, now));
      run.transfer('copy', copy.mail, source, target, key);
    } else if (kept.flags !== copy.flags || kept.uid !== copy.uid || kept.headersOnly !== copy.headersOnly) {
      // Flags as of the latest generation (older generations' flags are not kept apart).
      run.put(target, key, backupCopyOf(copy, kept.since ?? now));
      if (kept.flags !== copy.flags) run.transfer('flag', copy.mail, target, target, key, copy.flags);
    }
  }
}

/** Copies only generations older than the oldest kept one held are gone from the backups. */
function discardOldGenerations(run: Run, oldest: number, days: number): void {
  const list = run.olderBackups;
  let n = 0;
  const mails = new Set<string>();
  while (n < list.length && list[n].until < oldest) {
    const { place, key } = list[n++];
    const copy = run.copyAt(place, key);
    if (!copy) continue;
    run.del(place, key);
    run.transfer('delete', copy.mail, place, null, key);
    mails.add(copy.mail);
  }
  if (n) list.splice(0, n);
  if (mails.size) run.emit('server', 'server · old backups discarded', { key: 'server.backupDiscarded', params: { count: mails.size, days } });
}

export function serverDiskFail(run: Run): void {
  let count = 0;
  for (const place of serverPlaces(run)) {
    for (const [key, copy] of [...run.folder(place)]) {
      run.del(place, key);
      run.transfer('lose', copy.mail, place, null, key);
      count++;
    }
  }
  // The folders' index files (UIDVALIDITY, UIDNEXT) were on the disk too (rule 50).
  for (const place of [...run.state.folderMeta.keys()]) if (place.startsWith('server/')) run.apply({ op: 'meta', place, meta: null });
  run.sendServerEvent({ type: 'disk.fail' });
  run.emit('server', 'server · disk failed', { key: 'server.diskFailed', params: { count } });
}

/**
 * Folders with no meta (the disk is lost and no backup held them) are made
 * again, empty, the moment the server is back: Dovecot creates them at the
 * first login, with a new UIDVALIDITY (rule 50).
 */
function recreateMissingFolders(run: Run): void {
  run.world.accounts.forEach((account, a) => {
    run.folders.forEach((folder, f) => {
      const place = serverPlace(account.id, folder);
      if (!run.state.folderMeta.has(place)) run.apply({ op: 'meta', place, meta: { uidValidity: laterUidValidity(run.state.serverGeneration, a, f, run.time), uidNext: 1 } });
    });
  });
}

/**
 * The operator sets a new UIDVALIDITY on every folder after a restore
 * (`doveadm mailbox update --uid-validity`): UIDs stay, but every IMAP client
 * drops its cache of the folder and fetches it again (rules 24, 82).
 */
function renewUidValidity(run: Run): void {
  let folders = 0;
  run.world.accounts.forEach((account, a) => {
    run.folders.forEach((folder, f) => {
      const place = serverPlace(account.id, folder);
      const meta = run.state.folderMeta.get(place);
      if (!meta) return;
      run.apply({ op: 'meta', place, meta: { ...meta, uidValidity: laterUidValidity(run.state.serverGeneration, a, f, run.time) } });
      folders++;
    });
  });
  run.emit('server', 'server · new UIDVALIDITY', { key: 'server.uidValidityRenewed', params: { count: folders } });
}

/**
 * Restore the server from the backup of `day` (default: the latest generation,
 * last night's). The folders get the backup's UIDVALIDITY and UIDNEXT back, as
 * Dovecot's index files come back with the mails (rule 50); with the server
 * setting `uidValidityAfterRestore: new` the operator then sets a new
 * UIDVALIDITY on every folder.
 */
export function restoreServer(run: Run, day?: number): void {
  const kept = run.state.serverBackups;
  const g = day === undefined ? kept[kept.length - 1] : kept.find((t) => dayOfBackup(t) === day);
  if (g === undefined) {
    recreateMissingFolders(run);
    if (run.serverDown) run.sendServerEvent({ type: 'backup.restore' });
    run.emit('server', 'server · restore', day === undefined || !kept.length ? { key: 'server.noBackup', params: {} } : { key: 'server.noBackupOfDay', params: { day, first: dayOfBackup(kept[0]), last: dayOfBackup(kept[kept.length - 1]) } });
    return;
  }
  const restored: string[] = [];
  for (const bplace of serverBackupPlaces(run)) {
    const place = bplace.slice('backup/'.length);
    for (const [bkey, copy] of run.folder(bplace)) {
      if (!inGeneration(copy, g)) continue;
      const key = serverKeyOf(bkey);
      if (run.copyAt(place, key)) continue;
      const { since: _s, until: _u, ...serverCopy } = copy;
      void _s;
      void _u;
      run.put(place, key, serverCopy);
      run.transfer('restore', copy.mail, bplace, place, key);
      restored.push(copy.mail);
    }
  }
  // UIDNEXT as the backup has it: UIDs given after the backup will be given again (rule 50).
  for (const o of restoredMetaOps(run.store, g)) run.apply(o);
  recreateMissingFolders(run);
  if (run.serverDown) run.sendServerEvent({ type: 'backup.restore' });
  run.emit('server', 'server · restore', { key: 'server.restored', params: { count: restored.length, day: dayOfBackup(g) } });
  if (run.world.server.uidValidityAfterRestore === 'new') renewUidValidity(run);
  else reusedUidsWarning(run);
}

/** Say which folder will hand out UIDs again that mail lost with the disk had (rule 50). */
function reusedUidsWarning(run: Run): void {
  let folders = 0;
  let uids = 0;
  for (const [place, now] of run.state.folderMeta) {
    const lost = place.startsWith('server/') ? run.store.removedMeta(place) : undefined;
    if (lost && lost.uidValidity === now.uidValidity && now.uidNext < lost.uidNext) {
      folders++;
      uids += lost.uidNext - now.uidNext;
    }
  }
  if (folders) run.emit('server', 'server · UIDs given again', { key: 'server.uidsReused', params: { count: uids, folders } });
}

/** An intruder reads everything the server stores right now, every folder of every account (claims P5, I9). */
export function breach(run: Run): void {
  const seen = new Set<string>();
  for (const place of serverPlaces(run)) {
    for (const [key, copy] of run.folder(place)) {
      if (seen.has(copy.mail)) continue;
      seen.add(copy.mail);
      run.put(INTRUDER, copy.mail, { mail: copy.mail, flags: 0 });
      run.transfer('copy', copy.mail, place, INTRUDER, copy.mail);
      void key;
    }
  }
  run.sendServerEvent({ type: 'intruder.enter' });
  run.emit('intruder', 'server · break-in', { key: 'server.breach', params: { count: seen.size } });
  // The backups are not on the server the intruder got into, but they hold mail too: say how much (rule 77).
  const held = new Set<string>();
  for (const bplace of serverBackupPlaces(run)) for (const copy of run.folder(bplace).values()) if (!seen.has(copy.mail)) held.add(copy.mail);
  if (held.size) run.emit('server', 'server · backups hold more', { key: 'server.backupsHoldMore', params: { count: held.size, days: run.world.server.backupDays } });
}

/** The user clears the oldest messages of INBOX (as webmail would) so new mail fits again. */
export function freeSpace(run: Run, account: string, count: number): void {
  const inbox = messages(run.store, account, 'INBOX').slice(0, count);
  if (!inbox.length || run.serverDown) {
    run.emit('server', `${account} · nothing to free`, { key: 'server.nothingToFree', params: { account } });
    return;
  }
  // The user's cleanup in webmail: an IMAP client next to the server (TLS).
  const conn = new ImapConnection(openImapWire(run, 'webmail-cleanup', account, true));
  conn.login(run.account(account));
  conn.send({ type: 'client.select', mailbox: 'INBOX' });
  const last = inbox[inbox.length - 1].uid!;
  conn.send({ type: 'client.store', uids: `1:${last}`, change: '+FLAGS (\\Deleted)', silent: true });
  conn.send({ type: 'client.expunge' });
  conn.logout();
  for (const c of inbox) run.apply({ op: 'deletedByUser', mail: c.mail });
  run.emit('server', `${account} · free space`, { key: 'server.freed', params: { account, count: inbox.length } });
}

/**
 * The provider move: a new server with new UIDVALIDITY values (so new UIDLs),
 * the MX switched to it, devices repointed. With copyMailboxes, every folder is
 * copied imapsync-style (one-way, flags kept); without, what stayed on the old
 * server is gone (claims P14, I11).
 */
export function providerMove(run: Run, copyMailboxes: boolean): void {
  const generation = run.state.serverGeneration + 1;
  const old = new Map<string, ReturnType<typeof messages>>();
  for (const account of run.world.accounts) for (const folder of run.folders) old.set(serverPlace(account.id, folder), messages(run.store, account.id, folder));
  // The old provider's backups leave with it.
  for (const bplace of serverBackupPlaces(run)) {
    for (const [key, copy] of [...run.folder(bplace)]) {
      run.del(bplace, key);
      run.transfer('delete', copy.mail, bplace, null, key);
    }
  }
  run.olderBackups.length = 0;
  for (const o of dropBackupMetaOps(run.store)) run.apply(o);
  run.apply({ op: 'backups', taken: [] });
  run.apply({ op: 'server', generation });
  let moved = 0;
  let lost = 0;
  run.world.accounts.forEach((account, a) => {
    const folders = run.folders;
    let session = null as null | ReturnType<typeof run.recorder.openSession>;
    folders.forEach((folder, f) => {
      const place = serverPlace(account.id, folder);
      run.apply({ op: 'meta', place, meta: { uidValidity: uidValidityFor(generation, a, f), uidNext: 1 } });
      for (const copy of old.get(place) ?? []) {
        run.del(place, String(copy.uid));
        if (!copyMailboxes) {
          run.transfer('lose', copy.mail, place, null, String(copy.uid));
          lost++;
          continue;
        }
        if (!session) {
          session = run.recorder.openSession({ protocol: 'IMAP', client: 'imapsync', account: account.id, tls: true, port: 993 });
          run.recorder.line(session, 'S', HANDSHAKE);
          run.recorder.line(session, 'S', IMAP_GREETING);
          run.recorder.line(session, 'C', `a1 LOGIN ${account.id} ${account.password}`);
          run.recorder.line(session, 'S', `a1 OK [CAPABILITY ${CAPABILITIES}] Logged in`);
        }
        const flags = copy.flags & ~Flag.Deleted ? copy.flags : copy.flags;
        // imapsync APPENDs to the new server: the new server stores it with its next UID.
        const d = new Draft(run.store);
        const uid = d.appendMessage(place, copy.mail, flags);
        for (const o of d.ops) run.apply(o.op, o.append ?? false);
        const size = run.state.mails.get(copy.mail)?.sizeBytes ?? 0;
        const names = (['Answered', 'Flagged', 'Deleted', 'Seen', 'Draft'] as const).filter((n) => flags & Flag[n]).map((n) => `\\${n}`);
        run.recorder.line(session, 'C', `a${moved + 2} APPEND ${folder}${names.length ? ` (${names.join(' ')})` : ''} {${size}}`);
        run.recorder.line(session, 'S', '+ OK');
        run.recorder.line(session, 'C', `<message ${copy.mail}, ${size} octets>`);
        run.recorder.line(session, 'S', `a${moved + 2} OK [APPENDUID ${uidValidityFor(generation, a, f)} ${uid}] Append completed (0.001 + 0.000 secs).`);
        run.transfer('move', copy.mail, place, place, String(uid));
        moved++;
      }
    });
  });
  run.emit('server', 'provider move', { key: copyMailboxes ? 'server.movedCopied' : 'server.movedNotCopied', params: { moved, lost } });
}
