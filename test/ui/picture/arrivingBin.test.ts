// @vitest-environment jsdom
// A copy travelling into a crowded folder's count ("+N more") is drawn, in the
// player, in a small bin of its own: the folder's bin of tokens is not touched
// while copy after copy arrives. Without the option (the embed) it is drawn
// among the folder's tokens as before, and an export folds it back there.
import { describe, expect, it } from 'vitest';
import { buildScene, type CopiesByPlace } from '../../../src/ui/picture/scene';
import { positionPicture, renderPicture, type RenderOptions } from '../../../src/ui/picture/render';
import { svgText } from '../../../src/ui/picture/exportPicture';
import { annaAndLaptop, noEvents, pictureModel } from './pictureFixture';
import type { Transfer } from '../../../src/sim';

// The laptop's inbox has room for about 35 tokens: 40 copies there make a count.
const layout = annaAndLaptop(20, 6);
const SERVER = 'server/anna/INBOX';
const LAPTOP = 'device/laptop/Inbox';
const list = (n: number) => Array.from({ length: n }, (_, i) => ({ mail: `m${i}`, key: `m${i}`, flags: 0 }));
const copies = (laptop: number): CopiesByPlace =>
  new Map([
    [SERVER, list(50)],
    [LAPTOP, list(laptop)],
  ]);
const fetched = (i: number): Transfer[] => [{ mail: `m${i}`, from: SERVER, to: LAPTOP, kind: 'copy', key: `m${i}` } as Transfer];

/** Plays changes 40 → 41 → … → 44 copies in the laptop's inbox; returns the mutations inside the laptop's own bin, and the picture. */
function play(options: RenderOptions) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', 'picture-svg');
  document.body.append(svg);
  renderPicture(svg, pictureModel(layout, { scene: buildScene({ now: copies(40), before: null, transfers: [], layout }) }), 1, noEvents, 1, undefined, options);
  const bin = svg.querySelector(`.token-bin[data-bin="${LAPTOP}"]`)!;
  expect(bin.querySelectorAll('g.token').length).toBeGreaterThan(0);
  const observer = new MutationObserver(() => {});
  observer.observe(svg, { subtree: true, childList: true, attributes: true, characterData: true });
  let arriving = 0;
  for (let n = 41; n <= 44; n++) {
    const scene = buildScene({ now: copies(n), before: copies(n - 1), transfers: fetched(n - 1), layout });
    arriving += scene.tokens.filter((d) => d.overflow).length;
    renderPicture(svg, pictureModel(layout, { scene }), 0, noEvents, 0, undefined, options);
    for (const t of [0.25, 0.5, 1]) positionPicture(svg, t, t, true);
  }
  const records = observer.takeRecords();
  observer.disconnect();
  expect(arriving).toBe(4);
  return { svg, inBin: records.filter((r) => bin.contains(r.target)).length };
}

describe('copies travelling into a count', () => {
  it('in the player, leave the crowded folder’s bin untouched', () => {
    const { svg, inBin } = play({ arrivalsApart: true });
    expect(inBin).toBe(0);
    expect(svg.querySelectorAll(`.token-bin[data-bin="${LAPTOP}#arriving"] g.token[data-overflow="1"]`)).toHaveLength(1);
  });

  it('elsewhere (the embed), are drawn among the folder’s tokens as before', () => {
    const { svg, inBin } = play({});
    expect(inBin).toBeGreaterThan(0);
    expect(svg.querySelector(`.token-bin[data-bin="${LAPTOP}#arriving"]`)).toBeNull();
    expect(svg.querySelectorAll(`.token-bin[data-bin="${LAPTOP}"] g.token[data-overflow="1"]`)).toHaveLength(1);
  });

  it('in an export, are among the folder’s tokens, after them, as without the bin of their own', () => {
    const apart = svgText(play({ arrivalsApart: true }).svg);
    const together = svgText(play({}).svg);
    expect(apart).not.toMatch(/arriving|foreignObject/);
    const tokens = (text: string) => [...text.matchAll(/<g class="token[^"]*"[^>]*data-mail="(m\d+)"[^>]*data-place="([^"]+)"/g)].map((m) => `${m[2]}:${m[1]}`);
    expect(tokens(apart)).toEqual(tokens(together));
    expect(tokens(apart).at(-1)).toBe(`${LAPTOP}:m43`);
  });

  it('once landed, are hidden by display, not by the inherited visibility that restyled each of their shapes', () => {
    const { svg } = play({ arrivalsApart: true });
    const landed = svg.querySelector<SVGGElement>(`g.token[data-overflow="1"]`)!;
    expect(landed.getAttribute('display')).toBe('none');
    expect(landed.hasAttribute('visibility')).toBe(false);
    // The next arrival is shown while it travels.
    const scene = buildScene({ now: copies(45), before: copies(44), transfers: fetched(44), layout });
    renderPicture(svg, pictureModel(layout, { scene }), 0, noEvents, 0, undefined, { arrivalsApart: true });
    positionPicture(svg, 0.5, 0.5, true);
    const travelling = svg.querySelector<SVGGElement>(`g.token[data-overflow="1"]`)!;
    expect(travelling.hasAttribute('display')).toBe(false);
  });
});
