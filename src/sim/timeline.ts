// The output of a run: a list of frames. The player, the CLI, the conformance
// harness and the tests read only this.
import type { Op } from './model/ops';
import { DerivedState } from './model/derivedState';
import type { PlaceId } from './model/places';
import { cloneState, type WorldState } from './model/state';
import type { World } from './scenario/schema';
import { formatFlags } from './model/flags';

export type { Transfer, TransferKind } from './model/transfer';
import type { Transfer } from './model/transfer';

export type Protocol = 'POP3' | 'IMAP' | 'LMTP' | 'SMTP';

/** A connection, so the conformance harness knows where one session ends. */
export interface SessionInfo {
  readonly id: string;
  readonly protocol: Protocol;
  /** The device (or "mta" for deliveries, "imapsync" for a provider move). */
  readonly client: string;
  readonly account: string;
  readonly serverGeneration: number;
  readonly tls: boolean;
  readonly port: number;
}

export interface ProtocolLine {
  readonly session: string;
  readonly dir: 'C' | 'S';
  readonly text: string;
}

/**
 * A long server listing (`* n FETCH (UID u FLAGS (...))` for every message up
 * to a UID) kept as a reference: it is written out from the frame's own state
 * when someone reads it, so a year of daily flag syncs costs no memory.
 */
export interface ListingSource {
  readonly session: string;
  readonly listing: 'fetchFlags';
  readonly place: PlaceId;
  readonly upTo: number;
  /** Messages from this UID on carry \Recent in the session that lists them. */
  readonly recentFrom: number | null;
}

/** Consecutive lines of one session, packed: `dirs` has one character (C or S) per text. */
export interface PackedLines {
  readonly session: string;
  readonly dirs: string;
  readonly texts: readonly string[];
}

/** Lines, stored compactly: packed per session, a long listing kept as a function or a reference and expanded on read. */
export type LineSource = ProtocolLine | PackedLines | (() => ProtocolLine[]) | ListingSource;

export interface Narration {
  /** An i18n key under `narration.` (texts in both languages live in src/i18n). */
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface FrameData {
  readonly index: number;
  /** Simulated minutes since day 1, 00:00. */
  readonly time: number;
  /** Index of the scenario step that produced it (-1: the initial frame; -2: a scheduled event). */
  readonly step: number;
  readonly micro: number;
  /** Short label, e.g. "laptop · RETR 2". */
  readonly label: string;
  readonly actor: string;
  readonly transfers: readonly Transfer[];
  readonly lineSources: readonly LineSource[];
  /** Sessions opened in this frame. */
  readonly sessions: readonly SessionInfo[];
  readonly narration: Narration;
  /** The scenario step's own note, on the first frame of the step. */
  readonly note?: { readonly de: string; readonly en: string };
  /** The changes this frame made to the visible state. */
  readonly ops: readonly Op[];
}

/** A frame as the readers see it: its data, plus its complete state, rebuilt on demand. */
export interface Frame extends FrameData {
  /** The complete visible state after this frame. Treat it as read-only. */
  readonly state: WorldState;
}

// A full snapshot is kept whenever enough ops have piled up since the last one
// (at least this many, and at least as many as there are copies to clone), so
// snapshots cost no more memory than the ops themselves and any frame is rebuilt
// from the nearest snapshot with a bounded number of ops.
const MIN_OPS_BETWEEN_SNAPSHOTS = 512;

/** What a frame reads where nothing of a kind happened: one shared empty list. Frozen: nobody may add to it. */
const NONE: readonly never[] = Object.freeze([]);

/** A frame's entries of one kind as handed to `Timeline.push`: a list, or a list being gathered that appends its entries to another and starts over. */
export type FrameEntries<T> = readonly T[] | { readonly length: number; moveTo(target: T[]): void };

/** The data of a frame as handed to `Timeline.push`. */
export type FrameInput = Omit<FrameData, 'index' | 'ops' | 'transfers' | 'lineSources' | 'sessions'> & {
  readonly ops: FrameEntries<Op>;
  readonly transfers: FrameEntries<Transfer>;
  readonly lineSources: FrameEntries<LineSource>;
  readonly sessions: FrameEntries<SessionInfo>;
};

/**
 * Every frame's entries of one kind (ops, transfers, ...) in one list, frame
 * after frame, and where each frame's end: a year's ~67,000 frames held
 * ~180,000 lists of one to three entries of their own, each two objects for
 * the garbage collector to copy and mark. A frame's list is cut out when read.
 */
class Column<T> {
  readonly items: T[] = [];
  /** ends[i]: where frame i's entries end in `items` (they start where frame i-1's end). */
  readonly ends: number[] = [];

