// The UIDs whose \Recent flag one session holds, as sorted ranges: a session
// that idles for a year takes thousands of new UIDs one push at a time, and
// they are nearly always contiguous, so each push adds or extends one range.
// Immutable: every change returns a new value.
//
// The ranges are one flat list of small integers (lo, hi, lo, hi, …), never a
// list of pairs: the empty value, a copy and a list built from scratch then all
// have one kind of array. With pairs, the empty list (of no kind yet), a mapped
// copy and a pushed list had three, and each kind seen for the first time after
// the optimizing compiler had specialised the session's commands on the others
// threw that compiled code away (six recompilations of FETCH and IDLE in a year).
export class RecentUids {
  static readonly EMPTY = new RecentUids(emptyBounds(), 0);

  /** Sorted, disjoint, non-adjacent ranges: bounds[2i] to bounds[2i + 1], both included. */
  private declare readonly bounds: readonly number[];
  declare readonly size: number;

  private constructor(bounds: readonly number[], size: number) {
    this.bounds = bounds;
    this.size = size;
  }

  static of(uids: readonly number[]): RecentUids {
    return RecentUids.EMPTY.with(uids);
  }

  has(uid: number): boolean {
    const b = this.bounds;
    let lo = 0;
    let hi = (b.length >> 1) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (uid < b[2 * mid]) hi = mid - 1;
      else if (uid > b[2 * mid + 1]) lo = mid + 1;
      else return true;
    }
    return false;
  }

  /** The lowest UID held, or null. */
  get lowest(): number | null {
    return this.bounds.length ? this.bounds[0] : null;
  }

  /** These UIDs added (new mail has UIDs above all others, so this is usually an append). */
  with(uids: readonly number[]): RecentUids {
    const fresh = uids.filter((u) => !this.has(u)).sort((a, b) => a - b);
    if (!fresh.length) return this;
    const bounds = this.bounds.slice();
    for (const u of fresh) {
      const n = bounds.length;
      if (n && u === bounds[n - 1] + 1) bounds[n - 1] = u;
      else if (!n || u > bounds[n - 1]) bounds.push(u, u);
      else return RecentUids.fromList([...this.list(), ...fresh]);
    }
    return new RecentUids(bounds, this.size + fresh.length);
  }

  /** These UIDs gone (expunged). */
  without(uids: readonly number[]): RecentUids {
    const gone = uids.filter((u) => this.has(u));
    if (!gone.length) return this;
    const drop = new Set(gone);
    return RecentUids.fromList(this.list().filter((u) => !drop.has(u)));
  }

  private list(): number[] {
    const out: number[] = [];
    const b = this.bounds;
    for (let i = 0; i < b.length; i += 2) for (let u = b[i]; u <= b[i + 1]; u++) out.push(u);
    return out;
  }

  private static fromList(uids: number[]): RecentUids {
    const sorted = [...new Set(uids)].sort((a, b) => a - b);
    const bounds = emptyBounds();
    for (const u of sorted) {
      const n = bounds.length;
      if (n && u === bounds[n - 1] + 1) bounds[n - 1] = u;
      else bounds.push(u, u);
    }
    return new RecentUids(bounds, sorted.length);
  }
}

/** A new empty list of bounds (a literal of small integers: the one kind every list of bounds keeps). */
function emptyBounds(): number[] {
  return [];
}
