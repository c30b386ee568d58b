// The server's mail store: per account a set of IMAP folders, each with
// UIDVALIDITY and UIDNEXT (RFC 9051 §2.3.1.1). UIDs strictly increase and are
// never reused while UIDVALIDITY holds; a new server (provider move) starts
// new UIDVALIDITY values. Copies in a server folder are keyed by UID.
import { serverPlace, type PlaceId } from '../model/places';
import type { Copy } from '../model/state';
import type { Run } from '../run/run';

export const STANDARD_FOLDERS = ['INBOX', 'Sent', 'Drafts', 'Trash', 'Archive'] as const;

/** RFC 6154 special-use attribute per standard folder. */
export const SPECIAL_USE: Record<string, string> = { Sent: '\\Sent', Drafts: '\\Drafts', Trash: '\\Trash', Archive: '\\Archive' };

export function serverFolders(run: Run): string[] {
  return [...STANDARD_FOLDERS, ...run.world.folders.filter((f) => !(STANDARD_FOLDERS as readonly string[]).includes(f))];
}

// Dovecot takes UIDVALIDITY from the clock when a mailbox is created, one
// second apart per folder. The model counts from a fixed epoch instead, so a
// run is reproducible; the conformance harness maps these to the real values.
const UIDVALIDITY_EPOCH = 1795311092;

export function uidValidityFor(generation: number, accountIndex: number, folderIndex: number): number {
  return UIDVALIDITY_EPOCH + (generation - 1) * 100_000 + accountIndex * 100 + folderIndex;
}

/** Dovecot's default POP3 UIDL format %08Xu%08Xv (observed in lower case hex). */
export function pop3Uidl(uid: number, uidValidity: number): string {
  return uid.toString(16).padStart(8, '0') + uidValidity.toString(16).padStart(8, '0');
}

export function createMailboxes(run: Run): void {
  const folders = serverFolders(run);
  run.world.accounts.forEach((account, a) => {
    folders.forEach((folder, f) => {
      run.apply({ op: 'meta', place: serverPlace(account.id, folder), meta: { uidValidity: uidValidityFor(run.state.serverGeneration, a, f), uidNext: 1 } });
    });
  });
}

export function folderExists(run: Run, account: string, folder: string): boolean {
  return run.state.folderMeta.has(serverPlace(account, folder));
}

export function meta(run: Run, account: string, folder: string) {
  const m = run.state.folderMeta.get(serverPlace(account, folder));
  if (!m) throw new Error(`no folder ${folder} for ${account}`);
  return m;
}

/** Messages of a folder in UID order (message sequence number n = index + 1). */
export function messages(run: Run, account: string, folder: string): Copy[] {
  return [...run.folder(serverPlace(account, folder)).values()];
}

/** Store a message with the next UID; returns the UID. */
export function appendMessage(run: Run, account: string, folder: string, mail: string, flags: number): number {
  const place = serverPlace(account, folder);
  const m = meta(run, account, folder);
  const uid = m.uidNext;
  run.put(place, String(uid), { mail, flags, uid }, true);
  run.apply({ op: 'meta', place, meta: { ...m, uidNext: uid + 1 } });
  return uid;
}

export function removeMessage(run: Run, account: string, folder: string, uid: number): Copy | undefined {
  const place: PlaceId = serverPlace(account, folder);
  const copy = run.copyAt(place, String(uid));
  if (copy) run.del(place, String(uid));
  return copy;
}

export function findByUid(run: Run, account: string, folder: string, uid: number): { copy: Copy; seq: number } | null {
  const place = serverPlace(account, folder);
  const copy = run.copyAt(place, String(uid));
  return copy ? { copy, seq: run.seqOf(place, uid) } : null;
}

/** Messages with UIDs in [from, to], in UID order, found by key (cheap when the range is short). */
export function messagesInUidRange(run: Run, account: string, folder: string, from: number, to: number): Copy[] {
  const place = serverPlace(account, folder);
  const f = run.folder(place);
  const out: Copy[] = [];
  if (to - from > f.size * 2) {
    for (const c of f.values()) if (c.uid! >= from && c.uid! <= to) out.push(c);
    return out;
  }
  for (let uid = from; uid <= to; uid++) {
    const c = f.get(String(uid));
    if (c) out.push(c);
  }
  return out;
}

/** Where a mail is on the server for an account: the first folder holding it. */
export function locate(run: Run, account: string, mail: string): { folder: string; uid: number } | null {
  for (const folder of serverFolders(run)) {
    for (const copy of run.folder(serverPlace(account, folder)).values()) if (copy.mail === mail) return { folder, uid: copy.uid! };
  }
  return null;
}
