// A list the recorder gathers a frame's entries in (ops, transfers, line
// sources, sessions, a pack's lines), used again for every frame: the
// timeline takes what was gathered into its columns (or a pack a copy of
// exactly its texts) and the list starts over at the front. A new list per frame grew a new backing store each time (room for 17
// entries at the first push), a year of frames' worth of garbage.

/** What a frame holds where nothing of a kind happened: one shared empty list. Frozen: nobody may add to it. */
export const NONE: readonly never[] = Object.freeze([]);

export class WorkList<T> {
  /** Entries from `length` on are left over from earlier frames: never read, overwritten as the list fills again. */
  private readonly items: T[] = [];
  length = 0;

  push(item: T): void {
    this.items[this.length++] = item;
  }

  /** A copy of exactly the gathered entries (NONE when there are none); the list starts over. */
  take(): readonly T[] {
    const n = this.length;
    if (n === 0) return NONE;
    this.length = 0;
    return this.items.slice(0, n);
  }

  /** Append the gathered entries to `target` (a timeline's column); the list starts over. */
  moveTo(target: T[]): void {
    const items = this.items;
    for (let i = 0, n = this.length; i < n; i++) target.push(items[i]);
    this.length = 0;
  }

  /** The gathered entries joined into one string (a pack's directions: one flat string, not a chain of pieces); the list starts over. */
  join(): string {
    const n = this.length;
    this.length = 0;
    return this.items.slice(0, n).join('');
  }

  some(test: (item: T) => boolean): boolean {
    for (let i = 0; i < this.length; i++) if (test(this.items[i])) return true;
    return false;
  }
}
