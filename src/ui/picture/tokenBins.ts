// The tokens of each place are drawn in an <svg> of their own, inside a
// <foreignObject> of the picture's tokens layer. Chromium records the paint of
// SVG elements one by one and caches whole recordings only per paint layer:
// with all tokens in the picture's one <svg>, one new token re-recorded every
// envelope of the picture (20–30 ms per change on a 4× throttled laptop). A
// <foreignObject> is a paint layer of its own, so a change re-records only the
// places it touches. A token's id holds its place (scene.ts), so a
// token stays in its bin for its whole life.
// Selectors such as `svg.picture-svg g.layer-tokens g.token` still find the
// tokens (they are descendants); exportPicture.ts folds the bins back into
// plain groups, so an exported SVG has no foreignObject.
import { select, type Selection } from 'd3-selection';

const SVG_NS = 'http://www.w3.org/2000/svg';

type G = Selection<SVGGElement, unknown, null, undefined>;

/** The class of a bin's <foreignObject>, and of the group inside it that holds its tokens. */
export const BIN_CLASS = 'token-bin';
export const BIN_GROUP_CLASS = 'token-bin-tokens';

type BinNode = SVGForeignObjectElement & { __size?: string };

/**
 * The bin of the copies travelling into a place's collapsed count ("+N more"),
 * for a picture that draws them apart from the place's own tokens (the
 * player's, see render.ts): such a copy is made at its change and removed at
 * the next, and in its place's bin that re-recorded the paint of every token
 * of a crowded folder (a laptop's inbox of 140) at every change.
 */
const ARRIVING = '#arriving';
export const arrivingBin = (place: string): string => `${place}${ARRIVING}`;

/** A place's bin in the tokens layer `layer`, made when first needed, sized to the picture. */
export function tokenBin(layer: G, place: string, width: number, height: number): G {
  const layerNode = layer.node();
  if (!layerNode) return layer;
  let fo = Array.from(layerNode.children).find((c) => c.getAttribute('data-bin') === place) as BinNode | undefined;
  if (!fo) {
    const doc = layerNode.ownerDocument;
    fo = doc.createElementNS(SVG_NS, 'foreignObject') as BinNode;
    fo.setAttribute('class', BIN_CLASS);
    fo.setAttribute('data-bin', place);
    fo.setAttribute('x', '0');
    fo.setAttribute('y', '0');
    // The bin's box covers the whole picture: it takes no clicks (nor does its <svg>, which inherits this), its tokens do.
    fo.setAttribute('pointer-events', 'none');
    // No style attribute: the page's Content-Security-Policy refuses inline styles.
    const inner = fo.appendChild(doc.createElementNS(SVG_NS, 'svg'));
    const g = inner.appendChild(doc.createElementNS(SVG_NS, 'g'));
    g.setAttribute('class', BIN_GROUP_CLASS);
    g.setAttribute('pointer-events', 'visiblePainted');
    layerNode.appendChild(fo);
  }
  const size = `${width}x${height}`;
  if (fo.__size !== size) {
    fo.__size = size;
    fo.setAttribute('width', String(width));
    fo.setAttribute('height', String(height));
    const inner = fo.firstElementChild as SVGSVGElement;
    inner.setAttribute('width', String(width));
    inner.setAttribute('height', String(height));
    inner.setAttribute('viewBox', `0 0 ${width} ${height}`);
  }
  return select(fo.querySelector<SVGGElement>(`g.${BIN_GROUP_CLASS}`)!) as unknown as G;
}

/** The bins of a tokens layer, by place. */
export function tokenBinGroups(layer: Element): Map<string, SVGGElement> {
  const out = new Map<string, SVGGElement>();
  for (const fo of Array.from(layer.children)) {
    const place = fo.getAttribute('data-bin');
    const g = fo.querySelector<SVGGElement>(`g.${BIN_GROUP_CLASS}`);
    if (place !== null && g) out.set(place, g);
  }
  return out;
}

/** In a copy of the picture (for export): each bin replaced by the plain group of its tokens, in place. */
export function foldTokenBins(copy: Element): void {
  // Copies travelling into a count join their place's tokens, after them, as where they are drawn together.
  for (const fo of Array.from(copy.querySelectorAll(`.${BIN_CLASS}`))) {
    const bin = fo.getAttribute('data-bin') ?? '';
    if (!bin.endsWith(ARRIVING)) continue;
    const home = Array.from(fo.parentElement?.children ?? []).find((c) => c.getAttribute('data-bin') === bin.slice(0, -ARRIVING.length));
    const into = home?.querySelector(`g.${BIN_GROUP_CLASS}`);
    const from = fo.querySelector(`g.${BIN_GROUP_CLASS}`);
    if (!into || !from) continue;
    while (from.firstChild) into.appendChild(from.firstChild);
    fo.remove();
  }
  for (const fo of Array.from(copy.querySelectorAll(`.${BIN_CLASS}`))) {
    const g = fo.querySelector(`g.${BIN_GROUP_CLASS}`);
    if (g) {
      g.removeAttribute('pointer-events');
      fo.replaceWith(g);
    } else fo.remove();
  }
}
