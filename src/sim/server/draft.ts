// What a server command does, as a draft: it reads the store as if its own
// changes were already made, and records them as ops instead of making them.
// So every port is pure: (store, session, command) → { reply, ops }; the
// store changes only when run/ applies the ops (run/apply.ts).
import { DelOp, MetaOp, PutOp, type Op } from '../model/ops';
import type { PlaceId } from '../model/places';
import { metaWithUidNext, UidCopy, type Copy, type FolderMeta, type WorldState } from '../model/state';
import { transferOf, type Transfer, type TransferKind } from '../model/transfer';
import type { StoreView } from '../store/store';

/** A change to the store plus whether it appends a new message (not a change to an existing one). */
export interface StoreOp {
  readonly op: Op;
  readonly append?: boolean;
}

/** What every server port returns besides its reply: the changes, and the mail movements they mean. */
export interface Effects {
  readonly ops: readonly StoreOp[];
  readonly transfers: readonly Transfer[];
}

/** Where a copy's flags can be changed: a draft of effects, or the run applying them at once. */
export interface FlagTarget {
  copyAt(place: PlaceId, key: string): Copy | undefined;
  put(place: PlaceId, key: string, copy: Copy): void;
  transfer(kind: TransferKind, mail: string, from: PlaceId | null, to: PlaceId | null, key: string, flags?: number): void;
}

/**
 * A copy's flags set to `flags`, with the flag transfer that shows it; false
 * (and nothing done) when the copy is gone or already so. One rule for a
 * draft and for the run, so a flag change reads the same wherever it is made.
 */
export function setFlagsOf(target: FlagTarget, place: PlaceId, key: string, flags: number): boolean {
  const copy = target.copyAt(place, key);
  if (!copy || copy.flags === flags) return false;
  target.put(place, key, { ...copy, flags });
  target.transfer('flag', copy.mail, place, place, key, flags);
  return true;
}

/** How many writes a draft keeps in its flat list before it keeps them in maps per folder. */
const FEW_WRITES = 4;

export class Draft implements StoreView {
  // Fields set in the constructor, not declared with initializers: a port makes a draft per command, and a
  // class field is defined on the new object before the constructor runs (one define per field, then the store).
  declare readonly ops: StoreOp[];
  declare readonly transfers: Transfer[];
  // Made when first written: most commands only read (a FETCH, a SELECT), and a port makes a draft per command.
  // The first few writes are kept in one flat list (place, key, copy; null: deleted): nearly every command
  // that writes writes one or two copies (a delivery one per recipient), and a map per folder written
  // made a year of deliveries allocate three maps each. More writes than that move into maps per folder.
  private declare few: Array<PlaceId | Copy | null> | null;
  private declare copies: Map<PlaceId, Map<string, Copy | null>> | null;
  private declare metas: Map<PlaceId, FolderMeta> | null;
  /** What this draft adds to or takes from each account's server usage, flat: account, bytes, messages, … (a draft touches one or two accounts). */
  private declare usage: Array<string | number> | null;
  private declare readonly base: StoreView;

  constructor(base: StoreView) {
    this.ops = [];
    this.transfers = [];
    this.few = null;
    this.copies = null;
    this.metas = null;
    this.usage = null;
    this.base = base;
  }

  get state(): Readonly<WorldState> {
    return this.base.state;
  }

  get version(): number {
    return this.base.version;
  }

  changedSince(place: PlaceId, version: number): number[] {
    return this.base.changedSince(place, version);
  }

  /** Sequence numbers as the store has them (ports look them up before they change a folder). */
  seqOf(place: PlaceId, uid: number): number {
    return this.base.seqOf(place, uid);
  }

  /** The highest UID as the store has it (ports resolve `*` before they change a folder). */
  highestUid(place: PlaceId): number {
    return this.base.highestUid(place);
  }

  copyAt(place: PlaceId, key: string): Copy | undefined {
    const few = this.few;
    if (few !== null) {
      for (let i = 0; i < few.length; i += 3) if (few[i] === place && few[i + 1] === key) return (few[i + 2] as Copy | null) ?? undefined;
    } else {
      const own = this.copies?.get(place);
      if (own?.has(key)) return own.get(key) ?? undefined;
    }
    return this.base.copyAt(place, key);
  }

  /** What this draft wrote to `place`, by key, in the order first written (undefined: nothing). */
  private writtenIn(place: PlaceId): Map<string, Copy | null> | undefined {
    const few = this.few;
    if (few === null) return this.copies?.get(place);
    let out: Map<string, Copy | null> | undefined;
    for (let i = 0; i < few.length; i += 3) if (few[i] === place) (out ??= new Map()).set(few[i + 1] as string, few[i + 2] as Copy | null);
    return out;
  }

