// What to draw for one frame: every copy as a token with where it starts and
// where it ends, copies that just ended as fading ghosts, and counts for crowded
// folders. Pure: (copies now, copies a frame ago, transfers, layout) → Scene.
// The renderer only interpolates between `from` and `to`.
import type { PlacedCopy, Transfer } from '../../sim';
import { capacity, slotPoint, type FolderBox, type Layout } from './layout';
import type { Point } from './geometry';

export type CopiesByPlace = ReadonlyMap<string, readonly PlacedCopy[]>;

export interface TokenDatum {
  /** The join key: one copy of one mail in one place. */
  readonly id: string;
  readonly mail: string;
  readonly place: string;
  readonly flags: number;
  readonly headersOnly: boolean;
  readonly dup: number;
  readonly from: Point;
  readonly to: Point;
  /** New in this frame (fades in if it did not travel from somewhere). */
  readonly entering: boolean;
  readonly travelled: boolean;
  /** Lands in a collapsed folder: drawn while travelling, hidden once arrived. */
  readonly overflow: boolean;
}

export interface GhostDatum {
  readonly id: string;
  readonly mail: string;
  readonly flags: number;
  readonly at: Point;
  /** The copy was destroyed (disk failure), not deleted on purpose. */
  readonly destroyed: boolean;
}

export interface CountBadge {
  readonly place: string;
  readonly at: Point;
  /** Copies not drawn as tokens. */
  readonly hidden: number;
  readonly total: number;
}

export interface Scene {
  readonly tokens: readonly TokenDatum[];
  readonly ghosts: readonly GhostDatum[];
  readonly badges: readonly CountBadge[];
}

interface Placed {
  readonly copy: PlacedCopy;
  readonly place: string;
  readonly at: Point;
  readonly overflow: boolean;
}

export const tokenId = (place: string, key: string) => `${place}|${key}`;

/** Copies of the lost mails, as if they lay in the "lost" place. */
export function withLost(copies: CopiesByPlace, lost: Iterable<string>, lostPlace: string): CopiesByPlace {
  const list: PlacedCopy[] = [];
  for (const mail of lost) list.push({ mail, key: mail, flags: 0 });
  if (!list.length) return copies;
  const out = new Map(copies);
  out.set(lostPlace, list);
  return out;
}

/** One place's copies as drawn: the first `shown` in slots, the rest counted under the badge. */
interface PlaceRun {
  readonly box: FolderBox;
  readonly list: readonly PlacedCopy[];
  readonly shown: number;
  readonly badgeAt: Point;
  /** The copies drawn in slots (the first `shown` of `list`) and their token ids. */
  readonly placed: readonly Placed[];
  readonly ids: readonly string[];
  readonly badge: CountBadge | null;
  /** Where each copy key sits in `list`: made only when a change asks (see `indexOfKey`). */
  keys?: Map<string, number>;
  /** Its tokens as drawn when nothing in the place moved (see `restingTokens`). */
  resting?: readonly TokenDatum[];
}

/**
 * Only the copies drawn as tokens are placed one by one; a crowded folder's
 * other copies (a thousand in a big mailbox) stay in their list and are looked
 * up only when a change needs one (a copy that travels into or out of the count).
 */
type PlacedAll = { runs: Map<string, PlaceRun>; badges: CountBadge[] };
// Playing forward, this frame's placement is the next frame's "before": remember it.
const placedCache = new WeakMap<CopiesByPlace, WeakMap<Layout, PlacedAll>>();
// A place's list a change did not touch is the very list of the frame before (the player's
// copies keep it, copiesReused.ts): its placement is made once, not at every change.
const runCache = new WeakMap<readonly PlacedCopy[], WeakMap<FolderBox, PlaceRun>>();

function place(copies: CopiesByPlace, layout: Layout): PlacedAll {
  let perLayout = placedCache.get(copies);
  if (!perLayout) placedCache.set(copies, (perLayout = new WeakMap()));
  let placed = perLayout.get(layout);
  if (!placed) perLayout.set(layout, (placed = placeUncached(copies, layout)));
  return placed;
}

