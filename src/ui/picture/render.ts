// The d3 layer: draws a frame's picture into an <svg> it owns. React never
// touches these nodes. Tokens are joined by copy id, so a copy that stays keeps
// its node and a copy that travels is drawn moving from where it was.
import { select, selectAll, type Selection } from 'd3-selection';
import { fitText, lerp, wrapToFit, type Scale } from './geometry';
import { writeTokenShape, type ShapedNode, type TokenShape } from './tokenShape';
import type { FolderBox, Layout, Region } from './layout';
import type { CountBadge, GhostDatum, Scene, TokenDatum } from './scene';
import { fallbackStyle, type MailStyle } from './mailStyle';
import { ICON_PATHS, type IconKind } from './deviceIcons';
import type { PathView, Story, TraceView } from './story';
import { arrivingBin, tokenBin, tokenBinGroups } from './tokenBins';
import { binAsDrawn, isMoving, type BinNode } from './binAsDrawn';
import { joinTokens } from './tokenJoin';

export type RegionStatus = 'ok' | 'offline' | 'failed' | 'down' | 'breached' | 'idle';

export interface RegionView {
  readonly region: Region;
  readonly title: string;
  readonly subtitle: string;
  readonly status: RegionStatus;
  /** A short line shown in the region's body (webmail, empty lost place). */
  readonly note?: string;
  readonly visible: boolean;
  readonly icon: IconKind;
  /** The device that acts in this frame. */
  readonly active: boolean;
}

export interface FolderView {
  readonly box: FolderBox;
  readonly label: string;
}

export interface GaugeView {
  readonly account: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly fraction: number | null;
  readonly text: string;
  readonly level: 'ok' | 'high' | 'full';
}

export interface PictureModel {
  readonly layout: Layout;
  readonly regions: readonly RegionView[];
  readonly folders: readonly FolderView[];
  readonly gauges: readonly GaugeView[];
  readonly scene: Scene;
  readonly styles: ReadonlyMap<string, MailStyle>;
  readonly selectedMail: string | null;
  readonly story: Story;
  readonly tokenTitle: (d: TokenDatum) => string;
  readonly badgeText: (b: CountBadge) => string;
  readonly badgeTitle: (b: CountBadge) => string;
  readonly title: string;
  readonly description: string;
  /** The language the texts are in (a node drawn in the other one is drawn again). */
  readonly lang: string;
}

export interface PictureEvents {
  readonly selectMail: (mail: string) => void;
  readonly selectPlace: (place: string) => void;
}

/** The width of one character of a count badge's text (its font grows with the scale). */
export const badgeCharWidth = (sc: Scale) => 6.5 * (sc.folderLabel / 15);

type G = Selection<SVGGElement, unknown, null, undefined>;

/** The drawn node an event on a layer came from (each layer has one listener, not one per node). */
const nodeOf = <D>(ev: Event, selector: string) => (ev.target as Element | null)?.closest?.(selector) as (SVGGElement & { __data__?: D }) | null | undefined;

/**
 * The nodes whose look changed since they were last drawn. Setting an SVG
 * text's content, even to the same words, makes the browser lay the text out
 * again and repaint the picture: on a 4× throttled laptop that was most of
 * every frame while playing. `look` says everything a node's drawing depends on.
 */
function changedOnly<E extends Element, D>(sel: Selection<E, D, SVGGElement, unknown>, look: (d: D) => string): Selection<E, D, SVGGElement, unknown> {
  return sel.filter(function (d) {
    const node = this as E & { __look?: string };
    const l = look(d);
    if (node.__look === l) return false;
    node.__look = l;
    return true;
  });
}

/**
 * A layer of the picture (or of the overlay), looked for among the root's own
 * children: a search of the whole picture for the layers after the tokens went
 * through every token's nodes, at every change.
 */
function layerOf(root: Element, name: string): SVGGElement | null {
  for (let c = root.firstElementChild; c; c = c.nextElementSibling) if (c.classList.contains(`layer-${name}`)) return c as SVGGElement;
  return null;
}

type ListeningLayer = SVGGElement & { __now?: { m: PictureModel; events: PictureEvents }; __listening?: boolean };

/**
 * A layer's listeners are added once and read the model and events drawn last:
 * taking them off and adding them anew at every change (d3's .on) was a
 * noticeable part of drawing a change on a 4× throttled laptop.
 */
function listenOnce(g: G, m: PictureModel, events: PictureEvents, listen: (now: () => { m: PictureModel; events: PictureEvents }) => void) {
  const node = g.node() as ListeningLayer;
  node.__now = { m, events };
  if (node.__listening) return;
  node.__listening = true;
  listen(() => node.__now!);
}

function layer(svg: Selection<SVGSVGElement, unknown, null, undefined>, name: string): G {
  const found = layerOf(svg.node()!, name);
  return (found ? select(found) : svg.append('g').attr('class', `layer layer-${name}`)) as unknown as G;
}

/** A layer's nodes matching `selector` among its own children. */
const inLayer = <E extends Element>(root: Element, name: string, selector: string): E[] => Array.from(layerOf(root, name)?.querySelectorAll<E>(`:scope > ${selector}`) ?? []);

const style = (m: PictureModel, mail: string) => m.styles.get(mail) ?? fallbackStyle;
const has = (flags: number, bit: number) => (flags & bit) !== 0;
const SEEN = 8;
const DELETED = 4;

