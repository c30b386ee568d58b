// The UIDs whose \Recent flag one session holds, as sorted ranges: a session
// that idles for a year takes thousands of new UIDs one push at a time, and
// they are nearly always contiguous, so each push adds or extends one range.
// Immutable: every change returns a new value.
export class RecentUids {
  static readonly EMPTY = new RecentUids([], 0);

  private constructor(
    /** Sorted, disjoint, non-adjacent [lo, hi] ranges. */
    private readonly ranges: ReadonlyArray<readonly [number, number]>,
    readonly size: number,
  ) {}

  static of(uids: readonly number[]): RecentUids {
    return RecentUids.EMPTY.with(uids);
  }

  has(uid: number): boolean {
    let lo = 0;
    let hi = this.ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [a, b] = this.ranges[mid];
      if (uid < a) hi = mid - 1;
      else if (uid > b) lo = mid + 1;
      else return true;
    }
    return false;
  }

  /** The lowest UID held, or null. */
  get lowest(): number | null {
    return this.ranges.length ? this.ranges[0][0] : null;
  }

  /** These UIDs added (new mail has UIDs above all others, so this is usually an append). */
  with(uids: readonly number[]): RecentUids {
    const fresh = uids.filter((u) => !this.has(u)).sort((a, b) => a - b);
    if (!fresh.length) return this;
    const ranges = this.ranges.map((r) => [r[0], r[1]] as [number, number]);
    for (const u of fresh) {
      const last = ranges[ranges.length - 1];
      if (last && u === last[1] + 1) last[1] = u;
      else if (!last || u > last[1]) ranges.push([u, u]);
      else return RecentUids.fromList([...this.list(), ...fresh]);
    }
    return new RecentUids(ranges, this.size + fresh.length);
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
    for (const [a, b] of this.ranges) for (let u = a; u <= b; u++) out.push(u);
    return out;
  }

  private static fromList(uids: number[]): RecentUids {
    const sorted = [...new Set(uids)].sort((a, b) => a - b);
    const ranges: Array<[number, number]> = [];
    for (const u of sorted) {
      const last = ranges[ranges.length - 1];
      if (last && u === last[1] + 1) last[1] = u;
      else ranges.push([u, u]);
    }
    return new RecentUids(ranges, sorted.length);
  }
}
