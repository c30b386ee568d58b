// @vitest-environment jsdom
// While the player plays, a change is drawn in slices: its first display frame
// draws what starts to move, the rest (the regions, folder names and count
// badges, then the other bins) follows one slice per later frame. Drawn to its last
// slice it is the same picture as drawn at once; an export mid-change has it
// whole; a change that comes while slices still wait is drawn at once.
import { describe, expect, it } from 'vitest';
import { buildScene, type CopiesByPlace } from '../../../src/ui/picture/scene';
import { drawSlice, positionPicture, renderPicture, setTravelLayer, type PictureModel } from '../../../src/ui/picture/render';
import { svgText } from '../../../src/ui/picture/exportPicture';
import { annaAndLaptop, noEvents, pictureModel, regionsOf } from './pictureFixture';
import type { Transfer } from '../../../src/sim';

// The laptop's inbox has room for a few tokens only: copies arriving there join its "+N" count.
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
const ARRIVALS_APART = { arrivalsApart: true };

/** The picture with `n` copies in the laptop's inbox, the last one of them arriving, its regions' details saying `n`. */
const arrived = (n: number): PictureModel =>
  pictureModel(layout, { scene: buildScene({ now: copies(n), before: copies(n - 1), transfers: fetched(n - 1), layout }), regions: regionsOf(layout, (k) => k, `holds ${n}`) });

let overlay: SVGSVGElement | null = null;

function picture(withOverlay = false) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', 'picture-svg');
  document.body.append(svg);
  if (withOverlay) {
    const travel = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    document.body.append(travel);
    setTravelLayer(svg, travel);
    overlay = travel;
  }
  renderPicture(svg, pictureModel(layout, { scene: buildScene({ now: copies(40), before: null, transfers: [], layout }), regions: regionsOf(layout, (k) => k, 'holds 40') }), 1, noEvents, 1, false, ARRIVALS_APART);
  return svg;
}

const details = (svg: SVGSVGElement) => [...svg.querySelectorAll('text.region-sub')].map((t) => t.textContent);
const arriving = (svg: SVGSVGElement) => [...svg.querySelectorAll(`.token-bin[data-bin="${LAPTOP}#arriving"] g.token`)].map((t) => t.getAttribute('data-mail'));

describe('a change drawn while playing', () => {
  it('draws what moves in its first frame and the rest in later ones, ending as the change drawn at once', () => {
    const sliced = picture();
    const atOnce = picture();
    renderPicture(sliced, arrived(41), 0, noEvents, 0, true, ARRIVALS_APART);
    renderPicture(atOnce, arrived(41), 0, noEvents, 0, false, ARRIVALS_APART);
    // The arrival travels from its first frame; the regions wait.
    expect(arriving(sliced)).toEqual(['m40']);
    expect(new Set(details(sliced))).toEqual(new Set(['holds 40']));
    expect(new Set(details(atOnce))).toEqual(new Set(['holds 41']));
    let slices = 0;
    while (drawSlice(sliced)) slices++;
    expect(slices).toBeGreaterThanOrEqual(2);
    expect(sliced.outerHTML).toBe(atOnce.outerHTML);
  });

  it('is whole in an export taken before its last slice', () => {
    const sliced = picture();
    const atOnce = picture();
    renderPicture(sliced, arrived(41), 0.5, noEvents, 0, true, ARRIVALS_APART);
    renderPicture(atOnce, arrived(41), 0.5, noEvents, 0, false, ARRIVALS_APART);
    expect(svgText(sliced)).toBe(svgText(atOnce));
  });

  it('that comes while the last one’s slices still wait, drops them, and the third in a row is drawn at once', () => {
    const svg = picture();
    renderPicture(svg, arrived(41), 0, noEvents, 0, true, ARRIVALS_APART);
    renderPicture(svg, arrived(42), 0, noEvents, 0, true, ARRIVALS_APART);
    expect(new Set(details(svg))).toEqual(new Set(['holds 40']));
    renderPicture(svg, arrived(43), 0, noEvents, 0, true, ARRIVALS_APART);
    expect(new Set(details(svg))).toEqual(new Set(['holds 43']));
    expect(drawSlice(svg)).toBe(false);
  });

  it('takes the last arrival into a count straight out of the overlay, not back into the picture first, and gives its node to the next', () => {
    const svg = picture(true);
    renderPicture(svg, arrived(41), 0, noEvents, 0, true, ARRIVALS_APART);
    for (const t of [0.5, 1]) positionPicture(svg, t, t, true);
    while (drawSlice(svg));
    // m40 has landed in the count and waits over the picture until the next change.
    expect(svg.querySelector('g.token[data-mail="m40"]')).toBeNull();
    const landed = overlay?.querySelector('g.token[data-mail="m40"]');
    expect(landed).not.toBeNull();
    const added: string[] = [];
    const observer = new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n instanceof Element && n.matches('g.token')) added.push(n.getAttribute('data-mail') ?? '');
    });
    observer.observe(svg, { subtree: true, childList: true });
    renderPicture(svg, arrived(42), 0, noEvents, 0, true, ARRIVALS_APART);
    for (const r of observer.takeRecords()) for (const n of r.addedNodes) if (n instanceof Element && n.matches('g.token')) added.push(n.getAttribute('data-mail') ?? '');
    observer.disconnect();
    expect(added).toEqual(['m41']);
    expect(arriving(svg)).toEqual([]);
    // Gone from the picture and from over it.
    expect(svg.querySelector('g.token[data-mail="m40"]')).toBeNull();
    expect(overlay?.querySelector('g.token[data-mail="m40"]')).toBeNull();
    // Its node, made already, is the new arrival's.
    expect(overlay?.querySelector('g.token[data-mail="m41"]')).toBe(landed);
  });
});