function drawRegions(g: G, m: PictureModel) {
  const sc = m.layout.scale;
  const joined = g
    .selectAll<SVGGElement, RegionView>('g.region')
    .data(m.regions, (d) => `${d.region.kind}/${d.region.id}`)
    .join((enter) => {
      const e = enter.append('g');
      e.append('rect').attr('class', 'region-box').attr('rx', 8);
      e.append('path').attr('class', 'region-icon').attr('aria-hidden', 'true');
      e.append('text').attr('class', 'region-title');
      e.append('text').attr('class', 'region-sub');
      e.append('text').attr('class', 'region-note');
      return e;
    });
  const sel = changedOnly(
    joined,
    (d) => `${d.region.x},${d.region.y},${d.region.w},${d.region.h}|${sc.name}|${d.title}|${d.subtitle}|${d.status}|${d.note ?? ''}|${d.visible}|${d.icon}|${d.active}`,
  );
  sel
    .attr('class', (d) => `region region-${d.region.kind} status-${d.status}${d.active ? ' is-active' : ''}`)
    .attr('data-icon', (d) => d.icon)
    .attr('data-region', (d) => `${d.region.kind}/${d.region.id}`)
    .attr('display', (d) => (d.visible ? null : 'none'));
  sel
    .select('rect')
    .attr('x', (d) => d.region.x + 0.5)
    .attr('y', (d) => d.region.y + 0.5)
    .attr('width', (d) => Math.max(0, d.region.w - 1))
    .attr('height', (d) => Math.max(0, d.region.h - 1));
  // The icon stands left of the name and details, as tall as both lines.
  const textX = (d: RegionView) => d.region.x + 8 + sc.icon + Math.round(sc.icon / 4);
  sel
    .select('path.region-icon')
    .attr('d', (d) => ICON_PATHS[d.icon])
    .attr('transform', (d) => `translate(${d.region.x + 7},${d.region.y + Math.round((sc.header - sc.icon) / 2)}) scale(${sc.icon / 24})`);
  // With room for two lines of details (the projector), the name sits higher and the details wrap.
  const twoLines = sc.subLines > 1;
  const titleRoom = (d: RegionView) => d.region.x + d.region.w - textX(d) - 4;
  const fittedTitleSize = (d: RegionView) => Math.max(Math.round(sc.titleSize * 0.8), Math.min(sc.titleSize, Math.floor(titleRoom(d) / (d.title.length * 0.58))));
  const titleY = (d: RegionView) => d.region.y + (twoLines ? sc.titleSize + 6 : Math.round(sc.header * 0.43));
  sel
    .select('text.region-title')
    .attr('x', textX)
    .attr('y', titleY)
    // A name a little too long is set up to a fifth smaller before it is shortened.
    .style('font-size', (d) => (fittedTitleSize(d) < sc.titleSize ? `${fittedTitleSize(d)}px` : null))
    .text((d) => fitText(d.title, titleRoom(d), fittedTitleSize(d), true));
  // The second line starts below the icon, at the region's left edge, so it has the whole width;
  // details still too long for two lines are set smaller (to 80 %) before anything is cut.
  const subFit = (d: RegionView) =>
    wrapToFit(d.subtitle, d.region.x + d.region.w - textX(d) - 4, sc.subSize, sc.subLines, d.region.w - 12, sc.subLines > 1 ? Math.round(sc.subSize * 0.8) : sc.subSize);
  sel
    .select('text.region-sub')
    .attr('x', textX)
    .attr('y', (d) => (twoLines ? titleY(d) + Math.round(sc.subSize * 1.3) : d.region.y + Math.round(sc.header * 0.8)))
    .attr('data-full', (d) => d.subtitle)
    .style('font-size', (d) => (subFit(d).size < sc.subSize ? `${subFit(d).size}px` : null))
    .selectAll<SVGTSpanElement, { line: string; x: number; i: number }>('tspan')
    .data((d) => subFit(d).lines.map((line, i) => ({ line, x: i === 0 ? textX(d) : d.region.x + 8, i })))
    .join('tspan')
    .attr('x', (l) => l.x)
    .attr('dy', (l) => (l.i === 0 ? 0 : '1.2em'))
    .text((l) => l.line);
  sel
    .select('text.region-note')
    .attr('x', (d) => d.region.x + 8)
    .attr('y', (d) => d.region.y + m.layout.scale.header + (d.region.kind === 'lost' ? 12 : 22))
    // A note too long for its region is set smaller rather than cut: webmail's count ends in the number that matters.
    .style('font-size', (d) => {
      const room = d.region.w - 16;
      const need = (d.note ?? '').length * sc.noteSize * 0.55;
      return need > room ? `${Math.max(10, Math.floor((sc.noteSize * room) / need))}px` : null;
    })
    .text((d) => d.note ?? '');
}

function drawFolders(g: G, m: PictureModel, events: PictureEvents) {
  const sel = g
    .selectAll<SVGGElement, FolderView>('g.folder')
    .data(m.folders, (d) => d.box.place)
    .join((enter) => {
      const e = enter.append('g').attr('class', 'folder');
      e.append('rect').attr('class', 'folder-box').attr('rx', 4);
      e.append('text').attr('class', 'folder-label');
      return e;
    });
  // One listener on the layer, not one per folder replaced at every change.
  listenOnce(g, m, events, (now) =>
    g.on('click', (ev: MouseEvent) => {
      const d = nodeOf<FolderView>(ev, 'g.folder')?.__data__;
      if (d) now().events.selectPlace(d.box.place);
    }),
  );
  const changed = changedOnly(sel, (d) => `${d.box.place}|${d.box.x},${d.box.y},${d.box.w},${d.box.h},${d.box.labelH}|${d.label}`);
  changed.attr('data-place', (d) => d.box.place);
  changed
    .select('rect')
    .attr('x', (d) => d.box.x)
    .attr('y', (d) => d.box.y)
    .attr('width', (d) => d.box.w)
    .attr('height', (d) => d.box.h);
  changed
    .select('text')
    .attr('x', (d) => d.box.x + 5)
    .attr('y', (d) => d.box.y + d.box.labelH - 4)
    .text((d) => d.label);
}

