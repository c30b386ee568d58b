// What a server backup holds besides the messages: each folder's UIDVALIDITY
// and UIDNEXT. Dovecot keeps them in the mailbox's index files, which an
// operator's file backup copies with the mails; a restore brings them back as
// they were that night. So UIDs handed out after the backup are handed out
// again under the same UIDVALIDITY, and a client that cached one of them shows
// the wrong message (rule 50). A generation records a folder's meta only when
// it differs from the last recorded one, so a night costs what changed.
import { MetaOp, type Op } from '../model/ops';
import { backupMetaPlace, type PlaceId } from '../model/places';
import type { FolderMeta } from '../model/state';
import type { MailStore } from './store';

const same = (a: FolderMeta, b: FolderMeta) => a.uidValidity === b.uidValidity && a.uidNext === b.uidNext && a.recentUid === b.recentUid;

/** The meta a generation holds for a folder: the latest record at or before it. */
export function backedUpMeta(store: MailStore, place: PlaceId, generation: number): FolderMeta | undefined {
  const gens = store.backupMetaGenerations(place);
  let found: number | undefined;
  for (const g of gens) if (g <= generation) found = g;
  return found === undefined ? undefined : store.folderMeta(backupMetaPlace(place, found));
}

/**
 * The ops of a nightly backup taken at `generation` for the folders' meta, and
 * of discarding records no kept generation needs (every generation from
 * `oldestKept` on must still find its record). Made with `new` (see `MetaOp`): the timeline
 * keeps every night's ops, and as literals V8 began allocating them in the old generation and threw
 * away this function's optimized code once a year.
 */
export function backupMetaOps(store: MailStore, generation: number, oldestKept: number): Op[] {
  const ops: Op[] = [];
  for (const [place, meta] of store.state.folderMeta) {
    if (!place.startsWith('server/')) continue;
    const gens = store.backupMetaGenerations(place);
    const last = gens.length ? store.folderMeta(backupMetaPlace(place, gens[gens.length - 1])) : undefined;
    if (!last || !same(last, meta)) ops.push(new MetaOp(backupMetaPlace(place, generation), meta));
  }
  for (const place of [...store.backupMetaFolders()]) {
    const gens = store.backupMetaGenerations(place);
    // A record is needed while it is the latest one at or before some kept generation.
    for (let i = 0; i + 1 < gens.length && gens[i + 1] <= oldestKept; i++) ops.push(new MetaOp(backupMetaPlace(place, gens[i]), null));
  }
  return ops;
}

/** Every record of every generation (a provider move takes the backups with it). */
export function dropBackupMetaOps(store: MailStore): Op[] {
  const ops: Op[] = [];
  for (const place of [...store.backupMetaFolders()]) for (const g of store.backupMetaGenerations(place)) ops.push({ op: 'meta', place: backupMetaPlace(place, g), meta: null });
  return ops;
}

/**
 * The folders' meta as the restore of `generation` leaves it: the backup's.
 * A folder that still holds messages (a restore over a running server, not
 * after a disk failure) keeps a UIDNEXT above them, so the model never gives
 * one UID to two messages.
 */
export function restoredMetaOps(store: MailStore, generation: number): Op[] {
  const ops: Op[] = [];
  for (const place of store.backupMetaFolders()) {
    const meta = backedUpMeta(store, place, generation);
    if (!meta) continue;
    const floor = store.highestUid(place) + 1;
    ops.push({ op: 'meta', place, meta: meta.uidNext >= floor ? meta : { ...meta, uidNext: floor } });
  }
  return ops;
}
