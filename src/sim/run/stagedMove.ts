// A move to a new provider as it really goes, over days (rules 87–94): the new
// mailbox is set up (empty, or filled by a copy), the MX record is switched and
// senders' resolvers learn it only when their cached copy expires, devices are
// re-pointed one by one by their user, and the old mailbox stays readable until
// the old contract ends. Both providers' mailboxes live in the one store: the old
// one at server/<account>/…, the new one at server/<account>@new/… (places.ts).
import { Flag } from '../model/flags';
import { accountOfMailbox, GONE_MAILBOX_SUFFIX, newProviderMailbox, serverPlace } from '../model/places';
import { fnv1a } from '../model/hash';
import { messages, uidValidityFor } from '../store/mailbox';
import { Draft } from '../server/draft';
import { CAPABILITIES, IMAP_GREETING } from '../server/imap/imapServer';
import { HANDSHAKE } from './wire';
import type { Run } from './run';

export type { Provider, StagedMove } from './moveState';
import type { Provider } from './moveState';

/**
 * The mailbox an account has at a provider: its own id at the old one,
 * <account>@new at the new one — until the old contract ends, when the new
 * provider's mailbox takes the plain id (contractEnd).
 */
export function mailboxAt(run: Run, account: string, provider: Provider): string {
  return provider === 'new' && !run.move?.contractEnded ? newProviderMailbox(account) : account;
}

/**
 * The mailbox a device talks to: the new provider's once its user re-pointed it,
 * the old one's before (gone after the contract's end: its login is refused).
 */
export function deviceMailbox(run: Run, deviceId: string): string {
  const account = run.device(deviceId).config.account;
  const move = run.move;
  if (!move) return account;
  if (move.repointed.has(deviceId)) return move.contractEnded ? account : newProviderMailbox(account);
  return move.contractEnded ? `${account}${GONE_MAILBOX_SUFFIX}` : account;
}

/**
 * The minute, after the switch, at which a sending server's resolver asks again
 * and learns the new MX (rule 89). Its cached copy of the old record was taken
 * some time within the TTL before the switch; the model fixes that moment per
 * sending domain by a stable hash (FNV-1a of the domain), so a run is the same
 * every time and every sender at one domain goes the same way.
 */
export function cacheExpiry(dns: { readonly at: number; readonly ttlMinutes: number }, sender: string): number {
  const domain = (sender.split('@')[1] ?? sender).toLowerCase();
  return dns.at + 1 + (fnv1a(domain) % dns.ttlMinutes);
}

/** Which provider's MX a mail from `sender` reaches now (rule 89). */
export function mxProvider(run: Run, sender: string): { provider: Provider; until?: number } {
  const dns = run.move?.dns;
  if (!dns) return { provider: 'old' };
  const until = cacheExpiry(dns, sender);
  return run.time < until ? { provider: 'old', until } : { provider: 'new' };
}

/**
 * provider.newMailbox: the new provider sets up a mailbox for every account
 * (rule 87). Without a copy it is empty. With one, every folder is copied from
 * the old server: imapsync-style (APPEND: new UIDs, a new UIDVALIDITY, so new
 * POP3 UIDLs) or, with keepUidls, as a dsync migration between two Dovecots
 * keeps them (the same UIDs and UIDVALIDITY, so Dovecot's default UIDL
 * %08Xu%08Xv is the same; rule 88).
 */
export function newMailbox(run: Run, copyMailboxes: boolean, keepUidls: boolean): void {
  const newGeneration = run.state.serverGeneration + 1;
  run.move = { newGeneration, keptUidls: copyMailboxes && keepUidls, dns: null, repointed: new Set(), contractEnded: false };
  let copied = 0;
  run.world.accounts.forEach((account, a) => {
    const mailbox = newProviderMailbox(account.id);
    run.folders.forEach((folder, f) => {
      const from = serverPlace(account.id, folder);
      const to = serverPlace(mailbox, folder);
      const old = run.state.folderMeta.get(from);
      const keep = copyMailboxes && keepUidls && old;
      // dsync switches modseqs on in every folder it writes (rule 107); the count is one change per message written, plus the folder's creation.
      const written = keep ? messages(run.store, account.id, folder).length : 0;
      run.apply({ op: 'meta', place: to, meta: keep ? { uidValidity: old.uidValidity, uidNext: old.uidNext, highestModseq: written + 1 } : { uidValidity: uidValidityFor(newGeneration, a, f), uidNext: 1 } });
      if (!keep) return;
      // dsync writes each message under the UID it had (rule 88).
      for (const copy of messages(run.store, account.id, folder)) {
        run.put(to, String(copy.uid), { mail: copy.mail, flags: copy.flags, uid: copy.uid });
        run.transfer('copy', copy.mail, from, to, String(copy.uid));
        copied++;
      }
    });
  });
  if (copyMailboxes && !keepUidls) copied = imapsync(run);
  const key = !copyMailboxes ? 'move.newMailboxEmpty' : keepUidls ? 'move.newMailboxKeptUidls' : 'move.newMailboxCopied';
  run.emit('server', 'new provider · mailbox', { key, params: { count: copied } });
}

