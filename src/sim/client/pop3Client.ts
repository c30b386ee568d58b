// A POP3 mail client (Thunderbird, Outlook, Apple Mail, phone clients) and
// the settings they offer. "Leave on server" is purely a client feature: the
// client remembers the UIDLs it has downloaded, fetches only new ones, and
// sends DELE by its own policy (semantics.md "POP3", rules 4–10, 12).
import { Flag } from '../model/flags';
import { devicePlace, serverPlace } from '../model/places';
import { MINUTES_PER_DAY } from '../scenario/time';
import type { Run } from '../run/run';
import { Pop3Connection, recordSync } from './connection';
import { deviceCanConnect } from './reachability';

export const POP3_INBOX = 'Inbox';
export const POP3_TRASH = 'Trash';

/** Check for mail: download what is new, then DELE by policy, then QUIT commits. */
export function pop3Check(run: Run, deviceId: string, options: { dropBeforeQuit?: boolean } = {}): void {
  if (!deviceCanConnect(run, deviceId)) return;
  const dev = run.device(deviceId);
  const policy = dev.config.pop3;
  const account = dev.config.account;
  const memory = dev.memory;
  const conn = new Pop3Connection(run, deviceId, account);
  if (!conn.login()) {
    run.emit(deviceId, `${deviceId} · login refused`, { key: 'pop3.loginRefused', params: { device: deviceId } });
    return;
  }
  conn.send({ type: 'client.stat' }, 'STAT');
  conn.send({ type: 'client.uidl' }, 'UIDL');
  const fresh = conn.maildrop.filter((m) => !memory.pop3Seen.has(m.uidl));
  run.emit(deviceId, `${deviceId} · POP3 UIDL`, {
    key: 'pop3.listed',
    params: { device: deviceId, total: conn.maildrop.length, fresh: fresh.length },
  });

  conn.maildrop.forEach((entry, i) => {
    const n = i + 1;
    if (memory.pop3Seen.has(entry.uidl)) return;
    const place = devicePlace(deviceId, POP3_INBOX);
    const { key, dup } = run.freeKey(place, entry.mail);
    if (policy.headersOnly) {
      conn.send({ type: 'client.top', n, lines: 0 }, `TOP ${n} 0`);
      run.put(place, key, { mail: entry.mail, flags: 0, headersOnly: true, ...(dup ? { dup } : {}) });
    } else {
      conn.send({ type: 'client.retr', n }, `RETR ${n}`);
      run.put(place, key, { mail: entry.mail, flags: 0, ...(dup ? { dup } : {}) });
      // Dovecot sets \Seen when POP3 downloads (pop3_no_flag_updates=no), visible to IMAP and webmail.
      const serverCopy = run.copyAt(serverPlace(account, 'INBOX'), String(entry.uid));
      if (serverCopy) run.setFlags(serverPlace(account, 'INBOX'), String(entry.uid), serverCopy.flags | Flag.Seen);
    }
    run.transfer('copy', entry.mail, serverPlace(account, 'INBOX'), place, key);
    memory.pop3Seen.set(entry.uidl, { mail: entry.mail, firstSeenAt: run.time, localPlace: place, localKey: key, deletedLocally: false, purgedLocally: false });
    const deleteNow = !policy.leaveOnServer && !policy.headersOnly;
    if (deleteNow) conn.send({ type: 'client.dele', n }, `DELE ${n}`);
    run.emit(deviceId, `${deviceId} · ${policy.headersOnly ? 'TOP' : 'RETR'} ${n}${deleteNow ? `, DELE ${n}` : ''}`, {
      key: policy.headersOnly ? 'pop3.top' : deleteNow ? 'pop3.retrDele' : dup ? 'pop3.retrDuplicate' : 'pop3.retrKeep',
      params: { device: deviceId, mail: entry.mail, n },
    });
  });

  // Leave-on-server policies decide DELE for what was downloaded before.
  const deletions: Array<{ n: number; mail: string; why: string }> = [];
  conn.maildrop.forEach((entry, i) => {
    const seen = memory.pop3Seen.get(entry.uidl);
    if (!seen || fresh.includes(entry)) return;
    if (!policy.leaveOnServer) {
      // Downloaded before, but an earlier session never reached QUIT: delete it now.
      if (!policy.headersOnly) deletions.push({ n: i + 1, mail: entry.mail, why: 'again' });
      return;
    }
    if (policy.deleteAfterDays !== null && run.time - seen.firstSeenAt >= policy.deleteAfterDays * MINUTES_PER_DAY) deletions.push({ n: i + 1, mail: entry.mail, why: 'age' });
    else if (policy.deleteOnServerWhen === 'deletedLocally' && seen.deletedLocally) deletions.push({ n: i + 1, mail: entry.mail, why: 'deletedLocally' });
    else if (policy.deleteOnServerWhen === 'deletedFromTrash' && seen.purgedLocally) deletions.push({ n: i + 1, mail: entry.mail, why: 'deletedFromTrash' });
  });
  for (const d of deletions) {
    conn.send({ type: 'client.dele', n: d.n }, `DELE ${d.n}`);
    run.emit(deviceId, `${deviceId} · DELE ${d.n}`, { key: `pop3.dele.${d.why}`, params: { device: deviceId, mail: d.mail, n: d.n, days: policy.deleteAfterDays ?? 0 } });
  }

  if (options.dropBeforeQuit) {
    // No QUIT, no UPDATE state: the server removes nothing (RFC 1939 §6, rule 1).
    conn.drop();
    recordSync(run, deviceId, conn.cost);
    run.emit(deviceId, `${deviceId} · connection dropped`, { key: 'pop3.dropped', params: { device: deviceId, count: conn.markedCount() } });
    return;
  }
  const removed = conn.quit();
  for (const uid of removed) {
    const place = serverPlace(account, 'INBOX');
    const copy = run.copyAt(place, String(uid));
    if (!copy) continue;
    run.del(place, String(uid));
    run.transfer('expunge', copy.mail, place, null, String(uid));
  }
  // The client forgets UIDLs that are no longer on the server.
  const stillThere = new Set(conn.maildrop.filter((m) => !removed.includes(m.uid)).map((m) => m.uidl));
  for (const uidl of [...memory.pop3Seen.keys()]) if (!stillThere.has(uidl)) memory.pop3Seen.delete(uidl);
  recordSync(run, deviceId, conn.cost);
  run.emit(deviceId, `${deviceId} · QUIT`, {
    key: removed.length ? 'pop3.quitRemoved' : 'pop3.quitNothing',
    params: { device: deviceId, count: removed.length, seconds: conn.cost.seconds(dev.config.linkKbps) },
  });
}

