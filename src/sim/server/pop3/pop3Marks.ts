// The numbers a POP3 session has marked with DELE (RFC 1939 §5), as a value
// that is never changed once made: every DELE makes a new one, and every
// session (and every older frame that still holds one) keeps seeing exactly its
// own marks. A new Set per DELE would copy all earlier marks each time (a
// session that deletes k messages paid for k²/2); here a DELE costs the same
// however many came before.
//
// How: the marks of one session's line of DELEs share one append-only log (the
// numbers in the order they were marked, and where each stands in it). A value
// is the log plus how much of it is its own (`size`), so it sees only its
// prefix, which never changes. Extending the newest value appends to the log;
// extending an older one (the log has grown past it, which a session's own
// commands never do) copies its prefix into a log of its own first.

/** What a session reads of its marks: Set<number> has it too. */
export interface Pop3MarksView extends Iterable<number> {
  readonly size: number;
  has(n: number): boolean;
}

interface MarkLog {
  /** The marked numbers, in the order they were marked. */
  readonly order: number[];
  /** Where each number stands in `order`. */
  readonly at: Map<number, number>;
}

export class Pop3Marks implements Pop3MarksView {
  private declare readonly log: MarkLog;
  declare readonly size: number;

  private constructor(log: MarkLog, size: number) {
    this.log = log;
    this.size = size;
  }

  /** No marks (a new session, or after RSET). */
  static readonly NONE = new Pop3Marks({ order: [], at: new Map() }, 0);

  has(n: number): boolean {
    const i = this.log.at.get(n);
    return i !== undefined && i < this.size;
  }

  *[Symbol.iterator](): Iterator<number> {
    for (let i = 0; i < this.size; i++) yield this.log.order[i];
  }

  /** These marks and n. */
  with(n: number): Pop3Marks {
    if (this.has(n)) return this;
    // The empty value is shared by every session: its log is never appended to.
    const own = this.size > 0 && this.log.order.length === this.size ? this.log : Pop3Marks.copyOf(this);
    own.at.set(n, own.order.length);
    own.order.push(n);
    return new Pop3Marks(own, this.size + 1);
  }

  /** Marks given in another form (a Set), or another value's prefix, as a log of their own. */
  static from(marks: Pop3MarksView): Pop3Marks {
    if (marks instanceof Pop3Marks) return marks;
    return marks.size === 0 ? Pop3Marks.NONE : new Pop3Marks(Pop3Marks.copyOf(marks), marks.size);
  }

  private static copyOf(marks: Iterable<number>): MarkLog {
    const order = [...marks];
    return { order, at: new Map(order.map((n, i) => [n, i])) };
  }
}
