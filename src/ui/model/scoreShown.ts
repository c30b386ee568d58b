// Everything the scorecard shows of one frame's metrics, as one string: two
// frames with equal strings look the same in the scorecard, so it is drawn again
// only when the string differs. While a big mailbox plays, nearly every change
// leaves the scorecard's figures as they were (the average number of copies moves
// in its third decimal), yet it was rendered and compared by React at every change.
import type { Metrics } from '../../sim';
import type { Lang } from '../store/playerState';
import { formatNumber } from '../i18n/format';
import { scoreFigures } from './scoreFigures';

const known = new WeakMap<Metrics, Map<Lang, string>>();

export function scoreShown(m: Metrics, lang: Lang): string {
  let perLang = known.get(m);
  if (!perLang) known.set(m, (perLang = new Map()));
  let key = perLang.get(lang);
  if (key === undefined) perLang.set(lang, (key = shownOf(m, lang)));
  return key;
}

function shownOf(m: Metrics, lang: Lang): string {
  const f = scoreFigures(m);
  // The average is shown to one decimal only; the exact figures are in the page's data attributes.
  const copies = f.copies ? `${f.copies.min},${f.copies.max},${formatNumber(f.copies.avg, lang, 1)}` : '-';
  const parts = [`${f.lost},${f.bounced},${f.deleted},${f.queued},${copies},${f.exposure}`];
  for (const u of m.usage) parts.push(`u${u.account},${u.bytes},${u.messages},${u.quotaBytes ?? '-'}`);
  for (const v of m.views) parts.push(`v${v.device},${v.shows},${v.of}`);
  for (const s of m.syncs) parts.push(`s${s.device},${s.bytes},${s.seconds}`);
  return parts.join('\n');
}