/** Find the device's local copy of a mail (any folder). */
export function findLocal(run: Run, deviceId: string, mail: string): { place: string; key: string } | null {
  const prefix = `device/${deviceId}/`;
  for (const [place, folder] of run.state.places) {
    if (!place.startsWith(prefix)) continue;
    for (const [key, copy] of folder) if (copy.mail === mail) return { place, key };
  }
  return null;
}

/** Read a mail: local flags only (rule 12); a headers-only copy needs its body fetched first. */
export function pop3Read(run: Run, deviceId: string, mail: string, opening: boolean): void {
  const local = findLocal(run, deviceId, mail);
  if (!local) {
    run.emit(deviceId, `${deviceId} · ${mail} not here`, { key: 'read.notOnDevice', params: { device: deviceId, mail } });
    return;
  }
  const copy = run.copyAt(local.place, local.key)!;
  if (copy.headersOnly) {
    fetchBody(run, deviceId, mail, local);
    return;
  }
  run.setFlags(local.place, local.key, copy.flags | Flag.Seen);
  const size = run.state.mails.get(mail)?.sizeBytes ?? 0;
  run.emit(deviceId, `${deviceId} · open ${mail}`, { key: opening ? 'open.local' : 'read.pop3Local', params: { device: deviceId, mail, size } });
}

