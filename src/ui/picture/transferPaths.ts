// The path a transfer takes in the picture: a gentle arc from where the copy
// was to where it lands, with an arrowhead just short of the envelope so the
// direction can be read once the copy has arrived. Pure geometry.
import type { Point } from './geometry';

export interface TransferPath {
  /** SVG path data of the arc. */
  readonly d: string;
  /** SVG path data of the arrowhead (a closed triangle). */
  readonly arrow: string;
  /** The arc's length, for drawing it progressively with a dash. */
  readonly length: number;
}

const f = (n: number) => n.toFixed(1);

/** `stopShort`: how far before `to` the arrow's tip stays (half an envelope). */
export function transferPath(from: Point, to: Point, stopShort: number, head: number): TransferPath | null {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const dist = Math.hypot(dx, dy);
  if (dist < stopShort * 2 + 1) return null;
  // The control point sits off the middle, to the left of the direction of travel.
  const bend = Math.min(60, dist * 0.18);
  const c = { x: (from.x + to.x) / 2 - (dy / dist) * bend, y: (from.y + to.y) / 2 + (dx / dist) * bend };
  // End the arc where it meets the envelope's edge (approximately: along the end tangent).
  const tx = to.x - c.x;
  const ty = to.y - c.y;
  const tl = Math.hypot(tx, ty) || 1;
  const ux = tx / tl;
  const uy = ty / tl;
  const tip = { x: to.x - ux * stopShort, y: to.y - uy * stopShort };
  const base = { x: tip.x - ux * head, y: tip.y - uy * head };
  const left = { x: base.x - uy * head * 0.55, y: base.y + ux * head * 0.55 };
  const right = { x: base.x + uy * head * 0.55, y: base.y - ux * head * 0.55 };
  // A quadratic arc's length lies between the chord and the control polygon; their mean is close enough for a dash.
  const polygon = Math.hypot(c.x - from.x, c.y - from.y) + Math.hypot(base.x - c.x, base.y - c.y);
  const length = (polygon + Math.hypot(base.x - from.x, base.y - from.y)) / 2;
  return {
    d: `M${f(from.x)},${f(from.y)}Q${f(c.x)},${f(c.y)} ${f(base.x)},${f(base.y)}`,
    arrow: `M${f(tip.x)},${f(tip.y)}L${f(left.x)},${f(left.y)}L${f(right.x)},${f(right.y)}Z`,
    length: Math.ceil(length),
  };
}