function drawGauges(g: G, m: PictureModel) {
  const k = m.layout.scale.gauge / 22;
  const joined = g
    .selectAll<SVGGElement, GaugeView>('g.gauge')
    .data(m.gauges, (d) => d.account)
    .join((enter) => {
      const e = enter.append('g').attr('class', 'gauge');
      e.append('rect').attr('class', 'gauge-track').attr('rx', 3);
      e.append('rect').attr('class', 'gauge-fill').attr('rx', 3);
      e.append('text').attr('class', 'gauge-text');
      return e;
    });
  const sel = changedOnly(joined, (d) => `${d.x},${d.y},${d.w},${k}|${d.fraction}|${d.level}|${d.text}`);
  sel.attr('class', (d) => `gauge level-${d.level}`).attr('data-account', (d) => d.account);
  sel.select('rect.gauge-track').attr('x', (d) => d.x).attr('y', (d) => d.y + 8 * k).attr('width', (d) => d.w).attr('height', 8 * k);
  sel
    .select('rect.gauge-fill')
    .attr('x', (d) => d.x)
    .attr('y', (d) => d.y + 8 * k)
    .attr('height', 8 * k)
    .attr('width', (d) => d.w * Math.min(1, d.fraction ?? 0));
  sel
    .select('text')
    .attr('x', (d) => d.x)
    .attr('y', (d) => d.y + 5 * k)
    // Beside another column (several accounts, or a move's two providers) a long address would run into it.
    .text((d) => fitText(d.text, d.w, m.layout.scale.name === 'projector' ? 17 : 10.5));
}

/** An envelope's outline, its flap, and the rings around it, for a scale. */
function envelope(sc: PictureModel['layout']['scale']) {
  const w = sc.tokenW;
  const h = sc.tokenH;
  return {
    w,
    h,
    x: -w / 2,
    y: -h / 2,
    flap: `M${-w / 2},${-h / 2}L0,${-h / 2 + h * 0.42}L${w / 2},${-h / 2}`,
    // The number sits in the lower part, below the flap's point.
    labelY: h * 0.13,
    labelSize: sc.labelSize,
  };
}

