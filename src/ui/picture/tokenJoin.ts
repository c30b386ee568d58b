// The join of one bin's tokens (tokenBins.ts) with their nodes, by token id, in
// plain DOM. A change typically adds one token to a bin of a hundred or more
// (a copy travelling into a crowded folder's count): d3's keyed join made a key
// for every node and datum and reordered the bin, several ms per change on a 4×
// throttled laptop. Here a node whose token is equal to the one it was drawn
// with, with the same mark and not moving, is kept as it is, and the nodes are
// moved only where their order differs.
import { isMoving, sameToken } from './binAsDrawn';
import type { TokenDatum } from './scene';

export type JoinedNode = SVGGElement & { __data__?: TokenDatum; __marked?: boolean };

/**
 * Give each token of `tokens` a node in `bin` (made by `make`, which appends
 * it), remove the nodes of tokens gone, and put the nodes in the tokens' order.
 * Returns the nodes to draw: new ones, and those whose token or mark differs or
 * that move in this frame (all of them when `all`).
 */
export function joinTokens(bin: SVGGElement, tokens: readonly TokenDatum[], marked: (d: TokenDatum) => boolean, make: (bin: SVGGElement) => SVGGElement, all: boolean): JoinedNode[] {
  const byId = new Map<string, JoinedNode>();
  for (let c = bin.firstElementChild as JoinedNode | null; c; c = c.nextElementSibling as JoinedNode | null) if (c.__data__) byId.set(c.__data__.id, c);
  const toDraw: JoinedNode[] = [];
  const nodes: JoinedNode[] = new Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const d = tokens[i];
    const mark = marked(d);
    let node = byId.get(d.id);
    if (node) byId.delete(d.id);
    else node = make(bin) as JoinedNode;
    const was = node.__data__;
    if (all || !was || node.__marked !== mark || isMoving(d) || !sameToken(was, d)) toDraw.push(node);
    node.__data__ = d;
    node.__marked = mark;
    nodes[i] = node;
  }
  for (const gone of byId.values()) gone.remove();
  // In the tokens' order (it decides which token is drawn on top): only the nodes out of place are moved.
  let at = bin.firstElementChild;
  for (const node of nodes) {
    if (at === node) at = at.nextElementSibling;
    else bin.insertBefore(node, at);
  }
  return toDraw;
}