/**
 * provider.syncMailboxes: imapsync run again, as its documentation advises
 * before the old server goes: it is incremental and copies only messages the
 * new mailbox does not have yet (it recognises them by their Message-ID), so
 * what reached the old MX during the switch arrives too (rule 90).
 */
export function syncMailboxes(run: Run): void {
  const copied = imapsync(run);
  run.emit('server', 'new provider · copied again', { key: 'move.synced', params: { count: copied } });
}

/** imapsync from the old to the new mailbox of every account: APPEND (the new server gives its own UIDs), skipping what is there already. */
function imapsync(run: Run): number {
  let copied = 0;
  run.world.accounts.forEach((account) => {
    const mailbox = newProviderMailbox(account.id);
    let session = null as null | ReturnType<typeof run.recorder.openSession>;
    let tag = 1;
    run.folders.forEach((folder) => {
      const from = serverPlace(account.id, folder);
      const to = serverPlace(mailbox, folder);
      const there = new Set([...run.folder(to).values()].map((c) => c.mail));
      for (const copy of messages(run.store, account.id, folder)) {
        if (there.has(copy.mail)) continue;
        if (!session) {
          session = run.recorder.openSession({ protocol: 'IMAP', client: 'imapsync', account: mailbox, tls: true, port: 993 });
          run.recorder.line(session, 'S', HANDSHAKE);
          run.recorder.line(session, 'S', IMAP_GREETING);
          run.recorder.line(session, 'C', `a${tag} LOGIN ${account.id} ${account.password}`);
          run.recorder.line(session, 'S', `a${tag++} OK [CAPABILITY ${CAPABILITIES}] Logged in`);
        }
        const d = new Draft(run.store);
        const uid = d.appendMessage(to, copy.mail, copy.flags);
        for (const o of d.ops) run.apply(o.op, o.append ?? false);
        const size = run.state.mails.get(copy.mail)?.sizeBytes ?? 0;
        const names = (['Answered', 'Flagged', 'Deleted', 'Seen', 'Draft'] as const).filter((n) => copy.flags & Flag[n]).map((n) => `\\${n}`);
        run.recorder.line(session, 'C', `a${tag} APPEND ${folder}${names.length ? ` (${names.join(' ')})` : ''} {${size}}`);
        run.recorder.line(session, 'S', '+ OK');
        run.recorder.line(session, 'C', `<message ${copy.mail}, ${size} octets>`);
        run.recorder.line(session, 'S', `a${tag++} OK [APPENDUID ${run.state.folderMeta.get(to)!.uidValidity} ${uid}] Append completed (0.001 + 0.000 secs).`);
        run.transfer('copy', copy.mail, from, to, String(uid));
        copied++;
      }
    });
    if (session) {
      run.recorder.line(session, 'C', `a${tag} LOGOUT`);
      run.recorder.line(session, 'S', '* BYE Logging out');
      run.recorder.line(session, 'S', `a${tag} OK Logout completed (0.001 + 0.000 secs).`);
    }
  });
  return copied;
}

/** Where a device points, in the visible state (the figures and the picture read it there); null: at the one provider left. */
function pointDevice(run: Run, deviceId: string, pointsAt: 'new' | 'gone' | null): void {
  const { pointsAt: _was, ...status } = run.state.devices.get(deviceId) ?? { online: false, diskFailed: false };
  void _was;
  run.apply({ op: 'device', device: deviceId, status: pointsAt ? { ...status, pointsAt } : status });
}

