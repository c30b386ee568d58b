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
  /** A mail's number on its envelope. */
  readonly labelSize: number;
  /** Lines a region's details may wrap into before they are shortened. */
  readonly subLines: number;
  /** Font size of a region's note (webmail's count, "nothing lost"; the stylesheet sets the same). */
  readonly noteSize: number;
}

export const DESK: Scale = { name: 'desk', cell: 24, tokenW: 20, tokenH: 15, folderLabel: 15, pad: 8, gap: 12, header: 40, icon: 18, gauge: 22, note: 46, titleSize: 13, subSize: 11, maxDevicesPerRow: 3, minDeviceW: 230, labelSize: 10.5, subLines: 1, noteSize: 12 };
// The projector's envelopes nearly fill their cells and carry a 40 px number, so
// the number still reads when the picture is seen at a quarter of its size (the
// back row of a lecture hall); the details may take two lines, so four devices
// in a row keep them whole in German too.
export const PROJECTOR: Scale = { name: 'projector', cell: 66, tokenW: 62, tokenH: 50, folderLabel: 27, pad: 8, gap: 12, header: 80, icon: 38, gauge: 34, note: 40, titleSize: 25, subSize: 16, maxDevicesPerRow: 4, minDeviceW: 260, labelSize: 40, subLines: 2, noteSize: 19 };

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

/**
 * Wrap a text into at most `maxLines` lines, breaking between words: the first
 * line `width` wide, the others `restWidth` (they may run under an icon); only
 * what still does not fit in the last line is shortened with "…".
 */
export function wrapText(text: string, width: number, fontSize: number, maxLines: number, restWidth = width): string[] {
  const per = fontSize * 0.52;
  if (text.length <= Math.floor(width / per) || maxLines <= 1) return [fitText(text, width, fontSize)];
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < words.length; i++) {
    const max = Math.max(1, Math.floor((lines.length ? restWidth : width) / per));
    const next = line ? `${line} ${words[i]}` : words[i];
    if (next.length <= max || !line) {
      line = next;
      continue;
    }
    lines.push(line);
    if (lines.length === maxLines - 1) {
      lines.push(fitText(words.slice(i).join(' '), restWidth, fontSize));
      return lines;
    }
    line = words[i];
  }
  if (line) lines.push(fitText(line, lines.length ? restWidth : width, fontSize));
  return lines;
}

/** Wrap a text as wrapText does, stepping the font size down (to `minSize`) until nothing is shortened; one line, a little smaller, first. */
export function wrapToFit(text: string, width: number, fontSize: number, maxLines: number, restWidth: number, minSize: number): { lines: string[]; size: number } {
  // One line a size or two smaller reads better than a lone word on a second line.
  for (let size = fontSize; size >= Math.max(minSize, Math.ceil(fontSize * 0.88)); size--) if (text.length * size * 0.52 <= width) return { lines: [text], size };
  for (let size = fontSize; size > minSize; size--) {
    const lines = wrapText(text, width, size, maxLines, restWidth);
    if (lines.join(' ').replace(/\s+/g, ' ') === text.replace(/\s+/g, ' ')) return { lines, size };
  }
  return { lines: wrapText(text, width, minSize, maxLines, restWidth), size: minSize };
}
