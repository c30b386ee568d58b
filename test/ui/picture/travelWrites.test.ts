// @vitest-environment jsdom
// A travelling token is drawn where it lands and moved there by its transform:
// its shapes are written once per change (when it starts), and its landing
// writes only the transform away. Drawn around (0,0) instead, every travelling
// token wrote its shapes' 17 attributes twice per change. Where it is on screen
// is the same at every moment: its shapes' place plus its translation.
import { describe, expect, it } from 'vitest';
import { buildScene, type CopiesByPlace } from '../../../src/ui/picture/scene';
import { positionPicture, renderPicture } from '../../../src/ui/picture/render';
import { lerp } from '../../../src/ui/picture/geometry';
import { annaAndLaptop, noEvents, pictureModel } from './pictureFixture';
import type { Transfer } from '../../../src/sim';

const layout = annaAndLaptop(20, 20);
const SERVER = 'server/anna/INBOX';
const LAPTOP = 'device/laptop/Inbox';
const list = (n: number) => Array.from({ length: n }, (_, i) => ({ mail: `m${i}`, key: `m${i}`, flags: 0 }));
const copies = (laptop: number): CopiesByPlace =>
  new Map([
    [SERVER, list(10)],
    [LAPTOP, list(laptop)],
  ]);
const fetched = (i: number): Transfer[] => [{ mail: `m${i}`, from: SERVER, to: LAPTOP, kind: 'copy', key: `m${i}` } as Transfer];

function picture() {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', 'picture-svg');
  document.body.append(svg);
  renderPicture(svg, pictureModel(layout, { scene: buildScene({ now: copies(3), before: null, transfers: [], layout }) }), 1, noEvents, 1);
  const scene = buildScene({ now: copies(4), before: copies(3), transfers: fetched(3), layout });
  renderPicture(svg, pictureModel(layout, { scene }), 0, noEvents, 0);
  const d = scene.tokens.find((t) => t.place === LAPTOP && t.mail === 'm3')!;
  const node = svg.querySelector<SVGGElement>(`g.token[data-place="${LAPTOP}"][data-mail="m3"]`)!;
  return { svg, d, node };
}

/** The envelope's centre on screen: its body's corner plus half its size, plus the token's translation. */
function centre(node: SVGGElement) {
  const body = node.querySelector('rect.token-body')!;
  const m = /translate\(([-\d.]+),([-\d.]+)\)/.exec(node.getAttribute('transform') ?? '') ?? [0, '0', '0'];
  return {
    x: Number(body.getAttribute('x')) + Number(body.getAttribute('width')) / 2 + Number(m[1]),
    y: Number(body.getAttribute('y')) + Number(body.getAttribute('height')) / 2 + Number(m[2]),
  };
}

describe('a travelling token', () => {
  it('is where its travel puts it at every moment, and rests where it lands with no transform', () => {
    const { svg, d, node } = picture();
    expect(d.from).not.toEqual(d.to);
    for (const t of [0, 0.3, 0.7, 1]) {
      positionPicture(svg, t, t, true);
      const p = lerp(d.from, d.to, t);
      expect(centre(node).x, `t = ${t}`).toBeCloseTo(p.x, 0);
      expect(centre(node).y, `t = ${t}`).toBeCloseTo(p.y, 0);
    }
    expect(node.hasAttribute('transform')).toBe(false);
  });

  it('writes its shapes when it starts, and at its landing only takes its transform away', () => {
    const { svg, node } = picture();
    positionPicture(svg, 0.5, 0.5, true);
    const observer = new MutationObserver(() => {});
    observer.observe(svg.ownerDocument, { subtree: true, attributes: true });
    positionPicture(svg, 1, 1, true);
    const landing = observer.takeRecords().filter((r) => node.contains(r.target));
    observer.disconnect();
    expect(landing.map((r) => `${(r.target as Element).getAttribute('class')} ${r.attributeName}`)).toEqual([`${node.getAttribute('class')} transform`]);
  });
});