function placeUncached(copies: CopiesByPlace, layout: Layout): PlacedAll {
  const runs = new Map<string, PlaceRun>();
  const badges: CountBadge[] = [];
  for (const [p, list] of copies) {
    const box = layout.folders.get(p);
    if (!box || !list.length) continue;
    let perBox = runCache.get(list);
    if (!perBox) runCache.set(list, (perBox = new WeakMap()));
    let run = perBox.get(box);
    if (!run) perBox.set(box, (run = placeRun(p, list, box)));
    runs.set(p, run);
    if (run.badge) badges.push(run.badge);
  }
  return { runs, badges };
}

function placeRun(p: string, list: readonly PlacedCopy[], box: FolderBox): PlaceRun {
  const cap = capacity(box);
  const crowded = list.length > cap;
  // The count ("+1107") takes the last slot, or two for a long number.
  const charW = 6.5 * (box.labelH / 15);
  const badgeSlots = Math.min(cap, Math.ceil((charW * 1.5 + charW * (String(list.length).length + 1)) / box.cell));
  const shown = crowded ? Math.max(0, cap - badgeSlots) : list.length;
  const badgeAt = slotPoint(box, cap - 1);
  const placed: Placed[] = [];
  const ids: string[] = [];
  for (let i = 0; i < shown; i++) {
    placed.push({ copy: list[i], place: p, at: slotPoint(box, i), overflow: false });
    ids.push(tokenId(p, list[i].key));
  }
  const badge = crowded ? { place: p, at: badgeAt, hidden: list.length - shown, total: list.length } : null;
  return { box, list, shown, badgeAt, placed, ids, badge };
}

/** Where a copy key sits in a place's list (-1: not there). */
function indexOfKey(run: PlaceRun | undefined, key: string): number {
  if (!run) return -1;
  if (!run.keys) {
    run.keys = new Map();
    run.list.forEach((c, i) => run.keys!.set(c.key, i));
  }
  return run.keys.get(key) ?? -1;
}

/** A copy as placed in a frame, whether drawn in a slot or counted under the badge. */
function placedAt(all: PlacedAll, place: string, key: string): Placed | undefined {
  const run = all.runs.get(place);
  const i = indexOfKey(run, key);
  if (!run || i < 0) return undefined;
  return i < run.shown ? run.placed[i] : { copy: run.list[i], place, at: run.badgeAt, overflow: true };
}

/** A place's tokens when none of them moves (the place is as it was a frame ago, or the frame is not animated). */
function restingTokens(run: PlaceRun): readonly TokenDatum[] {
  return (run.resting ??= run.placed.map((p, i) => ({
    id: run.ids[i],
    mail: p.copy.mail,
    place: p.place,
    flags: p.copy.flags,
    headersOnly: !!p.copy.headersOnly,
    dup: p.copy.dup ?? 0,
    from: p.at,
    to: p.at,
    entering: false,
    travelled: false,
    overflow: false,
  })));
}

function originOf(placeId: string, layout: Layout): Point | null {
  // A queue (the MX's, or a sender's: queue/<domain>) is filled from the internet's side.
  if (placeId.startsWith('server/') || placeId === 'queue' || placeId.startsWith('queue/')) return layout.internet;
  const m = /^device\/([^/]+)\//.exec(placeId);
  if (m) return layout.deviceOrigin.get(m[1]) ?? null;
  if (placeId.startsWith('outside/')) {
    const inbox = [...layout.folders.values()].find((f) => f.region === 'server');
    return inbox ? { x: inbox.x + inbox.w / 2, y: inbox.y } : null;
  }
  return null;
}

/**
 * Where a copy comes from when its source held no copy a frame ago: a mail
 * from an outside sender is delivered from the sender's mailbox, which the
 * picture draws only when something lands there (a bounce). Its path starts
 * at that mailbox's folder if drawn, else at the senders' region.
 */
function originOfSource(from: string, layout: Layout): Point | null {
  if (!from.startsWith('outside/')) return null;
  const folder = layout.folders.get(from);
  return folder ? { x: folder.x + folder.w / 2, y: folder.y + folder.h / 2 } : layout.internet;
}

