// @vitest-environment jsdom
// Playing redraws the picture on every change; only what changed is written to
// the page. A region, folder, gauge or count whose look is the same keeps its
// nodes untouched (writing an SVG text, even the same words, makes the browser
// lay it out and paint it again); a changed look, or another language, is drawn.
import { describe, expect, it } from 'vitest';
import { buildScene } from '../../../src/ui/picture/scene';
import { renderPicture, type PictureModel } from '../../../src/ui/picture/render';
import { annaAndLaptop, noEvents, pictureModel, regionsOf } from './pictureFixture';

const layout = annaAndLaptop(400, 3);

const copies = (n: number) => new Map([['server/anna/INBOX', Array.from({ length: n }, (_, i) => ({ mail: `m${i}`, key: `m${i}`, flags: 0 }))]]);

function model(n: number, lang: 'de' | 'en', subtitle = 'POP3'): PictureModel {
  return pictureModel(layout, {
    regions: regionsOf(layout, (kind) => `${kind} ${lang}`, subtitle),
    folders: [...layout.folders.values()].map((box) => ({ box, label: `${box.name} ${lang}` })),
    scene: buildScene({ now: copies(n), before: null, transfers: [], layout }),
    badgeTitle: (b) => `${b.hidden} more (${lang})`,
    description: `${n} copies`,
    lang,
  });
}

const events = noEvents;

/** Which regions, folders and counts had a text written while `draw` ran. */
function textWrites(svg: SVGSVGElement, draw: () => void): string[] {
  const observer = new MutationObserver(() => {});
  observer.observe(svg, { subtree: true, childList: true, characterData: true });
  draw();
  const records = observer.takeRecords();
  observer.disconnect();
  return records
    .map((r) => (r.target.nodeType === 1 ? (r.target as Element) : r.target.parentElement)?.closest('g.region, g.folder, g.badge')?.getAttribute('class'))
    .filter((c): c is string => !!c);
}

describe('drawing only what changed', () => {
  it('the same regions, folders and count drawn again write no text; a new count or language does', () => {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    document.body.append(svg);
    renderPicture(svg, model(300, 'en'), 1, events);
    expect(svg.querySelector('g.badge')?.getAttribute('data-count')).not.toBeNull();
    const title = svg.querySelector('g.region text.region-title')!;
    const titleText = title.firstChild;
    expect(textWrites(svg, () => renderPicture(svg, model(300, 'en'), 1, events))).toEqual([]);
    // The very node is kept, not replaced by an equal one.
    expect(title.firstChild).toBe(titleText);

    const before = Number(svg.querySelector('g.badge')!.getAttribute('data-count'));
    expect(textWrites(svg, () => renderPicture(svg, model(301, 'en'), 1, events)).length).toBeGreaterThan(0);
    expect(Number(svg.querySelector('g.badge')!.getAttribute('data-count'))).toBe(before + 1);

    renderPicture(svg, model(301, 'de'), 1, events);
    expect(svg.querySelector('g.region text.region-title')!.textContent).toMatch(/ de$/);
    expect(svg.querySelector('g.folder text')!.textContent).toMatch(/ de$/);
    expect(svg.querySelector('g.badge title')!.textContent).toMatch(/\(de\)$/);

    // A changed detail line is drawn.
    renderPicture(svg, model(301, 'de', 'IMAP'), 1, events);
    expect(svg.querySelector('g.region text.region-sub')!.textContent).toBe('IMAP');
  });
});

describe('a count going up by one', () => {
  it('writes only its number and words, not its place, its folder name or its box again', () => {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    document.body.append(svg);
    renderPicture(svg, model(300, 'en'), 1, events);
    const badge = svg.querySelector<SVGGElement>('g.badge')!;
    const observer = new MutationObserver(() => {});
    observer.observe(badge, { subtree: true, attributes: true, childList: true, characterData: true });
    renderPicture(svg, model(301, 'en'), 1, events);
    const records = observer.takeRecords();
    observer.disconnect();
    const written = records.map((r) => (r.type === 'attributes' ? r.attributeName : `${(r.target as Element).nodeName} text`)).sort();
    // The number grows from 2 to 3 digits nowhere here, so the box keeps its width.
    expect(Number(badge.getAttribute('data-count'))).toBeGreaterThan(0);
    expect(written).toEqual(['aria-label', 'data-count', 'text text', 'title text']);
    // What is shown is as a fresh drawing shows it.
    const fresh = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    document.body.append(fresh);
    renderPicture(fresh, model(301, 'en'), 1, events);
    expect(badge.outerHTML).toBe(fresh.querySelector('g.badge')!.outerHTML);
  });
});

describe('folders and counts answer through one listener on their layer', () => {
  it('a click on a folder or a count, or Enter or Space on a count, selects its place; drawing a change adds no listener to them', () => {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    document.body.append(svg);
    const chosen: string[] = [];
    const mine = { selectMail: () => {}, selectPlace: (place: string) => void chosen.push(place) };
    renderPicture(svg, model(300, 'en'), 1, mine);
    const badge = svg.querySelector<SVGGElement>('g.badge')!;
    const folder = svg.querySelector<SVGGElement>('g.folder')!;
    // Listeners added to the nodes themselves while the next change is drawn (the layer's own are replaced, not added to).
    let added = 0;
    for (const node of [badge, folder, ...badge.querySelectorAll('*'), ...folder.querySelectorAll('*')]) {
      const add = node.addEventListener.bind(node);
      node.addEventListener = ((type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) => {
        added++;
        add(type, listener, options);
      }) as typeof node.addEventListener;
    }
    renderPicture(svg, model(301, 'en'), 1, mine);
    expect(added).toBe(0);

    badge.querySelector('text')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    badge.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    badge.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
    badge.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    folder.querySelector('rect')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    const place = badge.getAttribute('data-place')!;
    expect(chosen).toEqual([place, place, place, folder.getAttribute('data-place')]);
  });
});
