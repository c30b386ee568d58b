// The server's folders as the store keeps them: per account a set of IMAP
// folders, each with UIDVALIDITY and UIDNEXT (RFC 9051 §2.3.1.1). UIDs strictly
// increase and are never reused while UIDVALIDITY holds; a new server (provider
// move) starts new UIDVALIDITY values. Copies in a server folder are keyed by
// UID. Everything here reads; changes are ops (model/ops.ts).
import { serverPlace } from '../model/places';
import type { Op } from '../model/ops';
import { flat } from '../model/flatString';
import type { Copy, FolderMeta } from '../model/state';
import type { StoreView } from './store';

export const STANDARD_FOLDERS = ['INBOX', 'Sent', 'Drafts', 'Trash', 'Archive'] as const;

/** RFC 6154 special-use attribute per standard folder. */
export const SPECIAL_USE: Record<string, string> = { Sent: '\\Sent', Drafts: '\\Drafts', Trash: '\\Trash', Archive: '\\Archive' };

/** Every account's folders: the standard ones, then the world's extra folders. */
export function serverFolders(extra: readonly string[]): string[] {
  return [...STANDARD_FOLDERS, ...extra.filter((f) => !(STANDARD_FOLDERS as readonly string[]).includes(f))];
}

// Dovecot takes UIDVALIDITY from the clock when a mailbox is created, one
// second apart per folder. The model counts from a fixed epoch instead, so a
// run is reproducible; the conformance harness maps these to the real values.
const UIDVALIDITY_EPOCH = 1795311092;

export function uidValidityFor(generation: number, accountIndex: number, folderIndex: number): number {
  return UIDVALIDITY_EPOCH + (generation - 1) * 100_000 + accountIndex * 100 + folderIndex;
}

/**
 * A UIDVALIDITY given later to a folder of the same server: made again after a
 * restore that had no backup to bring back, or set anew by the operator after
 * a restore (rules 50, 82). Dovecot takes it from the clock; the model counts on
 * from the folder's first value by the simulated minute, so it differs from
 * every earlier value of that folder and stays reproducible.
 */
export function laterUidValidity(generation: number, accountIndex: number, folderIndex: number, minute: number): number {
  return uidValidityFor(generation, accountIndex, folderIndex) + 100 * (minute + 1);
}

/**
 * Dovecot's default POP3 UIDL format %08Xu%08Xv (observed in lower case hex).
 * In one piece (flatString.ts): a session's UIDL listing, written out when read,
 * keeps its maildrop's UIDLs for the rest of the run.
 */
export function pop3Uidl(uid: number, uidValidity: number): string {
  return flat(uid.toString(16).padStart(8, '0') + uidValidity.toString(16).padStart(8, '0'));
}

/** The ops that create every account's folders, empty, on server generation `generation`. */
export function createMailboxOps(accounts: readonly string[], folders: readonly string[], generation: number): Op[] {
  const ops: Op[] = [];
  accounts.forEach((account, a) => {
    folders.forEach((folder, f) => ops.push({ op: 'meta', place: serverPlace(account, folder), meta: { uidValidity: uidValidityFor(generation, a, f), uidNext: 1 } }));
  });
  return ops;
}

export function folderExists(store: StoreView, account: string, folder: string): boolean {
  return store.folderMeta(serverPlace(account, folder)) !== undefined;
}

export function meta(store: StoreView, account: string, folder: string): FolderMeta {
  const m = store.folderMeta(serverPlace(account, folder));
  if (!m) throw new Error(`no folder ${folder} for ${account}`);
  return m;
}

/** Messages of a folder in UID order (message sequence number n = index + 1). */
export function messages(store: StoreView, account: string, folder: string): Copy[] {
  return [...store.folder(serverPlace(account, folder)).values()];
}

export function findByUid(store: StoreView, account: string, folder: string, uid: number): { copy: Copy; seq: number } | null {
  const place = serverPlace(account, folder);
  const copy = store.copyAt(place, String(uid));
  return copy ? { copy, seq: store.seqOf(place, uid) } : null;
}

/** Messages with UIDs in [from, to], in UID order, found by key (cheap when the range is short). */
export function messagesInUidRange(store: StoreView, account: string, folder: string, from: number, to: number): Copy[] {
  const f = store.folder(serverPlace(account, folder));
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
