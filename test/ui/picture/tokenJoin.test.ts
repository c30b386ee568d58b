// @vitest-environment jsdom
// A change leaves the tokens it does not touch as they are: a bin whose tokens
// are all as drawn is not visited, and in a bin that gains or loses a token only
// that token's node is made or removed, the others keep their nodes untouched,
// in the tokens' order. A change of the look's context (a selected mail) still
// redraws every token.
import { describe, expect, it } from 'vitest';
import { buildScene, type CopiesByPlace } from '../../../src/ui/picture/scene';
import { renderPicture, type PictureModel } from '../../../src/ui/picture/render';
import { annaAndLaptop, noEvents, pictureModel } from './pictureFixture';
import { joinTokens } from '../../../src/ui/picture/tokenJoin';

const layout = annaAndLaptop(20, 20);

const list = (keys: string[], flags = 0) => keys.map((k) => ({ mail: k, key: k, flags }));
const copies = (server: string[], laptop: string[], laptopFlags = 0): CopiesByPlace =>
  new Map([
    ['server/anna/INBOX', list(server)],
    ['device/laptop/Inbox', list(laptop, laptopFlags)],
  ]);

function model(now: CopiesByPlace, before: CopiesByPlace | null, selectedMail: string | null = null): PictureModel {
  return pictureModel(layout, { scene: buildScene({ now, before, transfers: [], layout }), selectedMail });
}

const events = noEvents;

function drawn(now: CopiesByPlace) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  document.body.append(svg);
  renderPicture(svg, model(now, null), 1, events);
  return svg;
}

/** The nodes the render touched (made, removed, attributes written), as the places of their tokens. */
function touchedBy(svg: SVGSVGElement, draw: () => void): Element[] {
  const observer = new MutationObserver(() => {});
  observer.observe(svg, { subtree: true, childList: true, attributes: true, characterData: true });
  draw();
  const records = observer.takeRecords();
  observer.disconnect();
  return records.map((r) => (r.target as Element).closest?.('g.token') ?? (r.target as Element)).filter((n) => n.closest?.('g.layer-tokens'));
}

const mailsIn = (svg: SVGSVGElement, place: string) => [...svg.querySelectorAll(`.token-bin[data-bin="${place}"] g.token`)].map((t) => t.getAttribute('data-mail'));

describe('drawing only the tokens a change touches', () => {
  it('the same copies drawn again (new scene objects, equal tokens) touch no token node', () => {
    const svg = drawn(copies(['a', 'b', 'c'], ['a']));
    expect(touchedBy(svg, () => renderPicture(svg, model(copies(['a', 'b', 'c'], ['a']), copies(['a', 'b', 'c'], ['a'])), 1, events))).toEqual([]);
  });

  it('a copy added in one place makes its node only; the other tokens keep their nodes, untouched, in order', () => {
    const before = copies(['a', 'b', 'c'], ['a']);
    const svg = drawn(before);
    const kept = [...svg.querySelectorAll('g.token')];
    const now = copies(['a', 'b', 'c'], ['a', 'b']);
    const touched = touchedBy(svg, () => renderPicture(svg, model(now, before), 1, events));
    const fresh = svg.querySelector('.token-bin[data-bin="device/laptop/Inbox"] g.token[data-mail="b"]');
    expect(fresh).not.toBeNull();
    expect(new Set(touched.filter((n) => n.matches('g.token')))).toEqual(new Set([fresh]));
    for (const node of kept) expect(node.isConnected).toBe(true);
    expect(mailsIn(svg, 'device/laptop/Inbox')).toEqual(['a', 'b']);
  });

  it('a copy gone loses its node; a changed flag redraws that token only', () => {
    const svg = drawn(copies(['a', 'b', 'c'], ['a', 'b']));
    renderPicture(svg, model(copies(['a', 'c'], ['a', 'b']), null), 1, events);
    expect(mailsIn(svg, 'server/anna/INBOX')).toEqual(['a', 'c']);
    const touched = touchedBy(svg, () => renderPicture(svg, model(copies(['a', 'c'], ['a', 'b'], 8), null), 1, events));
    expect(new Set(touched.map((n) => n.getAttribute('data-place')))).toEqual(new Set(['device/laptop/Inbox']));
    expect([...svg.querySelectorAll('.token-bin[data-bin="device/laptop/Inbox"] g.token')].map((t) => t.getAttribute('data-flags'))).toEqual(['8', '8']);
  });

  it('a selected mail redraws every token (the others are dimmed)', () => {
    const svg = drawn(copies(['a', 'b'], ['a']));
    renderPicture(svg, model(copies(['a', 'b'], ['a']), null, 'a'), 1, events);
    expect([...svg.querySelectorAll('g.token')].map((t) => t.classList.contains('is-dimmed'))).toEqual([false, true, false]);
  });

  it('joinTokens puts the nodes in the tokens’ order, moving only those out of place', () => {
    const bin = document.createElementNS('http://www.w3.org/2000/svg', 'g');
    const make = (b: SVGGElement) => b.appendChild(document.createElementNS('http://www.w3.org/2000/svg', 'g'));
    const tok = (id: string) => ({ id, mail: id, place: 'p', flags: 0, headersOnly: false, dup: 0, from: { x: 0, y: 0 }, to: { x: 0, y: 0 }, entering: false, travelled: false, overflow: false });
    const first = joinTokens(bin, ['a', 'b', 'c'].map(tok), () => false, make, false);
    expect(first).toHaveLength(3);
    const again = joinTokens(bin, ['c', 'a', 'd'].map(tok), () => false, make, false);
    expect([...bin.children].map((n) => (n as unknown as { __data__: { id: string } }).__data__.id)).toEqual(['c', 'a', 'd']);
    // Only the new one is to be drawn: c and a are equal to what they were drawn with.
    expect(again.map((n) => n.__data__!.id)).toEqual(['d']);
    expect(first[1].isConnected).toBe(false);
  });
});