/** Draws the tokens, each place's in its bin; returns the token nodes drawn (the others were already as they are to be). */
function drawTokens(g: G, m: PictureModel, events: PictureEvents, arrivalsApart: boolean, later?: (job: Slice) => void, shape?: TokenShape, spare: TokenNode[] = []): SVGGElement[] {
  const env = envelope(m.layout.scale);
  const ring = Math.max(3, env.h * 0.18);
  // Each place's tokens in their own bin (tokenBins.ts): a change re-records the paint of the places it touches only.
  // Copies travelling into a collapsed count may have a bin of their own, so the place's bin stays as it is.
  const byPlace = new Map<string, TokenDatum[]>();
  for (const d of m.scene.tokens) {
    const bin = arrivalsApart && d.overflow ? arrivingBin(d.place) : d.place;
    let list = byPlace.get(bin);
    if (!list) byPlace.set(bin, (list = []));
    list.push(d);
  }
  for (const place of tokenBinGroups(g.node()!).keys()) if (!byPlace.has(place)) byPlace.set(place, []);
  const lost = m.layout.lostPlace;
  const changedHere = (d: TokenDatum) => m.story.changed.has(d.id);
  // One listener on the layer instead of one per token per frame. The tooltip
  // text is made when it is needed, not for every token on every frame.
  const tokenOf = (ev: Event) => nodeOf<TokenDatum>(ev, 'g.token');
  listenOnce(g, m, events, (now) =>
    g
      .on('click', (ev: MouseEvent) => {
        const node = tokenOf(ev);
        if (!node?.__data__) return;
        ev.stopPropagation();
        now().events.selectMail(node.__data__.mail);
      })
      .on('pointerover', (ev: PointerEvent) => {
        const node = tokenOf(ev);
        if (node?.__data__) select(node).select('title').text(now().m.tokenTitle(node.__data__));
      }),
  );
  // What else the tokens' look depends on (see the look below): bins drawn with the same are left alone (binAsDrawn.ts).
  const context = `${m.selectedMail ?? ''}|${m.layout.scale.name}|${env.w}x${env.h}|${lost}`;
  /** Draws a place's bin unless it is as drawn; returns whether it was drawn. */
  const drawBin = (place: string, tokens: TokenDatum[], into: SVGGElement[]): boolean => {
    const bin = tokenBin(g, place, m.layout.width, m.layout.height).node()!;
    const was = (bin as BinNode).__drawn;
    if (binAsDrawn(bin, tokens, changedHere, context, m.styles)) return false;
    const nodes = joinTokens(bin, tokens, changedHere, makeToken, was?.context !== context || was.styles !== m.styles);
    drawLook(selectAll<SVGGElement, TokenDatum>(nodes));
    into.push(...nodes);
    return true;
  };
  const drawn: SVGGElement[] = [];
  // While playing (`later`), the change's first frame draws only the bins in which a token moves; the
  // others (a mark passed on, a copy removed or flagged) follow one drawn bin per display frame.
  const waiting: [string, TokenDatum[]][] = [];
  for (const [place, tokens] of byPlace) {
    if (later && !tokens.some(isMoving)) waiting.push([place, tokens]);
    else drawBin(place, tokens, drawn);
  }
  if (later && waiting.length) {
    let next = 0;
    later(() => {
      const resting: SVGGElement[] = [];
      while (next < waiting.length && !drawBin(waiting[next][0], waiting[next++][1], resting));
      if (shape) placeResting(resting, shape);
      return next < waiting.length;
    });
  }
  return drawn;

  function makeToken(bin: SVGGElement): SVGGElement {
    // The last change's arrival into a count, gone from the picture now, is this change's arrival:
    // its parts are made already, and drawn where the new one lands (the same count), its shape too.
    const reused = spare.pop();
    if (reused) return bin.appendChild(reused);
    const e = select(bin).append('g');
    e.append('title');
    // Their places are written by tokenShape.ts (at rest where the token is, travelling around 0,0).
    // The pointer: a circle around the mail being discussed (a shape, not only a colour).
    e.append('circle').attr('class', 'pointer-ring').attr('r', env.w * 0.5 + ring + 3);
    // Changed in this step: a frame around the envelope.
    e.append('rect').attr('class', 'change-ring').attr('width', env.w + 2 * ring).attr('height', env.h + 2 * ring).attr('rx', ring);
    // A duplicate: a second envelope behind the first.
    e.append('rect').attr('class', 'dup-ring').attr('width', env.w).attr('height', env.h).attr('rx', 2);
    e.append('rect').attr('class', 'token-body').attr('width', env.w).attr('height', env.h).attr('rx', 2);
    e.append('path').attr('class', 'token-flap');
    e.append('text').attr('class', 'token-label').attr('dy', '0.35em');
    e.append('line').attr('class', 'strike');
    e.append('circle').attr('class', 'unread-dot').attr('r', Math.max(3, env.h * 0.16));
    e.append('path').attr('class', 'lost-cross');
    return e.node()!;
  }

  function drawLook(sel: Selection<SVGGElement, TokenDatum, null, undefined>) {
    // Touch only the tokens whose look changed: setting attributes on hundreds of
    // nodes every frame costs more than drawing them.
    const changed = sel.filter(function (d) {
      const node = this as SVGGElement & { __look?: string };
      // The mail too: a spare node (see makeToken) is given another mail's token.
      const look = `${d.mail}|${d.place}|${d.flags}|${d.headersOnly}|${d.dup}|${m.selectedMail === null ? '' : d.mail === m.selectedMail ? 's' : 'd'}|${d.overflow}|${style(m, d.mail).label}|${changedHere(d) ? 'c' : ''}`;
      if (node.__look === look) return false;
      node.__look = look;
      return true;
    });
    changed
      .attr('class', (d) => {
        const c = ['token'];
        if (d.place === lost) c.push('is-lost');
        if (has(d.flags, DELETED)) c.push('is-deleted');
        if (d.headersOnly) c.push('is-headers');
        if (changedHere(d)) c.push('is-changed');
        if (m.selectedMail) c.push(d.mail === m.selectedMail ? 'is-selected' : 'is-dimmed');
        return c.join(' ');
      })
      .attr('data-mail', (d) => d.mail)
      .attr('data-place', (d) => d.place)
      .attr('data-flags', (d) => d.flags)
      .attr('data-overflow', (d) => (d.overflow ? '1' : null));
    const fill = (d: TokenDatum) => (d.headersOnly ? '#fff' : style(m, d.mail).fill);
    changed
      .select('rect.token-body')
      .attr('fill', fill)
      .attr('stroke', (d) => (d.headersOnly ? style(m, d.mail).fill : '#222'));
    changed.select('path.token-flap').attr('stroke', (d) => (d.headersOnly ? style(m, d.mail).fill : style(m, d.mail).text === '#000' ? '#000' : '#fff'));
    changed.select('rect.dup-ring').attr('display', (d) => (d.dup > 0 ? null : 'none')).attr('fill', fill);
    changed.select('rect.change-ring').attr('display', (d) => (changedHere(d) ? null : 'none'));
    changed.select('circle.pointer-ring').attr('display', (d) => (d.mail === m.selectedMail ? null : 'none'));
    changed
      .select('text')
      .style('font-size', (d) => {
        const n = style(m, d.mail).label.length;
        return `${env.labelSize * (n > 3 ? 0.62 : n > 2 ? 0.8 : 1)}px`;
      })
      // The halo in the envelope's own colour keeps the number clear of the flap's lines.
      .attr('stroke', fill)
      .attr('fill', (d) => (d.headersOnly ? '#000' : style(m, d.mail).text))
      .text((d) => style(m, d.mail).label);
    changed.select('line.strike').attr('display', (d) => (has(d.flags, DELETED) ? null : 'none'));
    changed.select('circle.unread-dot').attr('display', (d) => (d.place !== lost && !d.place.startsWith('outside/') && !d.place.startsWith('backup/') && d.place !== 'intruder' && d.place !== 'queue' && !d.place.startsWith('queue/') && !has(d.flags, SEEN) ? null : 'none'));
    changed.select('path.lost-cross').attr('display', (d) => (d.place === lost ? null : 'none'));
  }
}

function drawGhosts(g: G, m: PictureModel) {
  const env = envelope(m.layout.scale);
  g.selectAll<SVGGElement, GhostDatum>('g.ghost')
    .data(m.scene.ghosts, (d) => d.id)
    .join((enter) => {
      const e = enter.append('g');
      e.append('rect').attr('x', env.x).attr('y', env.y).attr('width', env.w).attr('height', env.h).attr('rx', 2);
      e.append('text').attr('dy', '0.35em').attr('y', env.labelY);
      return e;
    })
    .attr('class', (d) => `ghost${d.destroyed ? ' is-destroyed' : ''}`)
    .attr('data-mail', (d) => d.mail)
    .call((s) => s.select('rect').attr('fill', (d) => style(m, d.mail).fill))
    .call((s) =>
      s
        .select('text')
        .style('font-size', `${env.labelSize}px`)
        .attr('fill', (d) => style(m, d.mail).text)
        .text((d) => style(m, d.mail).label),
    );
}