export interface SceneInput {
  readonly now: CopiesByPlace;
  /** The frame before, when the change into this frame is to be animated; null when seeking. */
  readonly before: CopiesByPlace | null;
  readonly transfers: readonly Transfer[];
  readonly layout: Layout;
}

export function buildScene({ now, before, transfers, layout }: SceneInput): Scene {
  const cur = place(now, layout);
  const prevAll = before ? place(before, layout) : null;
  // Where each mail was, per place, a frame ago: a travelling copy starts there.
  // Only the transfers' sources are needed, so only those mails are looked up.
  const prevAt = new Map<string, Point>();
  if (prevAll)
    for (const x of transfers) {
      if (!x.from) continue;
      const k = `${x.from}|${x.mail}`;
      if (prevAt.has(k)) continue;
      const run = prevAll.runs.get(x.from);
      const i = run ? run.list.findIndex((c) => c.mail === x.mail) : -1;
      if (run && i >= 0) prevAt.set(k, i < run.shown ? slotPoint(run.box, i) : run.badgeAt);
    }

  const tokens: TokenDatum[] = [];
  const add = (id: string, p: Placed) => {
    const old = prevAll ? placedAt(prevAll, p.place, p.copy.key) : undefined;
    // A copy inside a collapsed count is drawn only while it travels into it.
    if (p.overflow && (!prevAll || old)) return;
    let from = old ? old.at : p.at;
    let travelled = false;
    if (prevAll && !old) {
      const lostHere = p.place === layout.lostPlace;
      const t =
        transfers.find((x) => x.mail === p.copy.mail && x.to === p.place && x.key === p.copy.key) ??
        transfers.find((x) => x.mail === p.copy.mail && (lostHere ? x.to === null && x.from !== null : x.to === p.place));
      const source = t?.from ? prevAt.get(`${t.from}|${p.copy.mail}`) : undefined;
      const start = source ?? (t ? (t.from ? originOfSource(t.from, layout) : originOf(p.place, layout)) : null);
      if (start) {
        from = start;
        travelled = true;
      }
    }
    tokens.push({
      id,
      mail: p.copy.mail,
      place: p.place,
      flags: p.copy.flags,
      headersOnly: !!p.copy.headersOnly,
      dup: p.copy.dup ?? 0,
      from,
      to: p.at,
      entering: !!prevAll && !old,
      travelled,
      overflow: p.overflow,
    });
  };
  for (const [placeId, run] of cur.runs) {
    // Nothing moved in a place whose list is the frame before's: its tokens are as they were drawn.
    if (!prevAll || prevAll.runs.get(placeId) === run) for (const d of restingTokens(run)) tokens.push(d);
    else for (let i = 0; i < run.shown; i++) add(run.ids[i], run.placed[i]);
  }
  // The copies counted under a badge that were nowhere in that place a frame ago.
  if (prevAll)
    for (const [placeId, run] of cur.runs) {
      if (run.shown >= run.list.length) continue;
      const was = prevAll.runs.get(placeId);
      // Unchanged since the frame before (the same list): nothing entered.
      if (was && was.list === run.list) continue;
      for (let i = run.shown; i < run.list.length; i++) {
        const c = run.list[i];
        if (indexOfKey(was, c.key) < 0) add(tokenId(placeId, c.key), { copy: c, place: placeId, at: run.badgeAt, overflow: true });
      }
    }

  const ghosts: GhostDatum[] = [];
  if (prevAll) {
    for (const [placeId, was] of prevAll.runs) {
      const run = cur.runs.get(placeId);
      // The same list: every copy is still there.
      if (run === was) continue;
      for (let i = 0; i < was.shown; i++) {
        const p = was.placed[i];
        const id = was.ids[i];
        if (indexOfKey(run, p.copy.key) >= 0) continue;
        const moved = transfers.some((x) => x.kind === 'move' && x.mail === p.copy.mail && x.from === p.place && x.to !== null);
        if (moved) continue;
        const destroyed = transfers.some((x) => x.kind === 'lose' && x.mail === p.copy.mail && x.from === p.place);
        ghosts.push({ id, mail: p.copy.mail, flags: p.copy.flags, at: p.at, destroyed });
      }
    }
  }
  return { tokens, ghosts, badges: cur.badges };
}
