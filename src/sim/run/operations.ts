// What happens to the server as a whole: the operator's nightly backup and a
// restore, a disk failure, a break-in, a cleanup that frees space, and a move
// to a new provider (semantics.md "Operations").
import { Flag } from '../model/flags';
import { INTRUDER, serverPlace } from '../model/places';
import type { Run } from './run';
import { mirror } from './devices';
import { ImapConnection } from '../client/imapConnection';
import { messages, uidValidityFor } from '../store/mailbox';
import { Draft } from '../server/draft';
import { CAPABILITIES, IMAP_GREETING } from '../server/imap/imapServer';
import { openImapWire } from './wire';

function serverPlaces(run: Run): string[] {
  return [...run.state.places.keys()].filter((p) => p.startsWith('server/'));
}

function serverBackupPlaces(run: Run): string[] {
  return [...run.state.places.keys()].filter((p) => p.startsWith('backup/server/'));
}

/** The nightly backup holds server state only (for POP3 users without leave-on-server: only unfetched mail). */
export function backupServer(run: Run): void {
  if (run.serverDown) return;
  mirror(run, 'server/', (p) => `backup/${p}`);
  run.serverBackupAt = run.time;
  if (run.hasPending()) run.emit('server', 'server · backup', { key: 'server.backup', params: {} });
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
  run.sendServerEvent({ type: 'disk.fail' });
  run.emit('server', 'server · disk failed', { key: 'server.diskFailed', params: { count } });
}

export function restoreServer(run: Run): void {
  const restored: string[] = [];
  for (const bplace of serverBackupPlaces(run)) {
    const place = bplace.slice('backup/'.length);
    for (const [key, copy] of run.folder(bplace)) {
      if (run.copyAt(place, key)) continue;
      run.put(place, key, copy);
      run.transfer('restore', copy.mail, bplace, place, key);
      restored.push(copy.mail);
    }
  }
  if (run.serverDown) run.sendServerEvent({ type: 'backup.restore' });
  const day = run.serverBackupAt === null ? 0 : Math.floor(run.serverBackupAt / 1440) + 1;
  run.emit('server', 'server · restore', { key: run.serverBackupAt === null ? 'server.noBackup' : 'server.restored', params: { count: restored.length, day } });
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
  run.serverBackupAt = null;
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