/** Where copies were removed in this step: an empty dashed envelope. */
function drawTraces(g: G, m: PictureModel) {
  const env = envelope(m.layout.scale);
  g.selectAll<SVGRectElement, TraceView>('rect.trace')
    .data(m.story.traces, (d) => d.id)
    .join((enter) => enter.append('rect').attr('class', 'trace').attr('x', env.x).attr('y', env.y).attr('width', env.w).attr('height', env.h).attr('rx', 2))
    .attr('data-mail', (d) => d.mail)
    .attr('transform', (d) => `translate(${d.at.x},${d.at.y})`)
    .attr('stroke', (d) => style(m, d.mail).fill);
}

/** The path of each transfer of the step: the newest drawn as it happens, older ones faded. */
function drawPaths(g: G, m: PictureModel) {
  const sel = g
    .selectAll<SVGGElement, PathView>('g.transfer')
    .data(m.story.paths, (d) => d.id)
    .join((enter) => {
      const e = enter.append('g');
      e.append('path').attr('class', 'transfer-line');
      e.append('path').attr('class', 'transfer-head');
      return e;
    });
  // A path keeps its node from change to change: rewrite only what differs. At every change the last
  // change's path stops being current: only its class and dashes change, not its shape or colour
  // (a `d` written again, even the same, is parsed and laid out again).
  changedOnly(sel, (d) => `${d.current}|${d.mail}|${d.d}|${d.arrow}|${d.length}|${style(m, d.mail).fill}`).each(function (d) {
    const g = this as PathNode;
    const written = (g.__written ??= {});
    const line = (g.__line ??= g.querySelector<SVGPathElement>(':scope > path.transfer-line'));
    const head = (g.__head ??= g.querySelector<SVGPathElement>(':scope > path.transfer-head'));
    const fill = style(m, d.mail).fill;
    writeOnce(written, g, 'class', `transfer${d.current ? ' is-current' : ''}`);
    writeOnce(written, g, 'data-mail', d.mail);
    writeOnce(written, line, 'd', d.d, 'line ');
    writeOnce(written, line, 'stroke', fill, 'line ');
    writeOnce(written, line, 'stroke-dasharray', d.current ? `${d.length} ${d.length}` : null, 'line ');
    writeOnce(written, head, 'd', d.arrow, 'head ');
    writeOnce(written, head, 'fill', fill, 'head ');
  });
}

/** A path of the step, its two parts found once, with the attributes last written to it (see drawPaths). */
type PathNode = SVGGElement & { __written?: Record<string, string | null>; __line?: SVGPathElement | null; __head?: SVGPathElement | null };

/** Sets (or, for null, removes) an attribute unless it was last written so; `written` remembers it under `part + name`. */
function writeOnce(written: Record<string, string | null>, node: Element | null, name: string, value: string | null, part = '') {
  const key = part + name;
  if (!node || (key in written && written[key] === value)) return;
  written[key] = value;
  if (value === null) node.removeAttribute(name);
  else node.setAttribute(name, value);
}

function drawBadges(g: G, m: PictureModel, events: PictureEvents) {
  const CELL = m.layout.scale.cell;
  const charW = badgeCharWidth(m.layout.scale);
  const sel = g
    .selectAll<SVGGElement, CountBadge>('g.badge')
    .data(m.scene.badges, (d) => d.place)
    .join((enter) => {
      const e = enter.append('g').attr('class', 'badge').attr('tabindex', 0).attr('role', 'button');
      e.append('title');
      e.append('rect')
        .attr('y', -CELL / 2 + 1)
        .attr('height', CELL - 2)
        .attr('rx', 5);
      e.append('text').attr('text-anchor', 'end').attr('x', CELL / 2 - 4).attr('dy', '0.35em');
      return e;
    });
  // One listener on the layer for clicks, Enter and Space, not one per badge replaced at every change.
  listenOnce(g, m, events, (now) =>
    g.on('click keydown', (ev: Event) => {
      const d = nodeOf<CountBadge>(ev, 'g.badge')?.__data__;
      const key = ev.type === 'keydown' ? (ev as KeyboardEvent).key : ' ';
      if (!d || (key !== 'Enter' && key !== ' ')) return;
      ev.preventDefault();
      ev.stopPropagation();
      now().events.selectPlace(d.place);
    }),
  );
  // The title names the folder in words: made only when the badge changed (or the language did).
  const changed = changedOnly(sel, (d) => `${d.place}|${d.hidden}|${d.total}|${d.at.x},${d.at.y}|${CELL}|${m.lang}`);
  // Each badge's words are made once (they go through the translations and number formats).
  // While playing, a crowded folder's count goes up by one at a change: only its number and words
  // are written, not its place and box again (each write is a mutation the browser restyles).
  changed.each(function (d) {
    const title = m.badgeTitle(d);
    const text = m.badgeText(d);
    const g = this as BadgeNode;
    const written = (g.__written ??= {});
    const write = (node: Element | null, name: string, value: string) => {
      if (!node || written[name] === value) return;
      written[name] = value;
      node.setAttribute(name, value);
    };
    const say = (node: Element | null, name: string, value: string) => {
      if (!node || written[name] === value) return;
      written[name] = value;
      node.textContent = value;
    };
    write(g, 'data-place', d.place);
    write(g, 'data-count', String(d.hidden));
    write(g, 'aria-label', title);
    write(g, 'transform', `translate(${d.at.x},${d.at.y})`);
    say(g.querySelector(':scope > title'), 'title', title);
    say(g.querySelector(':scope > text'), 'text', text);
    // Right-aligned on the last slot, as wide as its number.
    const w = charW * 1.5 + charW * text.length;
    const rect = g.querySelector(':scope > rect');
    write(rect, 'x', String(CELL / 2 - 1 - w));
    write(rect, 'width', String(w));
  });
}