  /** Append one frame's entries; returns how many. */
  add(entries: FrameEntries<T>): number {
    const items = this.items;
    const before = items.length;
    if (isList(entries)) for (let i = 0; i < entries.length; i++) items.push(entries[i]);
    else entries.moveTo(items);
    this.ends.push(items.length);
    return items.length - before;
  }

  start(frame: number): number {
    return frame === 0 ? 0 : this.ends[frame - 1];
  }

  of(frame: number): readonly T[] {
    const start = this.start(frame);
    const end = this.ends[frame];
    return start === end ? NONE : this.items.slice(start, end);
  }
}

const isList = <T>(entries: FrameEntries<T>): entries is readonly T[] => Array.isArray(entries);

export class Timeline {
  readonly frames: Frame[] = [];
  /** Index of the first frame of each step (a step that made no frame points at the next frame). */
  readonly stepStarts: number[] = [];
  private readonly snapshots: Array<{ index: number; state: WorldState }> = [];
  private opsSinceSnapshot = 0;
  private cache: { index: number; state: WorldState } | null = null;
  /** The frames' lists, by column (see Column); a frame reads its own through getters. */
  readonly columns = { ops: new Column<Op>(), transfers: new Column<Transfer>(), lineSources: new Column<LineSource>(), sessions: new Column<SessionInfo>() };
  /** Each frame's narration, its key and its parameters apart (no object per frame to hold the two). */
  readonly narrationKeys: string[] = [];
  readonly narrationParams: Array<Narration['params']> = [];
  /** Frames of this timeline: their data as own fields or read from the columns, their state read through the timeline (one class per timeline, so the getters know it). */
  private readonly FrameOf = frameClass(this);

  constructor(
    readonly scenarioId: string,
    readonly variant: string | null,
    /** The world the run used (the variant's overrides applied). */
    readonly world: World,
  ) {}

  /** Append a frame; `live` is the engine's current state after the frame's ops. */
  push(data: FrameInput, live: WorldState, copies: number): Frame {
    const index = this.frames.length;
    const c = this.columns;
    c.transfers.add(data.transfers);
    c.lineSources.add(data.lineSources);
    c.sessions.add(data.sessions);
    const ops = c.ops.add(data.ops);
    this.narrationKeys.push(data.narration.key);
    // A copy of the parameters, not the engine's own object: each of the engine's hundred-odd places that
    // tells something writes its parameters as an object literal, and were those objects kept, V8 would see
    // each literal's objects survive, allocate them in the old generation from then on and throw away the
    // optimized code of every function that inlined the literal (report, emit, ...). The copies come from a
    // spread, which has no such allocation site; the originals die young. Same keys in the same order.
    this.narrationParams.push({ ...data.narration.params });
    const frame = new this.FrameOf(data, index) as unknown as Frame;
    this.frames.push(frame);
    this.opsSinceSnapshot += ops;
    if (index === 0 || this.opsSinceSnapshot >= Math.max(MIN_OPS_BETWEEN_SNAPSHOTS, copies)) {
      this.snapshots.push({ index, state: cloneState(live) });
      this.opsSinceSnapshot = 0;
    }
    return frame;
  }

