// The mail store: every copy of every mail in the visible world (server
// folders with UIDVALIDITY/UIDNEXT and flags, device folders, backups), quota
// usage per account, and the indexes a server needs to answer quickly (message
// sequence numbers, a change log per server folder). It knows nothing of
// clients, sessions or frames. `apply` is the only way anything in it changes.
import { applyOp, type Op } from '../model/ops';
import { parseBackupMetaPlace, type PlaceId } from '../model/places';
import { emptyState, type Copy, type FolderMeta, type WorldState } from '../model/state';
import { SeqIndex } from './seqIndex';

const EMPTY: ReadonlyMap<string, Copy> = new Map();

/** What readers of the store may do: look, never change. */
export interface StoreView {
  readonly state: Readonly<WorldState>;
  folder(place: PlaceId): ReadonlyMap<string, Copy>;
  copyAt(place: PlaceId, key: string): Copy | undefined;
  folderMeta(place: PlaceId): FolderMeta | undefined;
  /** The sequence number of a UID present in a server folder (0 when absent). */
  seqOf(place: PlaceId, uid: number): number;
  /** The highest UID present in a server folder (0 when it is empty): what `*` means in a UID set. */
  highestUid(place: PlaceId): number;
  /** What an account stores on the server, as quota counts it. */
  usageOf(account: string): { readonly bytes: number; readonly messages: number };
  /** The latest change version. */
  readonly version: number;
  /** UIDs of a server folder whose message changed (flags, removal, restore) after `version`. */
  changedSince(place: PlaceId, version: number): number[];
}

export class MailStore implements StoreView {
  readonly state: WorldState = emptyState();
  /** Per server folder: sequence numbers by UID. */
  private readonly seqIndexes = new Map<PlaceId, SeqIndex>();
  /** Per server folder: every change to an existing message (flags, removal, a restore), in order. */
  private readonly changeLogs = new Map<PlaceId, { versions: number[]; uids: number[] }>();
  private changeVersion = 0;
  /** Per server folder: the generations whose backup recorded its meta, oldest first (kept in step with the meta ops). */
  private readonly backupMetas = new Map<PlaceId, number[]>();
  /** Per server folder: its meta when it was last removed (a lost disk), so a restore can say which UIDs come again. */
  private readonly removedMetas = new Map<PlaceId, FolderMeta>();
  /** How many copies the world holds (for the timeline's snapshot spacing). */
  copies = 0;
  /** Keys put or removed per server/device place since that place's last backup (backups copy only these). */
  readonly touched = new Map<PlaceId, Set<string>>();

  /** The one function that changes the store. `append`: a new message with the next UID (not a change). */
  apply(op: Op, append = false): void {
    if (op.op === 'meta') {
      // A backup's meta is indexed whether it comes or goes; only a server folder's removal is remembered.
      // (Asked in this order, a year's first discarded backup meta no longer reaches code that never ran
      // before, which threw this function's compiled code away.)
      const place = op.place;
      if (place.startsWith('backup/')) this.indexBackupMeta(place, op.meta !== null);
      else if (op.meta === null && place.startsWith('server/')) {
        const was = this.state.folderMeta.get(place);
        if (was) this.removedMetas.set(place, was);
      }
    }
    // The copy a put replaced or a del removed, as applyOp found it (not looked up a second time).
    const had = applyOp(this.state, op) !== undefined;
    if (op.op === 'put' || op.op === 'del') {
      if (!op.place.startsWith('backup/')) {
        let keys = this.touched.get(op.place);
        if (!keys) this.touched.set(op.place, (keys = new Set()));
        keys.add(op.key);
      }
      if (op.op === 'put' && !had) this.copies++;
      if (op.op === 'del' && had) this.copies--;
      if (op.place.startsWith('server/') && (op.op === 'put' || had)) this.indexServerChange(op.place, Number(op.key), op.op, had, append);
    }
  }

  private indexServerChange(place: PlaceId, uid: number, kind: 'put' | 'del', had: boolean, append: boolean): void {
    let index = this.seqIndexes.get(place);
    if (!index) this.seqIndexes.set(place, (index = new SeqIndex()));
    if (kind === 'put' && !had) index.add(uid);
    if (kind === 'del') index.remove(uid);
    if (append) return;
    let log = this.changeLogs.get(place);
    if (!log) this.changeLogs.set(place, (log = { versions: [], uids: [] }));
    log.versions.push(++this.changeVersion);
    log.uids.push(uid);
  }

  private indexBackupMeta(key: PlaceId, present: boolean): void {
    const parsed = parseBackupMetaPlace(key);
    if (!parsed) return;
    const list = this.backupMetas.get(parsed.place) ?? [];
    const i = list.indexOf(parsed.generation);
    if (present && i < 0) {
      list.push(parsed.generation);
      list.sort((a, b) => a - b);
    }
    if (!present && i >= 0) list.splice(i, 1);
    if (list.length) this.backupMetas.set(parsed.place, list);
    else this.backupMetas.delete(parsed.place);
  }

  /** The backup generations (oldest first) that recorded a server folder's UIDVALIDITY and UIDNEXT (rule 50). */
  backupMetaGenerations(place: PlaceId): readonly number[] {
    return this.backupMetas.get(place) ?? [];
  }

  /** A server folder's meta just before it was last removed (its disk was lost). */
  removedMeta(place: PlaceId): FolderMeta | undefined {
    return this.removedMetas.get(place);
  }

  /** Every server folder some backup generation recorded meta for. */
  backupMetaFolders(): Iterable<PlaceId> {
    return this.backupMetas.keys();
  }

  seqOf(place: PlaceId, uid: number): number {
    return this.seqIndexes.get(place)?.rank(uid) ?? 0;
  }

  highestUid(place: PlaceId): number {
    const index = this.seqIndexes.get(place);
    return index ? index.select(index.size) : 0;
  }

  get version(): number {
    return this.changeVersion;
  }

  changedSince(place: PlaceId, version: number): number[] {
    const log = this.changeLogs.get(place);
    if (!log) return [];
    let lo = 0;
    let hi = log.versions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (log.versions[mid] <= version) lo = mid + 1;
      else hi = mid;
    }
    return [...new Set(log.uids.slice(lo))];
  }

  folder(place: PlaceId): ReadonlyMap<string, Copy> {
    return this.state.places.get(place) ?? EMPTY;
  }

  copyAt(place: PlaceId, key: string): Copy | undefined {
    return this.state.places.get(place)?.get(key);
  }

  folderMeta(place: PlaceId): FolderMeta | undefined {
    return this.state.folderMeta.get(place);
  }

  usageOf(account: string): { readonly bytes: number; readonly messages: number } {
    return this.state.usage.get(account) ?? { bytes: 0, messages: 0 };
  }
}