/** A count badge, with the attributes and texts last written to it (see drawBadges). */
type BadgeNode = SVGGElement & { __written?: Record<string, string> };

/** What does not move while a change plays: the picture's title, regions, gauges, folder names and count badges. */
function drawSurroundings(svgEl: SVGSVGElement, m: PictureModel, events: PictureEvents) {
  const svg = select(svgEl);
  const node = svgEl as SVGSVGElement & { __title?: string };
  let title = svg.select<SVGTitleElement>('title.picture-title');
  if (title.empty()) title = svg.insert<SVGTitleElement>('title', ':first-child').attr('class', 'picture-title');
  const words = `${m.title}. ${m.description}`;
  if (node.__title !== words || title.text() !== words) {
    node.__title = words;
    title.text(words);
  }
  drawRegions(layer(svg, 'regions'), m);
  drawGauges(layer(svg, 'gauges'), m);
  drawFolders(layer(svg, 'folders'), m, events);
  drawBadges(layer(svg, 'badges'), m, events);
}

/** The picture's layers, bottom to top. */
const LAYERS = ['regions', 'links', 'gauges', 'folders', 'traces', 'paths', 'ghosts', 'tokens', 'badges'] as const;

/**
 * Draw a frame's picture (structure, texts, tokens) at travel progress `t`.
 * `sliced`, while playing: the change's first display frame draws what starts to
 * move (paths, ghosts, traces, the bins in which a token moves); the rest waits
 * in slices, one drawn per later display frame by drawSlice (the title, regions,
 * gauges, folder names and count badges; then the other bins, one drawn bin a slice). Drawing a change at once took a 4× throttled laptop
 * several display frames. Paused, stepping or seeking, everything is drawn at once.
 */
export interface RenderOptions {
  /**
   * Copies travelling into a collapsed count are drawn in a bin of their own
   * (tokenBins.ts's arrivingBin), not among their place's tokens. The player
   * does this; the embed and the exports draw as before (an export folds them back).
   */
  readonly arrivalsApart?: boolean;
}

export function renderPicture(svgEl: SVGSVGElement, m: PictureModel, t: number, events: PictureEvents, fade = 1, sliced = false, options: RenderOptions = {}): void {
  const svg = select(svgEl);
  const pic = svgEl as PictureNode;
  // Slices of the last change still waiting are dropped, not drawn: a bin is compared with what it
  // was last drawn with, and the surroundings are drawn from this change's model. A third change
  // in a row that finds slices waiting is drawn at once, so a machine too slow to draw them within
  // a change still draws them now and then. (Drawn at once at the first, a loaded laptop drew the
  // whole change in one frame more often than before the slices.)
  const dropped = (pic.__slices?.length ?? 0) > 0 ? (pic.__dropped ?? 0) + 1 : 0;
  const slices: Slice[] = (pic.__slices = []);
  const later = sliced && dropped < 2 ? (job: Slice) => void slices.push(job) : undefined;
  pic.__dropped = later ? dropped : 0;
  // Travellers of the last change come home first, so the join finds every token where it keeps them.
  bringHome(svgEl, true);
  // The paths and ghosts each animation frame moves are looked up anew for this change.
  pic.__found = undefined;
  // The <svg>'s own attributes are written only when they change: every write,
  // even of the same value, is a mutation that observers of the picture (the
  // profile labels, which then measure the page) react to.
  const box = `${m.layout.scale.name}|${m.layout.width}|${m.layout.height}`;
  const node = svgEl as SVGSVGElement & { __box?: string };
  if (node.__box !== box) {
    node.__box = box;
    svg
      .classed('scale-projector', m.layout.scale.name === 'projector')
      .attr('viewBox', `0 0 ${m.layout.width} ${m.layout.height}`)
      .attr('width', m.layout.width)
      .attr('height', m.layout.height)
      .attr('role', 'img');
    const travel = pic.__travel;
    if (travel) {
      // The overlay's box carries the picture's classes (the stylesheet's rules for tokens start there).
      travel.parentElement?.classList.toggle('scale-projector', m.layout.scale.name === 'projector');
      // Its size is the picture's box (CSS), so it scales as the picture does (the presenter's fitted picture).
      travel.setAttribute('viewBox', `0 0 ${m.layout.width} ${m.layout.height}`);
    }
  }
  // Every layer exists, in order, before any is drawn (some may be drawn a frame later).
  // The links layer stays empty: lines between regions are no longer drawn, and the layers' order and the exported SVG stay as they were.
  for (const name of LAYERS) layer(svg, name);
  drawTraces(layer(svg, 'traces'), m);
  drawPaths(layer(svg, 'paths'), m);
  drawGhosts(layer(svg, 'ghosts'), m);
  const shape = (pic.__shape = tokenShape(m.layout.scale));
  // While playing, the surroundings come in the next display frame (as one slice: more slices were
  // more often dropped by the next change on a loaded laptop), the bins not moving after them.
  const rest = () => drawSurroundings(svgEl, m, events);
  if (later) later(rest);
  const drawnTokens = drawTokens(layer(svg, 'tokens'), m, events, options.arrivalsApart ?? false, later, shape, pic.__spare ?? []);
  pic.__spare = undefined;
  if (!later) rest();
  settleTokens(svgEl, drawnTokens);
  positionPicture(svgEl, t, fade);
}

