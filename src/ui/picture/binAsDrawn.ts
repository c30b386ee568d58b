// Whether a place's bin of tokens (tokenBins.ts) is to be drawn as it already
// is. A change touches a few places; joining every bin's tokens with d3 and
// checking each token's look was most of a change's drawing on a 4× throttled
// laptop. A bin whose tokens are equal, field by field, to those it was last
// drawn with, none travelling, with the same marks and the same look context
// (selected mail, scale, mail styles) is left alone, nodes and all.
import type { TokenDatum } from './scene';

interface Drawn {
  readonly tokens: readonly TokenDatum[];
  readonly marked: readonly boolean[];
  readonly context: string;
  readonly styles: object;
}

export type BinNode = Element & { __drawn?: Drawn };

/** A token that moves in this frame: it is placed at every animation frame, so its bin is drawn. */
export const isMoving = (d: TokenDatum) => d.entering || d.overflow || d.from.x !== d.to.x || d.from.y !== d.to.y;

export const sameToken = (a: TokenDatum, b: TokenDatum) =>
  a.id === b.id &&
  a.flags === b.flags &&
  a.to.x === b.to.x &&
  a.to.y === b.to.y &&
  a.from.x === b.from.x &&
  a.from.y === b.from.y &&
  a.mail === b.mail &&
  a.headersOnly === b.headersOnly &&
  a.dup === b.dup &&
  a.entering === b.entering &&
  a.travelled === b.travelled &&
  a.overflow === b.overflow;

/**
 * True when `bin` was last drawn with equal tokens, marks and context, none of
 * them moving: it needs no drawing. Otherwise remembers these as drawn and
 * returns false.
 */
export function binAsDrawn(bin: BinNode, tokens: readonly TokenDatum[], marked: (d: TokenDatum) => boolean, context: string, styles: object): boolean {
  const was = bin.__drawn;
  const marks = tokens.map(marked);
  let same = !!was && was.context === context && was.styles === styles && was.tokens.length === tokens.length;
  for (let i = 0; same && i < tokens.length; i++) same = !isMoving(tokens[i]) && marks[i] === was!.marked[i] && sameToken(tokens[i], was!.tokens[i]);
  if (!same) bin.__drawn = { tokens, marked: marks, context, styles };
  return same;
}

