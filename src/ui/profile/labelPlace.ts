// Where a device's profile label goes on its region: on the top border at the
// right, like a tab, where the region's title leaves room; else shortened;
// else on the bottom border. Pure geometry in CSS pixels, so it is tested
// without a browser.

export interface Box {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export interface LabelInput {
  /** The device's region, relative to the layer the label is placed in. */
  readonly region: Box;
  /** Where the region's title text ends (same coordinates). */
  readonly titleRight: number;
  readonly fontPx: number;
  /** Text widths of the whole label and of its short form, at fontPx. */
  readonly fullWidth: number;
  readonly shortWidth: number;
}

export interface LabelPlace {
  /** The label's right edge and the border line it is centred on. */
  readonly left: number;
  readonly top: number;
  readonly edge: 'top' | 'bottom';
  readonly short: boolean;
  /** The widest the label may be (it is cut with "…" beyond). */
  readonly maxWidth: number;
}

/** The label's box around its text: padding on both sides and a border. */
export const chipWidth = (textWidth: number, fontPx: number) => textWidth + 2 * Math.round(fontPx * 0.55) + 2;

export function placeLabel({ region, titleRight, fontPx, fullWidth, shortWidth }: LabelInput): LabelPlace {
  const inset = Math.max(8, Math.round(fontPx * 0.7));
  const right = region.left + region.width - inset;
  const gap = Math.round(fontPx * 0.6);
  const maxWidth = Math.max(0, region.width - 2 * inset);
  const beside = (w: number) => right - chipWidth(w, fontPx) >= titleRight + gap;
  if (beside(fullWidth)) return { left: right, top: region.top, edge: 'top', short: false, maxWidth };
  if (beside(shortWidth)) return { left: right, top: region.top, edge: 'top', short: true, maxWidth };
  // Below the title there is only the region's own border to sit on.
  const fits = chipWidth(fullWidth, fontPx) <= maxWidth;
  return { left: right, top: region.top + region.height, edge: 'bottom', short: !fits, maxWidth };
}
