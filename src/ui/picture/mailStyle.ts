// A mail's identity in the picture: a short number and a colour that stay the
// same wherever its copies go. The colours are the Okabe–Ito set, which stays
// distinguishable with the common colour-vision deficiencies; the number is the
// second cue.
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'] as const;
const DARK_TEXT = new Set(['#E69F00', '#56B4E9', '#F0E442', '#009E73', '#CC79A7']);

export interface MailStyle {
  readonly label: string;
  readonly fill: string;
  readonly text: string;
}

/**
 * Labels: the ids' numbers when every id ends in a distinct number ("m3" → 3),
 * otherwise the order in which the mails appear.
 */
export function mailStyles(ids: readonly string[]): Map<string, MailStyle> {
  const nums = ids.map((id) => /(\d+)$/.exec(id)?.[1] ?? null);
  const useNums = nums.every((n) => n !== null) && new Set(nums).size === ids.length;
  const out = new Map<string, MailStyle>();
  ids.forEach((id, i) => {
    const label = useNums ? String(Number(nums[i])) : String(i + 1);
    const n = useNums ? Number(nums[i]) - 1 : i;
    const fill = PALETTE[((n % PALETTE.length) + PALETTE.length) % PALETTE.length];
    out.set(id, { label, fill, text: DARK_TEXT.has(fill) ? '#000' : '#fff' });
  });
  return out;
}

export const fallbackStyle: MailStyle = { label: '?', fill: '#777', text: '#fff' };