  folder(place: PlaceId): ReadonlyMap<string, Copy> {
    const own = this.writtenIn(place);
    const base = this.base.folder(place);
    if (!own) return base;
    const out = new Map<string, Copy>();
    for (const [key, copy] of base) {
      const mine = own.has(key) ? own.get(key) : copy;
      if (mine) out.set(key, mine);
    }
    for (const [key, copy] of own) if (copy && !base.has(key)) out.set(key, copy);
    return out;
  }

  folderMeta(place: PlaceId): FolderMeta | undefined {
    return this.metas?.get(place) ?? this.base.folderMeta(place);
  }

  usageOf(account: string): { readonly bytes: number; readonly messages: number } {
    const base = this.base.usageOf(account);
    const u = this.usage;
    if (u !== null) for (let i = 0; i < u.length; i += 3) if (u[i] === account) return { bytes: base.bytes + (u[i + 1] as number), messages: base.messages + (u[i + 2] as number) };
    return base;
  }

  private count(place: PlaceId, copy: Copy | undefined, sign: 1 | -1): void {
    if (!copy || !place.startsWith('server/')) return;
    const account = place.slice(7, place.indexOf('/', 7));
    const bytes = sign * (this.state.mails.get(copy.mail)?.sizeBytes ?? 0);
    const u = (this.usage ??= []);
    for (let i = 0; i < u.length; i += 3)
      if (u[i] === account) {
        u[i + 1] = (u[i + 1] as number) + bytes;
        u[i + 2] = (u[i + 2] as number) + sign;
        return;
      }
    // Added to nothing yet, as a sum starting at 0 would be.
    u.push(account, 0 + bytes, 0 + sign);
  }

  put(place: PlaceId, key: string, copy: Copy, append = false): void {
    this.count(place, this.copyAt(place, key), -1);
    this.count(place, copy, 1);
    this.write(place, key, copy);
    const op = new PutOp(place, key, copy);
    this.ops.push(append ? { op, append } : { op });
  }

  del(place: PlaceId, key: string): void {
    this.count(place, this.copyAt(place, key), -1);
    this.write(place, key, null);
    this.ops.push({ op: new DelOp(place, key) });
  }

  setMeta(place: PlaceId, meta: FolderMeta): void {
    (this.metas ??= new Map()).set(place, meta);
    this.ops.push({ op: new MetaOp(place, meta) });
  }

  other(op: Op): void {
    this.ops.push({ op });
  }

  transfer(kind: TransferKind, mail: string, from: PlaceId | null, to: PlaceId | null, key: string, flags?: number): void {
    this.transfers.push(transferOf(kind, mail, from, to, key, flags));
  }

  /** Change a server copy's flags (a no-op when they are already so). */
  setFlags(place: PlaceId, key: string, flags: number): boolean {
    return setFlagsOf(this, place, key, flags);
  }

  /** Store a message with the folder's next UID; returns the UID. */
  appendMessage(place: PlaceId, mail: string, flags: number): number {
    const m = this.folderMeta(place);
    if (!m) throw new Error(`no folder ${place}`);
    const uid = m.uidNext;
    this.put(place, String(uid), new UidCopy(mail, flags, uid), true);
    this.setMeta(place, metaWithUidNext(m, uid + 1));
    return uid;
  }

  effects(): Effects {
    return { ops: this.ops, transfers: this.transfers };
  }

  /** Record a write: in the flat list while there are few, else in the folder's map. */
  private write(place: PlaceId, key: string, copy: Copy | null): void {
    if (this.copies === null) {
      const few = (this.few ??= []);
      for (let i = 0; i < few.length; i += 3)
        if (few[i] === place && few[i + 1] === key) {
          few[i + 2] = copy;
          return;
        }
      if (few.length < 3 * FEW_WRITES) {
        few.push(place, key, copy);
        return;
      }
      this.copies = new Map();
      for (let i = 0; i < few.length; i += 3) this.own(few[i] as PlaceId).set(few[i + 1] as string, few[i + 2] as Copy | null);
      this.few = null;
    }
    this.own(place).set(key, copy);
  }

  private own(place: PlaceId): Map<string, Copy | null> {
    this.copies ??= new Map();
    let m = this.copies.get(place);
    if (!m) this.copies.set(place, (m = new Map()));
    return m;
  }
}
