// Save the picture as it is on screen, for slides: a standalone SVG (styles
// inlined from the page's own stylesheet rules for the picture) or a PNG.
import { downloadBlob as download } from '../export/download';
import { foldTokenBins } from './tokenBins';
import { drawAllSlices } from './render';

/** The CSS rules that style the picture, copied from the loaded stylesheets. */
function pictureCss(): string {
  const out: string[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue;
    }
    for (const rule of Array.from(rules)) if (rule.cssText.includes('.picture-svg')) out.push(rule.cssText);
  }
  return out.join('\n');
}

/** While a change plays, its travelling tokens (and paths) are drawn in an overlay over the picture (render.ts): put copies back in their layers. */
function withTravellers(svg: SVGSVGElement, copy: SVGSVGElement): void {
  const travel = svg.parentElement?.querySelector<SVGSVGElement>('.picture-travel svg');
  if (!travel) return;
  for (const away of Array.from(travel.querySelectorAll<SVGGElement>(':scope > g.layer'))) {
    const name = Array.from(away.classList).find((c) => c.startsWith('layer-'));
    const home = name ? copy.querySelector(`:scope > g.${name}`) : null;
    if (home) for (const n of Array.from(away.childNodes)) home.appendChild(n.cloneNode(true));
  }
}

export function svgText(svg: SVGSVGElement): string {
  // Mid-change, parts of it may still wait to be drawn in later display frames (render.ts): the file has it whole.
  drawAllSlices(svg);
  const copy = svg.cloneNode(true) as SVGSVGElement;
  // On screen each place's tokens have an <svg> of their own (tokenBins.ts); the file has one picture.
  foldTokenBins(copy);
  withTravellers(svg, copy);
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('class', 'picture-svg');
  const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
  style.textContent = pictureCss();
  copy.insertBefore(style, copy.firstChild);
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', '#ffffff');
  copy.insertBefore(bg, style.nextSibling);
  return new XMLSerializer().serializeToString(copy);
}

export function exportSvg(svg: SVGSVGElement, name: string) {
  download(new Blob([svgText(svg)], { type: 'image/svg+xml' }), `${name}.svg`);
}

export async function exportPng(svg: SVGSVGElement, name: string, scale = 2): Promise<void> {
  const w = Number(svg.getAttribute('width')) || svg.clientWidth;
  const h = Number(svg.getAttribute('height')) || svg.clientHeight;
  const url = URL.createObjectURL(new Blob([svgText(svg)], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.width = w;
    img.height = h;
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the picture could not be rendered'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(w * scale);
    canvas.height = Math.round(h * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, w, h);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (blob) download(blob, `${name}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}