/** provider.dnsSwitch: the domain's MX record now names the new provider; resolvers learn it within the TTL (rule 89). */
export function dnsSwitch(run: Run, ttlHours: number): void {
  const move = run.move!;
  move.dns = { at: run.time, ttlMinutes: Math.max(1, Math.round(ttlHours * 60)) };
  run.emit('dns', 'DNS · MX switched', { key: 'move.dnsSwitched', params: { hours: ttlHours } });
}

/** device.repoint: the user enters the new provider's server names in this device's account settings (rule 91). */
export function repoint(run: Run, deviceId: string): void {
  run.move!.repointed.add(deviceId);
  pointDevice(run, deviceId, run.move!.contractEnded ? null : 'new');
  const dev = run.device(deviceId).config;
  const key = dev.protocol === 'pop3' ? (run.move!.keptUidls ? 'move.repointedPop3Kept' : 'move.repointedPop3New') : run.move!.keptUidls ? 'move.repointedImapKept' : 'move.repointedImapNew';
  run.emit(deviceId, `${deviceId} · re-pointed`, { key, params: { device: deviceId } });
}

/**
 * provider.contractEnd: the old provider deletes the mailboxes and their
 * backups; a device still pointed there is refused at login, as Dovecot
 * refuses a user it does not know (rule 92).
 */
export function contractEnd(run: Run): void {
  const move = run.move!;
  move.contractEnded = true;
  const mails = new Set<string>();
  const oldPlace = (place: string, prefix: string) => {
    if (!place.startsWith(prefix)) return false;
    const account = place.slice(prefix.length).split('/', 1)[0];
    return accountOfMailbox(account) === account;
  };
  for (const place of [...run.state.places.keys()]) {
    if (!oldPlace(place, 'server/') && !oldPlace(place, 'backup/server/')) continue;
    const kind = place.startsWith('server/') ? 'lose' : 'delete';
    for (const [key, copy] of [...run.folder(place)]) {
      run.del(place, key);
      run.transfer(kind, copy.mail, place, null, key);
      mails.add(copy.mail);
    }
  }
  for (const place of [...run.state.folderMeta.keys()]) if (oldPlace(place, 'server/') || oldPlace(place, 'backup/server/')) run.apply({ op: 'meta', place, meta: null });
  const older = run.olderBackups.filter((b) => !oldPlace(b.place, 'backup/server/'));
  run.olderBackups.splice(0, run.olderBackups.length, ...older);
  for (const id of run.devices.keys()) pointDevice(run, id, move.repointed.has(id) ? null : 'gone');
  const lost = [...mails].filter((m) => !run.state.ownerCopies.get(m)).length;
  newMailboxTakesPlainId(run);
  // The new provider's server is now the one server, as after a move in one go (the picture names it so).
  run.apply({ op: 'server', generation: move.newGeneration });
  run.emit('server', 'old provider · contract ends', { key: 'move.contractEnded', params: { count: mails.size, lost } });
}

/**
 * Once only the new provider is left, its mailbox is "the" mailbox again:
 * server/<account>@new/… and its backups become server/<account>/… with the
 * same UIDs and UIDVALIDITY (nothing changes for a client; only the model's
 * name of the place does), so every reader that knows one server per account
 * finds it there.
 */
function newMailboxTakesPlainId(run: Run): void {
  const renamed = (place: string): string | null => {
    const m = /^(backup\/)?server\/([^/]+)@new\/(.+)$/.exec(place);
    return m ? `${m[1] ?? ''}server/${m[2]}/${m[3]}` : null;
  };
  for (const place of [...run.state.places.keys()]) {
    const to = renamed(place);
    if (!to) continue;
    for (const [key, copy] of [...run.folder(place)]) {
      run.del(place, key);
      run.put(to, key, copy);
      run.transfer('move', copy.mail, place, to, key);
    }
  }
  for (const [place, meta] of [...run.state.folderMeta]) {
    const to = renamed(place);
    if (!to) continue;
    run.apply({ op: 'meta', place, meta: null });
    run.apply({ op: 'meta', place: to, meta });
  }
  for (const b of run.olderBackups) b.place = renamed(b.place) ?? b.place;
}
