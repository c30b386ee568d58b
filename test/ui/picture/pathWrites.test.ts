// @vitest-environment jsdom
// A step's paths keep their nodes from change to change. At every played change
// the last change's path stops being current: only its class and its dashes
// change, so only they are written (its shape, written again, was parsed and
// laid out again by the browser, and its colour restyled it).
import { describe, expect, it } from 'vitest';
import { buildScene, type CopiesByPlace } from '../../../src/ui/picture/scene';
import { renderPicture } from '../../../src/ui/picture/render';
import type { PathView, Story } from '../../../src/ui/picture/story';
import { annaAndLaptop, noEvents, pictureModel } from './pictureFixture';

const layout = annaAndLaptop(20, 20);
const copies: CopiesByPlace = new Map([['server/anna/INBOX', [{ mail: 'm0', key: 'm0', flags: 0 }]]]);
const scene = buildScene({ now: copies, before: null, transfers: [], layout });

const path = (i: number, current: boolean): PathView => ({ id: `p${i}`, mail: `m${i}`, d: `M${i},0L100,${i}`, arrow: `M100,${i}l-4,-4l0,8z`, length: 100 + i, current });
const story = (paths: PathView[]): Story => ({ changed: new Set(), paths, traces: [] });

function written(svg: SVGSVGElement, draw: () => void) {
  const observer = new MutationObserver(() => {});
  observer.observe(svg, { subtree: true, attributes: true });
  draw();
  const records = observer.takeRecords();
  observer.disconnect();
  return records.map((r) => `${(r.target as Element).closest('g.transfer')?.getAttribute('data-mail')} ${(r.target as Element).getAttribute('class')?.split(' ')[0]} ${r.attributeName}`);
}

describe('a step path', () => {
  it('that stops being current has only its class and dashes written', () => {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    document.body.append(svg);
    renderPicture(svg, pictureModel(layout, { scene, story: story([path(0, true)]) }), 1, noEvents, 1);
    const writes = written(svg, () => renderPicture(svg, pictureModel(layout, { scene, story: story([path(0, false), path(1, true)]) }), 1, noEvents, 1));
    expect(writes.filter((w) => w.startsWith('m0 ')).sort()).toEqual(['m0 transfer class', 'm0 transfer-line stroke-dasharray']);
    const old = svg.querySelector('g.transfer[data-mail="m0"]')!;
    expect(old.getAttribute('class')).toBe('transfer');
    expect(old.querySelector('path.transfer-line')!.hasAttribute('stroke-dasharray')).toBe(false);
    expect(old.querySelector('path.transfer-line')!.getAttribute('d')).toBe('M0,0L100,0');
    // The new one is drawn whole.
    const now = svg.querySelector('g.transfer.is-current[data-mail="m1"]')!;
    expect(now.querySelector('path.transfer-line')!.getAttribute('stroke-dasharray')).toBe('101 101');
    expect(now.querySelector('path.transfer-head')!.getAttribute('d')).toBe('M100,1l-4,-4l0,8z');
  });
});
