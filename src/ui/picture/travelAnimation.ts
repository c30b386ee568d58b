// The travel of a change run by the browser's compositor. Chromium composites
// `transform` and `opacity` animations only on HTML elements and root <svg>
// elements, never on shapes inside an <svg>: moving a token inside the overlay
// (render.ts) made every animation frame restyle, paint and layerize on the
// main thread (18 to 26 ms on a 4× throttled laptop, more than a display frame).
// Here the tokens that travel in a change are put, at its start, into a few
// root <svg>s laid over the picture (one per way of moving: the same distance
// and the same fading), and each of those gets the change's whole travel as one
// Web Animation. A frame that only moves tokens then runs nothing on the main
// thread; the clock's phase only corrects the animations when they drift
// (pause, seek, another speed, a busy page).
import { FRAME_MS, TRAVEL_SHARE, travelProgress } from '../store/commands';

const NS = 'http://www.w3.org/2000/svg';
/** The easing of travelProgress (ease-in-out, quadratic) as CSS says it. */
const EASE = 'cubic-bezier(0.45, 0, 0.55, 1)';
/** At most this many animated groups per change: each is a layer of its own for the compositor. */
export const MAX_GROUPS = 16;
/** How far (in phase) the animations may run from the clock before they are set to it: 0.15 is 41 ms at 4×. */
const DRIFT = 0.15;

/** How a group moves: by (dx, dy) in the picture's units, and how it fades. */
export interface Motion {
  readonly dx: number;
  readonly dy: number;
  /** move: only moves; enter: fades in as it travels; overflow: vanishes on arrival; fade: fades out (a ghost). */
  readonly kind: 'move' | 'enter' | 'overflow' | 'fade';
}

/** The clock's view of the change: how far it is (0..1) and the playback speed. */
export interface TravelClock {
  readonly phase: number;
  readonly speed: number;
}

/** A rectangle in the picture's units. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** Where the picture's units fall in the overlay's box: CSS pixels per unit, and where the unit 0,0 is. */
export interface Placement {
  readonly scale: number;
  readonly x: number;
  readonly y: number;
}

const union = (a: Box, b: Box): Box => {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
};

type Group = HTMLDivElement & { __motion?: Motion; __animation?: Animation };

export const canComposite = (el: Element | null | undefined): el is Element => !!el && typeof (el as Element & { animate?: unknown }).animate === 'function';

const key = (m: Motion) => `${m.kind}|${m.dx.toFixed(1)}|${m.dy.toFixed(1)}`;

/** The motion's look at eased travel progress t, in the picture's units (also for the SVG export). */
export function motionAt(m: Motion, t: number): { dx: number; dy: number; opacity: number } {
  const opacity = m.kind === 'enter' ? t : m.kind === 'fade' ? 1 - t : m.kind === 'overflow' && t >= 1 ? 0 : 1;
  return { dx: m.dx * t, dy: m.dy * t, opacity };
}

/** The change's whole travel as keyframes over its whole duration (travel, then rest), in CSS pixels (`scale` per picture unit). */
function keyframes(m: Motion, scale: number): Keyframe[] {
  const move = (t: number) => {
    const at = motionAt(m, t);
    return { transform: `translate(${(at.dx * scale).toFixed(2)}px, ${(at.dy * scale).toFixed(2)}px)`, opacity: at.opacity };
  };
  const frames: Keyframe[] = [
    { offset: 0, easing: EASE, ...move(0) },
    // An overflowing copy is drawn until it arrives, then hidden (render.ts's placeToken).
    { offset: TRAVEL_SHARE, ...move(1), ...(m.kind === 'overflow' ? { opacity: 1 } : {}) },
  ];
  if (m.kind === 'overflow') frames.push({ offset: TRAVEL_SHARE, ...move(1) });
  frames.push({ offset: 1, ...move(1) });
  return frames;
}

/** A change's travelling nodes, animated by the compositor until stop() (nodes go back to where the caller wants them). */
export class CompositedTravel {
  private readonly groups: Group[] = [];
  private readonly animations: Animation[] = [];

  /**
   * `box`: the overlay's HTML box (the groups are laid in it, at its end); `place` says where the
   * picture's units fall in it, so a group's drawing lines up with the picture.
   */
  constructor(
    private readonly box: HTMLElement,
    private readonly place: Placement,
  ) {}

