// The embed's page, built with DOM calls (no framework: the embed stays small).
// Every text goes in as a text node; nothing is parsed as HTML.
import type { TFunction } from 'i18next';
import type { Panel } from './params';

export interface EmbedView {
  readonly root: HTMLElement;
  readonly title: HTMLHeadingElement;
  readonly pictureBox: HTMLDivElement;
  readonly svg: SVGSVGElement;
  readonly play: HTMLButtonElement;
  readonly back: HTMLButtonElement;
  readonly forward: HTMLButtonElement;
  readonly scrubber: HTMLInputElement;
  readonly position: HTMLOutputElement;
  readonly time: HTMLSpanElement;
  readonly note: HTMLParagraphElement;
  readonly narration: HTMLParagraphElement;
  readonly openFull: HTMLAnchorElement;
  readonly message: HTMLParagraphElement;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, parent: HTMLElement, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  parent.appendChild(e);
  return e;
}

const ICONS: Record<string, string> = { back: 'M15 6 9 12l6 6', forward: 'M9 6l6 6-6 6', play: 'M8 5v14l11-7z', pause: 'M7 5h4v14H7zM13 5h4v14h-4z' };

export function setIcon(button: HTMLButtonElement, name: keyof typeof ICONS) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'icon');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', ICONS[name]);
  svg.appendChild(path);
  button.replaceChildren(svg);
}

export function buildView(mount: HTMLElement, panels: ReadonlySet<Panel>): EmbedView {
  const root = el('div', 'mse', mount);
  const title = el('h1', 'mse-title', root, { 'data-testid': 'scenario-title' });
  title.hidden = !panels.has('title');
  const message = el('p', 'mse-message', root, { role: 'alert', 'data-testid': 'embed-message' });
  message.hidden = true;
  const pictureBox = el('div', 'mse-picture picture', root);
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', 'picture-svg');
  svg.setAttribute('data-testid', 'picture');
  pictureBox.appendChild(svg);
  const controls = el('div', 'mse-controls', root, { role: 'group' });
  controls.hidden = !panels.has('controls');
  const back = el('button', 'mse-button', controls, { type: 'button', 'data-testid': 'back' });
  const play = el('button', 'mse-button mse-play', controls, { type: 'button', 'data-testid': 'play' });
  const forward = el('button', 'mse-button', controls, { type: 'button', 'data-testid': 'forward' });
  setIcon(back, 'back');
  setIcon(forward, 'forward');
  const scrubber = el('input', 'mse-scrubber', controls, { type: 'range', min: '0', step: '1', 'data-testid': 'scrubber' });
  const position = el('output', 'mse-position', controls, { 'data-testid': 'position' });
  const story = el('section', 'mse-narration', root, { 'aria-live': 'polite' });
  story.hidden = !panels.has('narration');
  const time = el('span', 'mse-time', el('p', 'mse-when', story), { 'data-testid': 'sim-time' });
  const note = el('p', 'mse-note', story, { 'data-testid': 'note' });
  const narration = el('p', 'mse-what', story, { 'data-testid': 'narration' });
  const foot = el('p', 'mse-foot', root);
  const openFull = el('a', 'mse-open', foot, { target: '_blank', rel: 'noopener', 'data-testid': 'open-full' });
  return { root, title, pictureBox, svg, play, back, forward, scrubber, position, time, note, narration, openFull, message };
}

/** The texts that change only with the language. */
export function labelView(v: EmbedView, t: TFunction) {
  v.back.setAttribute('aria-label', t('ui.controls.back'));
  v.back.title = t('ui.controls.back');
  v.forward.setAttribute('aria-label', t('ui.controls.forward'));
  v.forward.title = t('ui.controls.forward');
  v.scrubber.setAttribute('aria-label', t('ui.controls.timeline'));
  v.openFull.textContent = t('ui.publish.player.openFull');
  v.root.querySelector('.mse-controls')?.setAttribute('aria-label', t('ui.controls.group'));
}
