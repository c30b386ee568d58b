// @vitest-environment jsdom
// A token at rest is drawn where it is (no transform of its own: each
// transformed element is a paint chunk of its own in the browser). Shapes
// written at (0,0) and at a place differ by exactly the place, so a transform
// moves a token's drawing as a whole (travelWrites.test.ts: a travelling token
// is drawn where it lands and moved from there).
import { describe, expect, it } from 'vitest';
import { writeTokenShape, type ShapedNode, type TokenShape } from '../../../src/ui/picture/tokenShape';

const shape: TokenShape = { key: '20x14', w: 20, h: 14, ring: 3, labelY: 2 };
const NS = 'http://www.w3.org/2000/svg';

/** A token's children as render.ts appends them. */
function token(): ShapedNode {
  const g = document.createElementNS(NS, 'g') as ShapedNode;
  for (const [tag, cls] of [['title', ''], ['circle', 'pointer-ring'], ['rect', 'change-ring'], ['rect', 'dup-ring'], ['rect', 'token-body'], ['path', 'token-flap'], ['text', 'token-label'], ['line', 'strike'], ['circle', 'unread-dot'], ['path', 'lost-cross']]) {
    const e = g.appendChild(document.createElementNS(NS, tag));
    if (cls) e.setAttribute('class', cls);
  }
  return g;
}
const at = (g: Element, sel: string, attr: string) => Number(g.querySelector(sel)!.getAttribute(attr));

describe('token shapes', () => {
  it('at rest the shapes carry the place; travelling they sit around 0,0 (the transform adds the place)', () => {
    const rest = token();
    writeTokenShape(rest, shape, 100.5, 40);
    const moving = token();
    writeTokenShape(moving, shape, 0, 0);
    // The envelope's corner, its label, its unread dot and its strike: offset by exactly the place.
    for (const [sel, x, y] of [['rect.token-body', 'x', 'y'], ['rect.change-ring', 'x', 'y'], ['rect.dup-ring', 'x', 'y'], ['text.token-label', 'x', 'y'], ['circle.unread-dot', 'cx', 'cy'], ['circle.pointer-ring', 'cx', 'cy'], ['line.strike', 'x1', 'y1'], ['line.strike', 'x2', 'y2']]) {
      expect(at(rest, sel, x) - at(moving, sel, x)).toBeCloseTo(100.5, 9);
      expect(at(rest, sel, y) - at(moving, sel, y)).toBeCloseTo(40, 9);
    }
    expect(at(rest, 'rect.token-body', 'x')).toBe(90.5);
    expect(at(rest, 'rect.token-body', 'y')).toBe(33);
    expect(rest.querySelector('path.token-flap')!.getAttribute('d')).toBe(`M90.5,33L100.5,${33 + 14 * 0.42}L110.5,33`);
    expect(moving.querySelector('path.token-flap')!.getAttribute('d')).toBe(`M-10,-7L0,${-7 + 14 * 0.42}L10,-7`);
  });

  it('writes nothing when the token is drawn at the same place again', () => {
    const g = token();
    writeTokenShape(g, shape, 10, 20);
    const observer = new MutationObserver(() => {});
    observer.observe(g, { subtree: true, attributes: true });
    writeTokenShape(g, shape, 10, 20);
    expect(observer.takeRecords()).toEqual([]);
    writeTokenShape(g, shape, 10, 21);
    expect(observer.takeRecords().length).toBeGreaterThan(0);
    observer.disconnect();
  });
});