  /** Animate these nodes (of one layer) by their motions; returns the nodes it could not take (over MAX_GROUPS). */
  add<N extends Element>(layer: string, nodes: readonly { node: N; motion: Motion; at: Box }[], clock: TravelClock): N[] {
    const byMotion = new Map<string, { motion: Motion; nodes: N[]; at: Box }>();
    for (const n of nodes) {
      const k = key(n.motion);
      const g = byMotion.get(k);
      if (!g) byMotion.set(k, { motion: n.motion, nodes: [n.node], at: n.at });
      else {
        g.nodes.push(n.node);
        g.at = union(g.at, n.at);
      }
    }
    // The largest groups are animated; what is left over is moved frame by frame by the caller.
    const sorted = [...byMotion.values()].sort((a, b) => b.nodes.length - a.nodes.length);
    const left: N[] = [];
    for (const g of sorted) {
      if (this.groups.length >= MAX_GROUPS) {
        left.push(...g.nodes);
        continue;
      }
      // An HTML box around a root <svg>, only as large as what it carries: the box is what the
      // compositor moves. (A box the picture's size was painted again on every frame.)
      const group = document.createElement('div') as Group;
      group.className = 'travel-group';
      const { scale, x, y } = this.place;
      const at = g.at;
      group.style.left = `${(x + at.x * scale).toFixed(2)}px`;
      group.style.top = `${(y + at.y * scale).toFixed(2)}px`;
      group.style.width = `${(at.w * scale).toFixed(2)}px`;
      group.style.height = `${(at.h * scale).toFixed(2)}px`;
      const svg = group.appendChild(document.createElementNS(NS, 'svg'));
      svg.setAttribute('viewBox', `${at.x} ${at.y} ${at.w} ${at.h}`);
      svg.setAttribute('focusable', 'false');
      const inner = svg.appendChild(document.createElementNS(NS, 'g'));
      inner.setAttribute('class', `layer layer-${layer}`);
      for (const n of g.nodes) inner.appendChild(n);
      group.__motion = g.motion;
      this.box.appendChild(group);
      const animation = group.animate(keyframes(g.motion, scale), { duration: FRAME_MS, fill: 'both' });
      animation.playbackRate = clock.speed;
      animation.currentTime = clock.phase * FRAME_MS;
      group.__animation = animation;
      this.groups.push(group);
      this.animations.push(animation);
    }
    return left;
  }

  get size(): number {
    return this.groups.length;
  }

  /** Called on animation frames: follow the clock's speed, and its phase when the animations have drifted from it. */
  sync(clock: TravelClock): void {
    const first = this.animations[0];
    if (!first) return;
    if (first.playbackRate !== clock.speed) for (const a of this.animations) a.updatePlaybackRate(clock.speed);
    const now = Number(first.currentTime ?? 0) / FRAME_MS;
    if (Math.abs(now - clock.phase) <= DRIFT) return;
    for (const a of this.animations) a.currentTime = clock.phase * FRAME_MS;
  }

  /** End the animations and take the groups away; `home(layer, nodes)` gets the nodes back. */
  stop(home: (layer: string, nodes: Element[]) => void): void {
    for (const a of this.animations) a.cancel();
    for (const g of this.groups) {
      const inner = g.firstElementChild?.firstElementChild;
      const layer = Array.from(inner?.classList ?? []).find((c) => c.startsWith('layer-'))?.slice('layer-'.length);
      if (inner && layer) home(layer, Array.from(inner.children));
      g.remove();
    }
    this.groups.length = 0;
    this.animations.length = 0;
  }
}

/** A group's look now, in the picture's units, for the SVG export: where its animation has got to. */
export function groupNow(box: Element): { transform: string; opacity: number } | null {
  const g = box as Group;
  const timing = g.__animation?.effect?.getComputedTiming();
  if (!g.__motion || !timing) return null;
  const at = motionAt(g.__motion, travelProgress(Number(timing.progress ?? 1), false));
  return { transform: `translate(${at.dx.toFixed(1)},${at.dy.toFixed(1)})`, opacity: at.opacity };
}
