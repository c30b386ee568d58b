// Sizes shared by the layout and the renderer, in the picture's own units. Two
// scales: "desk" for a screen at arm's length, "projector" for a lecture hall,
// where a mail's number and a place's name must be read from the back row.
export interface Scale {
  readonly name: 'desk' | 'projector';
  /** The distance between two mails in a folder. */
  readonly cell: number;
  /** A mail is drawn as an envelope this wide and high. */
  readonly tokenW: number;
  readonly tokenH: number;
  /** The band above a folder's mails that holds its name. */
  readonly folderLabel: number;
  readonly pad: number;
  readonly gap: number;
  /** The band at the top of a region: icon, name, details. */
  readonly header: number;
  readonly icon: number;
  /** The quota gauge's band (its words and its bar) above the server's folders. */
  readonly gauge: number;
  /** A region's one-line note (webmail). */
  readonly note: number;
  /** Font sizes of a region's name and details (the stylesheet sets the same). */
  readonly titleSize: number;
  readonly subSize: number;
  readonly maxDevicesPerRow: number;
  readonly minDeviceW: number;
}

export const DESK: Scale = { name: 'desk', cell: 24, tokenW: 20, tokenH: 15, folderLabel: 15, pad: 8, gap: 12, header: 40, icon: 18, gauge: 22, note: 46, titleSize: 13, subSize: 11, maxDevicesPerRow: 3, minDeviceW: 230 };
export const PROJECTOR: Scale = { name: 'projector', cell: 60, tokenW: 54, tokenH: 42, folderLabel: 27, pad: 8, gap: 12, header: 62, icon: 38, gauge: 34, note: 40, titleSize: 25, subSize: 16, maxDevicesPerRow: 4, minDeviceW: 260 };

export interface Point {
  readonly x: number;
  readonly y: number;
}

export const lerp = (a: Point, b: Point, t: number): Point => ({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t });

/**
 * Shorten a text to fit a width, ending it with "…". Estimated from an average
 * character width (no measuring: the layer stays a pure function of its data);
 * the full text stays in the tooltip or the side panels.
 */
export function fitText(text: string, width: number, fontSize: number, bold = false): string {
  const per = fontSize * (bold ? 0.58 : 0.52);
  const max = Math.floor(width / per);
  if (text.length <= max) return text;
  return max <= 1 ? '…' : `${text.slice(0, max - 1).trimEnd()}…`;
}