function fetchBody(run: Run, deviceId: string, mail: string, local: { place: string; key: string }): void {
  const dev = run.device(deviceId);
  if (!deviceCanConnect(run, deviceId, 'open.offlineHeadersOnly', { mail })) return;
  const account = dev.config.account;
  const conn = new Pop3Connection(run, deviceId, account);
  conn.login();
  conn.send({ type: 'client.uidl' }, 'UIDL');
  const i = conn.maildrop.findIndex((m) => m.mail === mail);
  if (i < 0) {
    conn.quit();
    run.emit(deviceId, `${deviceId} · ${mail} gone from server`, { key: 'open.bodyGone', params: { device: deviceId, mail } });
    return;
  }
  conn.send({ type: 'client.retr', n: i + 1 }, `RETR ${i + 1}`);
  const copy = run.copyAt(local.place, local.key)!;
  run.put(local.place, local.key, { mail, flags: copy.flags | Flag.Seen, ...(copy.dup ? { dup: copy.dup } : {}) });
  run.transfer('copy', mail, serverPlace(account, 'INBOX'), local.place, local.key);
  if (!dev.config.pop3.leaveOnServer) conn.send({ type: 'client.dele', n: i + 1 }, `DELE ${i + 1}`);
  const removed = conn.quit();
  for (const uid of removed) {
    const place = serverPlace(account, 'INBOX');
    const c = run.copyAt(place, String(uid));
    if (!c) continue;
    run.del(place, String(uid));
    run.transfer('expunge', c.mail, place, null, String(uid));
  }
  recordSync(run, deviceId, conn.cost);
  run.emit(deviceId, `${deviceId} · RETR ${i + 1}`, {
    key: 'open.fetchBody',
    params: { device: deviceId, mail, seconds: conn.cost.seconds(dev.config.linkKbps), size: run.state.mails.get(mail)?.sizeBytes ?? 0 },
  });
}

/** Delete: into Deleted Items; from there, for good. The server learns of it only by policy, at the next check. */
export function pop3Delete(run: Run, deviceId: string, mail: string): void {
  const local = findLocal(run, deviceId, mail);
  if (!local) {
    run.emit(deviceId, `${deviceId} · ${mail} not here`, { key: 'read.notOnDevice', params: { device: deviceId, mail } });
    return;
  }
  const trash = devicePlace(deviceId, POP3_TRASH);
  const memory = run.device(deviceId).memory;
  const seen = [...memory.pop3Seen.entries()].find(([, s]) => s.mail === mail);
  run.apply({ op: 'deletedByUser', mail });
  if (local.place === trash) {
    run.del(local.place, local.key);
    run.transfer('delete', mail, local.place, null, local.key);
    if (seen) memory.pop3Seen.set(seen[0], { ...seen[1], deletedLocally: true, purgedLocally: true, localPlace: null, localKey: null });
    run.emit(deviceId, `${deviceId} · delete ${mail} for good`, { key: 'pop3.purge', params: { device: deviceId, mail } });
    return;
  }
  const copy = run.copyAt(local.place, local.key)!;
  run.del(local.place, local.key);
  const { key } = run.freeKey(trash, mail);
  run.put(trash, key, copy);
  run.transfer('move', mail, local.place, trash, key);
  if (seen) memory.pop3Seen.set(seen[0], { ...seen[1], deletedLocally: true, localPlace: trash, localKey: key });
  const policy = run.device(deviceId).config.pop3;
  const when = !policy.leaveOnServer ? 'notOnServer' : policy.deleteOnServerWhen;
  run.emit(deviceId, `${deviceId} · delete ${mail}`, { key: `pop3.delete.${when}`, params: { device: deviceId, mail } });
}

export function pop3EmptyTrash(run: Run, deviceId: string): void {
  const trash = devicePlace(deviceId, POP3_TRASH);
  const memory = run.device(deviceId).memory;
  const copies = [...run.folder(trash).entries()];
  for (const [key, copy] of copies) {
    run.del(trash, key);
    run.transfer('delete', copy.mail, trash, null, key);
    run.apply({ op: 'deletedByUser', mail: copy.mail });
    for (const [uidl, s] of memory.pop3Seen) if (s.mail === copy.mail) memory.pop3Seen.set(uidl, { ...s, purgedLocally: true, localPlace: null, localKey: null });
  }
  run.emit(deviceId, `${deviceId} · empty Deleted Items`, { key: 'pop3.emptyTrash', params: { device: deviceId, count: copies.length } });
}

/** Moving between folders on a POP3 device stays on the device (rule 12, claim P13). */
export function pop3Move(run: Run, deviceId: string, mail: string, folder: string): void {
  const local = findLocal(run, deviceId, mail);
  if (!local) {
    run.emit(deviceId, `${deviceId} · ${mail} not here`, { key: 'read.notOnDevice', params: { device: deviceId, mail } });
    return;
  }
  const target = devicePlace(deviceId, folder);
  const copy = run.copyAt(local.place, local.key)!;
  run.del(local.place, local.key);
  const { key } = run.freeKey(target, mail);
  run.put(target, key, copy);
  run.transfer('move', mail, local.place, target, key);
  run.emit(deviceId, `${deviceId} · move ${mail} → ${folder}`, { key: 'pop3.moveLocal', params: { device: deviceId, mail, folder } });
}
