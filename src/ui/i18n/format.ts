// Numbers, sizes and simulated times, formatted for the reader's language.
import type { Lang } from '../store/playerState';

const locale = (lang: Lang) => (lang === 'de' ? 'de-DE' : 'en-GB');

// Making an Intl.NumberFormat costs far more than using one (the picture numbers every envelope on
// every frame): one per language and number of digits, made once.
const formats = new Map<string, Intl.NumberFormat>();

export function formatNumber(n: number, lang: Lang, maxFractionDigits = 0): string {
  const key = `${lang}|${maxFractionDigits}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat(locale(lang), { maximumFractionDigits: maxFractionDigits })));
  return f.format(n);
}

/** 1536 → "1.5 KB" / "1,5 KB" (1 KB = 1024 bytes, as mail quotas count). */
export function formatBytes(bytes: number, lang: Lang): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let u = 0;
  while (value >= 1024 && u < units.length - 1) {
    value /= 1024;
    u++;
  }
  const digits = u === 0 || value >= 100 ? 0 : 1;
  return `${formatNumber(value, lang, digits)} ${units[u]}`;
}

/** Simulated minutes since day 1 00:00 → { day, clock } for the "time.at" text. */
export function simTimeParts(minutes: number, lang: Lang): { day: string; clock: string } {
  const day = Math.floor(minutes / 1440) + 1;
  const rest = minutes - (day - 1) * 1440;
  const hh = String(Math.floor(rest / 60)).padStart(2, '0');
  const mm = String(rest % 60).padStart(2, '0');
  return { day: formatNumber(day, lang), clock: `${hh}:${mm}` };
}
