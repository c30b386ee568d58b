// Still pictures of frames for a package, drawn with the player's own picture
// layer into a document: the page's in the app, a jsdom one in the CLI. Each is
// a standalone SVG with the picture's style rules inside.
import type { TFunction } from 'i18next';
import type { Lang } from '../../i18n/names';
import { sessionFor, sessionOf } from '../../ui/model/session';
import { layoutFor, pictureDrawer } from '../../ui/embed/drawPicture';
import { foldTokenBins } from '../../ui/picture/tokenBins';
import type { DrawFrame, LessonSource, PerLang } from './lesson';

const SVG_NS = 'http://www.w3.org/2000/svg';
export const PICTURE_WIDTH = 960;

/** The style rules that draw the picture (and the colours they refer to), from a document's style sheets. */
export function pictureCssOf(doc: Document): string {
  const out: string[] = [];
  for (const sheet of Array.from(doc.styleSheets)) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue;
    }
    for (const rule of Array.from(rules)) if (rule.cssText.includes('.picture-svg') || rule.cssText.startsWith(':root')) out.push(rule.cssText);
  }
  return out.join('\n');
}

export function frameDrawer(sources: readonly LessonSource[], ts: PerLang<TFunction>, doc: Document): DrawFrame {
  const css = pictureCssOf(doc);
  const win = doc.defaultView!;
  const drawers = sources.map(({ scenario, timeline }) => {
    // The player's own session when there is one: it carries the variant's world.
    const session = sessionOf(timeline) ?? sessionFor(scenario, null, timeline);
    return pictureDrawer(session, layoutFor(session, PICTURE_WIDTH));
  });
  return (s: number, frame: number, lang: Lang) => {
    const svg = doc.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
    svg.setAttribute('class', 'picture-svg');
    doc.body.appendChild(svg);
    try {
      drawers[s].draw(svg, frame, { animating: false, progress: 1, selectedMail: null, lang, t: ts[lang] });
      const copy = svg.cloneNode(true) as SVGSVGElement;
      foldTokenBins(copy);
      const style = doc.createElementNS(SVG_NS, 'style');
      style.textContent = css;
      copy.insertBefore(style, copy.firstChild);
      const bg = doc.createElementNS(SVG_NS, 'rect');
      bg.setAttribute('width', '100%');
      bg.setAttribute('height', '100%');
      bg.setAttribute('fill', '#ffffff');
      copy.insertBefore(bg, style.nextSibling);
      return new win.XMLSerializer().serializeToString(copy);
    } finally {
      svg.remove();
    }
  };
}
