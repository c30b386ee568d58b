// What the picture emphasises so the step can be told at a glance: the copies
// that came into being or changed since the step began, the path each transfer
// of the step took (the newest drawn while it happens, the earlier ones faded),
// and where copies were removed. Pure: (scenes of the step's frames, copies
// before the step, copies now, layout) → Story.
import type { PlacedCopy } from '../../sim';
import type { Layout } from './layout';
import type { CopiesByPlace, Scene } from './scene';
import { transferPath } from './transferPaths';
import type { Point } from './geometry';

export interface PathView {
  readonly id: string;
  readonly mail: string;
  readonly d: string;
  readonly arrow: string;
  readonly length: number;
  /** Made by the frame on screen (drawn while it happens); older ones of the step are faded. */
  readonly current: boolean;
}

export interface TraceView {
  readonly id: string;
  readonly mail: string;
  readonly at: Point;
}

export interface Story {
  /** Ids (place|key) of the tokens on screen that are new or have changed flags since the step began (a crowded folder's uncounted copies are no tokens). */
  readonly changed: ReadonlySet<string>;
  readonly paths: readonly PathView[];
  readonly traces: readonly TraceView[];
}

export const emptyStory: Story = { changed: new Set(), paths: [], traces: [] };

/** At most this many paths per frame and in all: a big sync is shown by a sample, not a thicket. */
export const MAX_PATHS_PER_FRAME = 40;
export const MAX_PATHS = 80;

export interface StoryInput {
  /** The step's frames so far, oldest first, each with its scene (animated: from the frame before). The last is the frame on screen. */
  readonly frames: ReadonlyArray<{ readonly index: number; readonly scene: Scene }>;
  /** Copies just before the step began; null before the first step. */
  readonly before: CopiesByPlace | null;
  readonly now: CopiesByPlace;
  readonly layout: Layout;
}

// A place's copies before a step are the same for every frame of the step: indexed once, when asked.
const keyedCache = new WeakMap<readonly PlacedCopy[], Map<string, PlacedCopy>>();

function keyed(list: readonly PlacedCopy[]): Map<string, PlacedCopy> {
  const known = keyedCache.get(list);
  if (known) return known;
  const out = new Map<string, PlacedCopy>();
  keyedCache.set(list, out);
  for (const c of list) out.set(c.key, c);
  return out;
}

/** The same copies with the same flags, in the same order: most places, at most changes (a few thousand copies in a big mailbox). */
function sameCopies(a: readonly PlacedCopy[], b: readonly PlacedCopy[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].key !== b[i].key || a[i].flags !== b[i].flags) return false;
  return true;
}

export function buildStory({ frames, before, now, layout }: StoryInput): Story {
  if (!before || !frames.length) return emptyStory;
  const changed = new Set<string>();
  // Compared place by place: a place whose copies are as they were adds nothing. In a place that
  // differs only its tokens on screen are compared, not every copy: a long sync's inbox grows to
  // a thousand copies, and making an id for each at every change was most of a change's script.
  const differs = new Map<string, ReadonlyMap<string, PlacedCopy>>();
  for (const [place, list] of now) {
    if (place === layout.lostPlace) continue;
    const old = before.get(place) ?? [];
    if (!sameCopies(list, old)) differs.set(place, keyed(old));
  }
  if (differs.size)
    for (const tk of frames[frames.length - 1].scene.tokens) {
      const was = differs.get(tk.place);
      if (!was) continue;
      const o = was.get(tk.id.slice(tk.place.length + 1));
      if (!o || o.flags !== tk.flags) changed.add(tk.id);
    }
  const sc = layout.scale;
  const paths: PathView[] = [];
  const traces: TraceView[] = [];
  const last = frames[frames.length - 1].index;
  // Newest first, so the cap keeps the frame on screen.
  for (let i = frames.length - 1; i >= 0 && paths.length < MAX_PATHS; i--) {
    const { index, scene } = frames[i];
    let n = 0;
    for (const tk of scene.tokens) {
      if (!tk.travelled || n >= MAX_PATHS_PER_FRAME || paths.length >= MAX_PATHS) continue;
      const p = transferPath(tk.from, tk.to, sc.tokenW / 2 + 2, sc.tokenH * 0.45);
      if (!p) continue;
      n++;
      paths.push({ id: `${index}|${tk.id}`, mail: tk.mail, ...p, current: index === last });
    }
    for (const g of scene.ghosts) traces.push({ id: `${index}|${g.id}`, mail: g.mail, at: g.at });
  }
  return { changed, paths: paths.reverse(), traces };
}