  /** The state after frame `index`, rebuilt from the nearest snapshot. Sequential reads are cheap. */
  stateAt(index: number): WorldState {
    if (index < 0 || index >= this.frames.length) throw new RangeError(`no frame ${index}`);
    if (this.cache && this.cache.index === index) return this.cache.state;
    const snap = this.nearestSnapshot(index);
    const base = this.cache && this.cache.index < index && this.cache.index >= snap.index ? this.cache : snap;
    if (base.index === index) return base.state;
    // Built on the base without changing it: only what the frames' ops touch is copied (derivedState.ts).
    const next = new DerivedState(base.state);
    const ops = this.columns.ops;
    for (let i = ops.start(base.index + 1), end = ops.ends[index]; i < end; i++) next.apply(ops.items[i]);
    this.cache = { index, state: next.state };
    return next.state;
  }

  private nearestSnapshot(index: number): { index: number; state: WorldState } {
    let lo = 0;
    let hi = this.snapshots.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.snapshots[mid].index <= index) lo = mid;
      else hi = mid - 1;
    }
    return this.snapshots[lo];
  }
}

/**
 * A frame: its time, step, label, actor and note as its own fields, set in
 * one order in the constructor so every frame shares one shape; its lists and
 * its narration read from the timeline's columns and its state rebuilt through the
 * timeline, by getters on the class's prototype (not own fields: copy a frame
 * by naming its fields, not by spreading it). `toJSON` writes every field in
 * the order frames have always listed them.
 */
function frameClass(timeline: Timeline) {
  const c = timeline.columns;
  return class TimelineFrame {
    declare readonly time: number;
    declare readonly step: number;
    declare readonly micro: number;
    declare readonly label: string;
    declare readonly actor: string;
    declare readonly index: number;
    declare readonly note?: FrameData['note'];
    constructor(data: FrameInput, index: number) {
      this.time = data.time;
      this.step = data.step;
      this.micro = data.micro;
      this.label = data.label;
      this.actor = data.actor;
      this.index = index;
      if (data.note) this.note = data.note;
    }
    get transfers(): FrameData['transfers'] {
      return c.transfers.of(this.index);
    }
    get lineSources(): FrameData['lineSources'] {
      return c.lineSources.of(this.index);
    }
    get sessions(): FrameData['sessions'] {
      return c.sessions.of(this.index);
    }
    get narration(): Narration {
      return { key: timeline.narrationKeys[this.index], params: timeline.narrationParams[this.index] };
    }
    get ops(): FrameData['ops'] {
      return c.ops.of(this.index);
    }
    get state(): WorldState {
      return timeline.stateAt(this.index);
    }
    toJSON(): object {
      const { time, step, micro, label, actor, transfers, lineSources, sessions, narration, ops, index, note } = this;
      return note ? { time, step, micro, label, actor, transfers, lineSources, sessions, narration, ops, index, note } : { time, step, micro, label, actor, transfers, lineSources, sessions, narration, ops, index };
    }
  };
}

export function frameLines(frame: Frame): ProtocolLine[] {
  const out: ProtocolLine[] = [];
  for (const src of frame.lineSources) {
    if (typeof src === 'function') out.push(...src());
    else if ('listing' in src) out.push(...expandListing(frame.state, src));
    else if ('texts' in src) src.texts.forEach((text, i) => out.push({ session: src.session, dir: src.dirs[i] as 'C' | 'S', text }));
    else out.push(src);
  }
  return out;
}

function expandListing(state: WorldState, src: ListingSource): ProtocolLine[] {
  const out: ProtocolLine[] = [];
  let seq = 0;
  for (const copy of state.places.get(src.place)?.values() ?? []) {
    seq++;
    if (copy.uid! > src.upTo) continue;
    let flags = formatFlags(copy.flags);
    if (src.recentFrom !== null && copy.uid! >= src.recentFrom) flags = flags.replace(/\)$/, copy.flags ? ' \\Recent)' : '\\Recent)');
    out.push({ session: src.session, dir: 'S', text: `* ${seq} FETCH (UID ${copy.uid} FLAGS ${flags})` });
  }
  return out;
}
