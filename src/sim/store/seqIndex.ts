// Message sequence numbers (RFC 9051 §2.3.1.2) for a folder whose messages are
// known by UID: a Fenwick tree over UIDs answers "how many messages have a UID
// up to u" in O(log n), so a FETCH of one message in a folder of ten thousand
// does not count through all of them.
export class SeqIndex {
  private tree: Int32Array = new Int32Array(64);
  private count = 0;

  get size(): number {
    return this.count;
  }

  private grow(uid: number): void {
    if (uid < this.tree.length) return;
    let n = this.tree.length;
    while (n <= uid) n *= 2;
    // Rebuild: a Fenwick tree cannot simply be extended in place.
    const present: number[] = [];
    for (let u = 1; u < this.tree.length; u++) if (this.rank(u) - this.rank(u - 1) === 1) present.push(u);
    this.tree = new Int32Array(n);
    const old = this.count;
    this.count = 0;
    for (const u of present) this.add(u);
    this.count = old;
  }

  add(uid: number): void {
    this.grow(uid);
    for (let i = uid; i < this.tree.length; i += i & -i) this.tree[i]++;
    this.count++;
  }

  remove(uid: number): void {
    for (let i = uid; i < this.tree.length; i += i & -i) this.tree[i]--;
    this.count--;
  }

  /** The UID with sequence number `k` (1-based), found by descending the tree; 0 when there is none. */
  select(k: number): number {
    if (k < 1 || k > this.count) return 0;
    let pos = 0;
    let step = 1;
    while (step * 2 < this.tree.length) step *= 2;
    for (; step > 0; step >>= 1) {
      if (pos + step < this.tree.length && this.tree[pos + step] < k) {
        pos += step;
        k -= this.tree[pos];
      }
    }
    return pos + 1;
  }

  /** Number of messages with a UID ≤ uid: the sequence number of `uid` when it is present. */
  rank(uid: number): number {
    let sum = 0;
    for (let i = Math.min(uid, this.tree.length - 1); i > 0; i -= i & -i) sum += this.tree[i];
    return sum;
  }
}