/** A part of a change drawn in a later display frame; true when it has more to draw in the next. */
type Slice = () => boolean | void;

/** Draws the next waiting slice of the change (see renderPicture); false when none waits. */
export function drawSlice(svgEl: SVGSVGElement): boolean {
  const slices = (svgEl as PictureNode).__slices;
  if (!slices?.length) return false;
  if (!slices[0]()) slices.shift();
  return true;
}

/** Draws every waiting slice (an export mid-change shows the change whole). */
export function drawAllSlices(svgEl: SVGSVGElement): void {
  while (drawSlice(svgEl));
}

/**
 * The newest paths: drawn along with the travelling copy (t), then faded as the
 * frame rests (`fade` 0 → 1). Older paths of the step keep their faded look (CSS).
 */
function positionPaths(svgEl: SVGSVGElement, t: number, fade: number) {
  const current = inBoth<SVGGElement, PathView>(svgEl, 'paths', 'g.transfer.is-current');
  if (current.empty()) return;
  const opacity = (t < 1 ? 1 : 1 - 0.45 * fade).toFixed(2);
  // Plain DOM over the nodes found once per change, and only what differs from the last frame:
  // a burst's step has many paths, and every write (even of the same value) restyles the node.
  current.each(function (d) {
    const g = this as SVGGElement & { __opacity?: string; __offset?: string; __headHidden?: boolean; __line?: SVGPathElement | null; __head?: SVGPathElement | null };
    const offset = (d.length * (1 - t)).toFixed(1);
    // A path's two parts are made with it and never replaced: looked up once, not on every animation frame.
    const line = (g.__line ??= g.querySelector<SVGPathElement>(':scope > path.transfer-line'));
    const head = (g.__head ??= g.querySelector<SVGPathElement>(':scope > path.transfer-head'));
    // Each attribute is written only when it differs from the last frame's (the line grows every frame, the rest seldom).
    if (g.__opacity !== opacity) {
      g.__opacity = opacity;
      g.setAttribute('opacity', opacity);
    }
    if (g.__offset !== offset) {
      g.__offset = offset;
      line?.setAttribute('stroke-dashoffset', offset);
    }
    if (g.__headHidden !== t < 1) {
      g.__headHidden = t < 1;
      if (t < 1) head?.setAttribute('visibility', 'hidden');
      else head?.removeAttribute('visibility');
    }
  });
}

type TokenNode = ShapedNode & { __at?: string; __data__?: TokenDatum; __opacity?: string | null; __hidden?: boolean; __transform?: string | null };
/** A node drawn over the picture while its change plays, and the parent it came from. */
type HomedNode = ChildNode & { __home?: ParentNode | null };
type PictureNode = SVGSVGElement & { __slices?: Slice[]; __dropped?: number; __spare?: TokenNode[]; __shape?: TokenShape; __movers?: TokenNode[]; __travel?: SVGSVGElement; __away?: boolean; __found?: Map<string, Element[]> };

/**
 * A second, empty <svg> laid over the picture (same size, no pointer events):
 * while a change plays, its few travelling tokens (and its paths) are drawn there. Moving a
 * token inside the picture made the browser repaint the whole picture (a few
 * hundred envelopes) on every animation frame; moving it over the picture
 * repaints only the overlay. At rest they are back in the picture, in order.
 */
export function setTravelLayer(svgEl: SVGSVGElement, travel: SVGSVGElement | null): void {
  (svgEl as PictureNode).__travel = travel ?? undefined;
}

/** What is drawn over the picture while a change plays: its current paths, the ghosts, the travelling tokens (bottom to top). */
const AWAY = ['paths', 'ghosts', 'tokens'] as const;

function awayNodes(svgEl: SVGSVGElement): Map<string, Element[]> {
  const node = svgEl as PictureNode;
  return new Map<string, Element[]>([
    ['paths', inLayer(svgEl, 'paths', 'g.transfer.is-current')],
    ['ghosts', inLayer(svgEl, 'ghosts', 'g.ghost')],
    ['tokens', node.__movers ?? []],
  ]);
}

/**
 * Brings what was drawn over the picture back into it. `drawing`, before a new change is drawn:
 * a copy that travelled into a collapsed count leaves the picture now (it is one of the count's
 * "+N"), so it is taken straight out of the overlay instead of going home only for the join to
 * remove it (each node put into the picture restyles its whole subtree). It is kept as a spare
 * for the change's new arrival (see drawTokens).
 */
function bringHome(svgEl: SVGSVGElement, drawing = false) {
  const node = svgEl as PictureNode;
  const travel = node.__travel;
  if (!node.__away || !travel) return;
  node.__away = false;
  for (const name of AWAY) {
    const home = layerOf(svgEl, name);
    const away = layerOf(travel, name);
    // Each goes back where it was sent from (a token to its place's bin, tokenBins.ts). The join puts them
    // back in their order at the next change; until then the order only decides who is on top.
    if (home && away)
      while (away.firstChild) {
        const n = away.firstChild as HomedNode & TokenNode;
        if (drawing && n.__data__?.overflow) {
          n.remove();
          (node.__spare ??= []).push(n);
        } else (n.__home?.isConnected ? n.__home : home).appendChild(n);
      }
  }
}

function sendAway(svgEl: SVGSVGElement) {
  const node = svgEl as PictureNode;
  const travel = node.__travel;
  if (node.__away || !travel || !travel.isConnected) return;
  const nodes = awayNodes(svgEl);
  if (![...nodes.values()].some((l) => l.length)) return;
  node.__away = true;
  for (const name of AWAY) {
    let g: Element | null = layerOf(travel, name);
    if (!g) {
      g = travel.appendChild(document.createElementNS('http://www.w3.org/2000/svg', 'g'));
      g.setAttribute('class', `layer layer-${name}`);
    }
    for (const n of nodes.get(name) ?? []) {
      (n as HomedNode).__home = n.parentNode;
      g.appendChild(n);
    }
  }
}

