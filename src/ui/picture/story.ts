// What the picture emphasises so the step can be told at a glance: the copies
// that came into being or changed since the step began, the path each transfer
// of the step took (the newest drawn while it happens, the earlier ones faded),
// and where copies were removed. Pure: (scenes of the step's frames, copies
// before the step, copies now, layout) → Story.
import type { PlacedCopy } from '../../sim';
import type { Layout } from './layout';
import { tokenId, type CopiesByPlace, type Scene } from './scene';
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
  /** Token ids (place|key) new or with changed flags since the step began. */
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

// The copies before a step are the same for every frame of the step: index them once.
const keyedCache = new WeakMap<CopiesByPlace, Map<string, PlacedCopy>>();

function keyed(copies: CopiesByPlace): Map<string, PlacedCopy> {
  const known = keyedCache.get(copies);
  if (known) return known;
  const out = new Map<string, PlacedCopy>();
  keyedCache.set(copies, out);
  for (const [place, list] of copies) for (const c of list) out.set(tokenId(place, c.key), c);
  return out;
}

export function buildStory({ frames, before, now, layout }: StoryInput): Story {
  if (!before || !frames.length) return emptyStory;
  const was = keyed(before);
  const changed = new Set<string>();
  for (const [place, list] of now) {
    if (place === layout.lostPlace) continue;
    for (const c of list) {
      const id = tokenId(place, c.key);
      const old = was.get(id);
      if (!old || old.flags !== c.flags) changed.add(id);
    }
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
