// Gallery search and filters, as pure functions over scenario summaries.
import type { Lang } from '../store/playerState';

export interface CatalogueEntry {
  readonly id: string;
  readonly title: { readonly de: string; readonly en: string };
  readonly summary: { readonly de: string; readonly en: string };
  readonly claims: readonly string[];
  readonly counterTo: readonly string[];
  readonly topics: readonly string[];
  readonly protocols: readonly ('pop3' | 'imap')[];
  readonly devices: number;
  readonly mails: number;
  readonly variants: readonly string[];
}

export interface GalleryFilter {
  readonly text: string;
  readonly claim: string;
  readonly protocol: '' | 'pop3' | 'imap' | 'both';
  readonly topic: string;
}

export const emptyFilter: GalleryFilter = { text: '', claim: '', protocol: '', topic: '' };

const fold = (s: string) => s.toLocaleLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');

export function matches(e: CatalogueEntry, f: GalleryFilter, lang: Lang): boolean {
  if (f.claim && !e.claims.includes(f.claim) && !e.counterTo.includes(f.claim)) return false;
  if (f.topic && !e.topics.includes(f.topic)) return false;
  if (f.protocol === 'both' && !(e.protocols.includes('pop3') && e.protocols.includes('imap'))) return false;
  if ((f.protocol === 'pop3' || f.protocol === 'imap') && !e.protocols.includes(f.protocol)) return false;
  const words = fold(f.text).split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const other = lang === 'de' ? 'en' : 'de';
  const hay = fold([e.id, e.title[lang], e.summary[lang], e.title[other], e.summary[other], ...e.claims, ...e.counterTo, ...e.topics].join(' '));
  return words.every((w) => hay.includes(w));
}

export function filterCatalogue(entries: readonly CatalogueEntry[], f: GalleryFilter, lang: Lang): CatalogueEntry[] {
  return entries.filter((e) => matches(e, f, lang));
}

/** Claim ids in catalogue order: P before I before D, then by number. */
export function sortClaims(ids: Iterable<string>): string[] {
  const rank = (id: string) => ('PID'.indexOf(id[0]) * 100 + Number(id.slice(1)));
  return [...new Set(ids)].sort((a, b) => rank(a) - rank(b));
}