/** A layer's nodes wherever they are drawn now: in the picture or over it. */
function inBoth<E extends Element, D>(svgEl: SVGSVGElement, name: string, selector: string) {
  const node = svgEl as PictureNode;
  // Found once per drawn change (renderPicture clears it), not on every animation frame.
  const found = (node.__found ??= new Map<string, Element[]>());
  const key = `${name}|${selector}`;
  let nodes = found.get(key);
  if (!nodes) {
    const travel = node.__travel;
    nodes = [...inLayer<E>(svgEl, name, selector), ...(travel ? inLayer<E>(travel, name, selector) : [])];
    found.set(key, nodes);
  }
  return selectAll<E, D>(nodes as E[]);
}


/** A token's sizes at a scale, for tokenShape.ts. */
function tokenShape(sc: Scale): TokenShape {
  const env = envelope(sc);
  return { key: `${env.w}x${env.h}`, w: env.w, h: env.h, ring: Math.max(3, env.h * 0.18), labelY: env.labelY };
}

/**
 * Place one token at travel progress t: a token at rest, or arrived (t = 1), is
 * drawn where it is (no transform, see tokenShape.ts); one that travels is drawn
 * where it lands and moved from there by a transform. Its shapes are so written
 * once per change, at its start, not once more where it lands: a travelling
 * token's landing writes only its transform away.
 */
function placeToken(node: TokenNode, d: TokenDatum, t: number, shape: TokenShape, resting: boolean) {
  // Where it rests once arrived, to a tenth of a pixel, as a token at rest is drawn.
  const end = lerp(d.from, d.to, 1);
  const x = Number(end.x.toFixed(1));
  const y = Number(end.y.toFixed(1));
  writeTokenShape(node, shape, x, y);
  const p = resting ? null : lerp(d.from, d.to, t);
  const transform = p ? `translate(${(p.x - x).toFixed(1)},${(p.y - y).toFixed(1)})` : null;
  // Written only when it differs from the last frame's (a token waiting at its start does not move).
  if (node.__transform !== transform) {
    node.__transform = transform;
    if (transform === null) node.removeAttribute('transform');
    else node.setAttribute('transform', transform);
  }
  const opacity = d.overflow ? (t >= 1 ? '0' : '1') : d.entering && !d.travelled && t < 1 ? String(t) : null;
  const hidden = d.overflow && t >= 1;
  // Written only when they differ from the last frame's: a write of the same value still restyles the node.
  if (node.__opacity !== opacity) {
    node.__opacity = opacity;
    if (opacity === null) node.removeAttribute('opacity');
    else node.setAttribute('opacity', opacity);
  }
  // Hidden by `display`, not `visibility`: visibility is inherited, so hiding the token restyled
  // each of its eleven shapes as well; a token not displayed has no styles below it to work out.
  if (node.__hidden !== hidden) {
    node.__hidden = hidden;
    if (hidden) node.setAttribute('display', 'none');
    else node.removeAttribute('display');
  }
}

/**
 * After a change is drawn: resting tokens are placed once (when new or when
 * their slot changed), and the tokens that travel in this change are
 * remembered, so each animation frame touches only those few.
 */
function settleTokens(svgEl: SVGSVGElement, drawn: readonly SVGGElement[]) {
  const shape = (svgEl as PictureNode).__shape;
  if (!shape) return;
  (svgEl as PictureNode).__movers = placeResting(drawn, shape);
}

/** Places the resting tokens among `drawn` (only those new or moved to another slot); returns the moving ones. */
function placeResting(drawn: readonly SVGGElement[], shape: TokenShape): TokenNode[] {
  const movers: TokenNode[] = [];
  // Only the tokens drawn now: the others neither travel nor changed their slot (tokenJoin.ts).
  for (const el of drawn) {
    const node = el as TokenNode;
    const d = node.__data__;
    if (!d) continue;
    if (isMoving(d)) {
      node.__at = '';
      movers.push(node);
      continue;
    }
    const at = `${shape.key}|${d.to.x},${d.to.y}`;
    if (node.__at === at) continue;
    node.__at = at;
    placeToken(node, d, 1, shape, true);
  }
  return movers;
}

/** Move the travelling tokens to progress t (0 = where they were, 1 = where they are). Cheap: called every animation frame. */
export function positionPicture(svgEl: SVGSVGElement, t: number, fade = 1, playing = false): void {
  // While the change plays, what moves is drawn over the picture; at rest it is back in it. While
  // playback goes on, the travellers stay over the picture until the next change is drawn (which
  // brings them home first): bringing them back at every rest repainted the whole picture once more.
  const resting = t >= 1 && fade >= 1;
  if (!resting) sendAway(svgEl);
  positionPaths(svgEl, t, fade);
  const shape = (svgEl as PictureNode).__shape;
  if (shape) for (const node of (svgEl as PictureNode).__movers ?? []) if (node.__data__ && node.isConnected) placeToken(node, node.__data__, t, shape, t >= 1);
  inBoth<SVGGElement, GhostDatum>(svgEl, 'ghosts', 'g.ghost')
    .attr('transform', (d) => `translate(${d.at.x},${(d.at.y + (d.destroyed ? 14 * t : 0)).toFixed(1)})`)
    .attr('opacity', 1 - t)
    .attr('visibility', t >= 1 ? 'hidden' : null);
  if (resting && !playing) bringHome(svgEl);
}
