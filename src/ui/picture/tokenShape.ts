// An envelope token's drawing, written at a place. A token at rest is drawn
// where it is (its shapes carry the picture's coordinates, no `transform`): in
// Chromium every transformed element is a paint chunk of its own, and a few
// hundred of them made layerizing the page the largest part of every played
// frame. A token that travels is drawn where it lands and moved from there by
// one `transform` (render.ts), so an animation frame writes one attribute per
// token, and its landing only takes that attribute away.

/** The sizes of a token at one scale (see render.ts's envelope). */
export interface TokenShape {
  readonly key: string;
  readonly w: number;
  readonly h: number;
  /** The rings' margin around the envelope. */
  readonly ring: number;
  readonly labelY: number;
}

export type ShapedNode = SVGGElement & { __shapeAt?: string };

const n = (v: number) => String(v);

/**
 * Write the token's shapes with their centre at (x, y). The children are
 * those render.ts appends, in that order: title, pointer ring, change ring,
 * duplicate ring, body, flap, label, strike, unread dot, lost cross.
 * Written only when the place (or the scale) differs from the last time.
 */
export function writeTokenShape(node: ShapedNode, s: TokenShape, x: number, y: number): void {
  const at = `${s.key}|${x},${y}`;
  if (node.__shapeAt === at) return;
  node.__shapeAt = at;
  const [, pointer, change, dup, body, flap, label, strike, dot, cross] = Array.from(node.children);
  const ex = x - s.w / 2;
  const ey = y - s.h / 2;
  pointer?.setAttribute('cx', n(x));
  pointer?.setAttribute('cy', n(y));
  change?.setAttribute('x', n(ex - s.ring));
  change?.setAttribute('y', n(ey - s.ring));
  dup?.setAttribute('x', n(ex + 3));
  dup?.setAttribute('y', n(ey - 3));
  body?.setAttribute('x', n(ex));
  body?.setAttribute('y', n(ey));
  flap?.setAttribute('d', `M${ex},${ey}L${x},${ey + s.h * 0.42}L${x + s.w / 2},${ey}`);
  label?.setAttribute('x', n(x));
  label?.setAttribute('y', n(y + s.labelY));
  strike?.setAttribute('x1', n(ex));
  strike?.setAttribute('y1', n(y + s.h / 2));
  strike?.setAttribute('x2', n(x + s.w / 2));
  strike?.setAttribute('y2', n(ey));
  dot?.setAttribute('cx', n(x + s.w / 2));
  dot?.setAttribute('cy', n(ey));
  cross?.setAttribute('d', `M${ex},${ey}L${x + s.w / 2},${y + s.h / 2}M${x + s.w / 2},${ey}L${ex},${y + s.h / 2}`);
}
