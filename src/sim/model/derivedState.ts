// A later state built from an earlier one without changing it, copying only
// what the ops change. Rebuilding a frame used to copy the whole state first
// (every copy of every mail in every place: about 1.3 ms per frame at 1,200
// mails) although a frame's ops touch a folder or two. Here each collection is
// copied on the first op that writes to it, and every other one is shared with
// the state it came from. That is safe because a state, once a reader has it,
// is never written to again (Frame.state is read-only by contract, and the
// engine's live state is copied in full when a snapshot is taken).
import { applyOp, type Op } from './ops';
import { copyMap, copySet, type WorldState } from './state';
import type { PlaceId } from './places';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export class DerivedState {
  private readonly next: Mutable<WorldState>;
  /** Collections of `next` that are its own (copied), not shared with the base. */
  private readonly owned = new Set<object>();
  private readonly ownedPlaces = new Set<PlaceId>();

  constructor(base: WorldState) {
    this.next = { ...base };
  }

  get state(): WorldState {
    return this.next;
  }

  apply(o: Op): void {
    const s = this.next;
    switch (o.op) {
      case 'put':
      case 'del': {
        s.places = this.mine(s.places, copyMap);
        if (!this.ownedPlaces.has(o.place)) {
          this.ownedPlaces.add(o.place);
          const folder = s.places.get(o.place);
          if (folder) s.places.set(o.place, copyMap(folder));
        }
        // Copies counted per mail and the server's usage follow every put and del (ops.ts countCopy).
        s.ownerCopies = this.mine(s.ownerCopies, copyMap);
        s.usage = this.mine(s.usage, copyMap);
        break;
      }
      case 'meta':
        s.folderMeta = this.mine(s.folderMeta, copyMap);
        break;
      case 'mail':
        s.mails = this.mine(s.mails, copyMap);
        break;
      case 'device':
        s.devices = this.mine(s.devices, copyMap);
        break;
      case 'deletedByUser':
        s.deletedByUser = this.mine(s.deletedByUser, copySet);
        break;
      case 'bounced':
        s.bounced = this.mine(s.bounced, copySet);
        break;
      case 'sync':
        s.lastSync = this.mine(s.lastSync, copyMap);
        break;
      // 'server', 'time' and 'backups' set fields of the state object itself, which is new.
    }
    applyOp(s, o);
  }

  /** The collection as this state's own: copied the first time, the copy kept from then on. */
  private mine<T extends object>(current: T, copy: (c: T) => T): T {
    if (this.owned.has(current)) return current;
    const own = copy(current);
    this.owned.add(own);
    return own;
  }
}
