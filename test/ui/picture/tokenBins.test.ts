// @vitest-environment jsdom
// Each place's tokens are drawn in a bin of their own (a paint layer), so a new
// token in one place leaves the other places' nodes untouched; the exported SVG
// has the bins folded back into plain groups, with every token in it.
import { describe, expect, it } from 'vitest';
import { buildScene } from '../../../src/ui/picture/scene';
import { renderPicture, type PictureModel } from '../../../src/ui/picture/render';
import { annaAndLaptop, noEvents, pictureModel, regionsOf } from './pictureFixture';
import { svgText } from '../../../src/ui/picture/exportPicture';

const layout = annaAndLaptop(20, 20);

const copies = (server: number, laptop: number) =>
  new Map([
    ['server/anna/INBOX', Array.from({ length: server }, (_, i) => ({ mail: `m${i}`, key: `m${i}`, flags: 0 }))],
    ['device/laptop/Inbox', Array.from({ length: laptop }, (_, i) => ({ mail: `m${i}`, key: `m${i}`, flags: 0 }))],
  ]);

function model(server: number, laptop: number): PictureModel {
  return pictureModel(layout, {
    regions: regionsOf(layout, (kind) => kind, 'POP3'),
    folders: [...layout.folders.values()].map((box) => ({ box, label: box.name })),
    scene: buildScene({ now: copies(server, laptop), before: null, transfers: [], layout }),
  });
}

const events = noEvents;

function drawn(server: number, laptop: number) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', 'picture-svg');
  document.body.append(svg);
  renderPicture(svg, model(server, laptop), 1, events);
  return svg;
}

describe('a bin per place for the tokens', () => {
  it('the tokens of each place are in that place’s bin, and still found by the picture’s selectors', () => {
    const svg = drawn(3, 2);
    const bins = [...svg.querySelectorAll('g.layer-tokens > .token-bin')];
    expect(bins.map((b) => b.getAttribute('data-bin')).sort()).toEqual(['device/laptop/Inbox', 'server/anna/INBOX']);
    for (const bin of bins) for (const t of bin.querySelectorAll('g.token')) expect(t.getAttribute('data-place')).toBe(bin.getAttribute('data-bin'));
    expect(svg.querySelectorAll('g.layer-tokens g.token')).toHaveLength(5);
  });

  it('a new token in one place touches no node of another place’s bin', () => {
    const svg = drawn(3, 2);
    const server = svg.querySelector('.token-bin[data-bin="server/anna/INBOX"]')!;
    const observer = new MutationObserver(() => {});
    observer.observe(svg, { subtree: true, childList: true, attributes: true, characterData: true });
    renderPicture(svg, model(3, 3), 1, events);
    const touched = observer.takeRecords().filter((r) => server.contains(r.target));
    observer.disconnect();
    expect(touched).toEqual([]);
    expect(svg.querySelectorAll('.token-bin[data-bin="device/laptop/Inbox"] g.token')).toHaveLength(3);
  });

  it('the exported SVG has no foreignObject and every token, in the tokens layer', () => {
    const svg = drawn(3, 2);
    const text = svgText(svg);
    expect(text).not.toMatch(/foreignObject/i);
    // Every token, after the tokens layer begins and before the count badges' layer.
    const tokens = text.slice(text.indexOf('layer-tokens'), text.indexOf('layer-badges'));
    expect(tokens.match(/<g class="token[ "]/g)).toHaveLength(5);
  });
});
