// How a timeline keeps its frames' lists: by column, one list per kind for all
// frames and where each frame's entries end. A year's ~67,000 frames held
// ~180,000 small lists of their own, each two objects for the garbage collector
// to copy and mark; and its ~170,000 ops, each an object of its own kept all
// year only to be read again when a frame's state is rebuilt (`EncodedColumn`).
import type { Op } from './model/ops';

/** What a frame reads where nothing of a kind happened: one shared empty list. Frozen: nobody may add to it. */
export const NONE: readonly never[] = Object.freeze([]);

/** Where a list being gathered puts its entries: an array, or a column that writes them down its own way. */
export interface EntrySink<T> {
  push(item: T): unknown;
}

/** A frame's entries of one kind as handed to `Timeline.push`: a list, or a list being gathered that hands its entries over and starts over. */
export type FrameEntries<T> = readonly T[] | { readonly length: number; moveTo(target: EntrySink<T>): void };

const isList = <T>(entries: FrameEntries<T>): entries is readonly T[] => Array.isArray(entries);

/** The columns a frame reads its lists from: its entries of frame `frame`, and where they start and end. */
export interface FrameColumn<T> {
  add(entries: FrameEntries<T>): number;
  of(frame: number): readonly T[];
}

/** Entries kept as they are, in one list for all frames; a frame's list is cut out when read. */
export class Column<T> implements FrameColumn<T> {
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

/** How an encoded column writes an entry as values and reads it back: `read` appends the entry at `at` to `out` and returns where the next begins. */
export interface Codec<T> {
  write(item: T, values: unknown[]): void;
  read(values: readonly unknown[], at: number, out: T[]): number;
}

/**
 * Entries written as plain values into one list for all frames, each read back
 * as an object of its own (equal to the one given, its fields in the same order)
 * only when a frame's list is read. The values are what the entries pointed at
 * (places, keys, copies: shared with the store and the snapshots) and small numbers,
 * so the entry objects themselves die young instead of being kept all year.
 */
export class EncodedColumn<T> implements FrameColumn<T>, EntrySink<T> {
  readonly values: unknown[] = [];
  /** valueEnds[i]: where frame i's values end in `values`. */
  readonly valueEnds: number[] = [];
  /** How many entries there are up to the end of frame i. */
  readonly ends: number[] = [];
  private count = 0;

  constructor(private readonly codec: Codec<T>) {}

  /** One entry of a list being gathered (see WorkList.moveTo). */
  push(item: T): void {
    this.codec.write(item, this.values);
    this.count++;
  }

  add(entries: FrameEntries<T>): number {
    const before = this.count;
    if (isList(entries)) for (let i = 0; i < entries.length; i++) this.push(entries[i]);
    else entries.moveTo(this);
    this.ends.push(this.count);
    this.valueEnds.push(this.values.length);
    return this.count - before;
  }

  of(frame: number): readonly T[] {
    return this.between(frame, frame);
  }

  /** The entries of frames `first` to `last`, both included, in order. */
  between(first: number, last: number): readonly T[] {
    const start = first === 0 ? 0 : this.valueEnds[first - 1];
    const end = this.valueEnds[last];
    if (start >= end) return NONE;
    const out: T[] = [];
    const values = this.values;
    for (let at = start; at < end; ) at = this.codec.read(values, at, out);
    return out;
  }
}

// An op as values: its kind's code, then its fields in the order the op lists them
// (the frame's JSON, and so the fingerprint, keeps that order). The rare kinds keep their object.
const PUT = 0;
const DEL = 1;
const META = 2;
const MAIL = 3;
const DEVICE = 4;
const SYNC = 5;
const TIME = 6;
const OTHER = 7;

export const opCodec: Codec<Op> = {
  write(o, v) {
    switch (o.op) {
      case 'put':
        v.push(PUT, o.place, o.key, o.copy);
        return;
      case 'del':
        v.push(DEL, o.place, o.key);
        return;
      case 'meta':
        v.push(META, o.place, o.meta);
        return;
      case 'mail':
        v.push(MAIL, o.info);
        return;
      case 'device':
        v.push(DEVICE, o.device, o.status);
        return;
      case 'sync':
        v.push(SYNC, o.device, o.cost);
        return;
      case 'time':
        v.push(TIME, o.time);
        return;
      default:
        v.push(OTHER, o);
    }
  },
  read(v, at, out) {
    const a = v[at + 1];
    switch (v[at] as number) {
      case PUT:
        out.push({ op: 'put', place: a as string, key: v[at + 2] as string, copy: v[at + 3] as Extract<Op, { op: 'put' }>['copy'] });
        return at + 4;
      case DEL:
        out.push({ op: 'del', place: a as string, key: v[at + 2] as string });
        return at + 3;
      case META:
        out.push({ op: 'meta', place: a as string, meta: v[at + 2] as Extract<Op, { op: 'meta' }>['meta'] });
        return at + 3;
      case MAIL:
        out.push({ op: 'mail', info: a as Extract<Op, { op: 'mail' }>['info'] });
        return at + 2;
      case DEVICE:
        out.push({ op: 'device', device: a as string, status: v[at + 2] as Extract<Op, { op: 'device' }>['status'] });
        return at + 3;
      case SYNC:
        out.push({ op: 'sync', device: a as string, cost: v[at + 2] as Extract<Op, { op: 'sync' }>['cost'] });
        return at + 3;
      case TIME:
        out.push({ op: 'time', time: a as number });
        return at + 2;
      default:
        out.push(a as Op);
        return at + 2;
    }
  },
};
