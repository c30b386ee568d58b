// What an embed's address may say, read strictly: a value that is not exactly
// one of the allowed forms is ignored (the default applies), never passed on.
//   embed.html?scenario=ID | data=LZ  &variant=NAME &lang=de|en &frame=N
//              &autoplay=1 &panels=title,controls,narration &theme=light|dark
//              &accent=RRGGBB   (#secret=… is WordPress's, see wordpress.ts)
import type { Lang } from '../store/playerState';

export const PANELS = ['title', 'controls', 'narration'] as const;
export type Panel = (typeof PANELS)[number];

export interface EmbedParams {
  readonly scenario: string | null;
  readonly data: string | null;
  readonly variant: string | null;
  readonly lang: Lang | null;
  readonly frame: number;
  readonly autoplay: boolean;
  readonly panels: ReadonlySet<Panel>;
  readonly theme: 'light' | 'dark';
  /** A CSS colour `#rrggbb`, or null for the default. */
  readonly accent: string | null;
}

const ID = /^[a-z][a-z0-9-]{0,31}$/;
const HEX = /^#?([0-9a-fA-F]{6})$/;

export function parseEmbedParams(search: string): EmbedParams {
  const q = new URLSearchParams(search);
  const id = (name: string) => {
    const v = q.get(name);
    return v && ID.test(v) ? v : null;
  };
  const frameText = q.get('frame');
  const lang = q.get('lang');
  const data = q.get('data');
  const panelsText = q.get('panels');
  const panels = new Set<Panel>(
    panelsText === null ? PANELS : panelsText.split(',').filter((p): p is Panel => (PANELS as readonly string[]).includes(p)),
  );
  const accent = HEX.exec(q.get('accent') ?? '');
  return {
    scenario: id('scenario'),
    data: data && data.length > 0 ? data : null,
    variant: id('variant'),
    lang: lang === 'de' || lang === 'en' ? lang : null,
    frame: frameText && /^\d{1,7}$/.test(frameText) ? Number(frameText) : 0,
    autoplay: q.get('autoplay') === '1',
    panels,
    theme: q.get('theme') === 'dark' ? 'dark' : 'light',
    accent: accent ? `#${accent[1].toLowerCase()}` : null,
  };
}

export interface EmbedOptions {
  readonly scenario: string;
  readonly variant: string | null;
  readonly lang: Lang;
  readonly frame: number;
  readonly autoplay: boolean;
  readonly panels: ReadonlySet<Panel>;
  readonly theme: 'light' | 'dark';
  readonly accent: string | null;
}

/** The query string of an embed of a built-in scenario (the builder writes it). */
export function formatEmbedQuery(o: EmbedOptions): string {
  const q = new URLSearchParams();
  q.set('scenario', o.scenario);
  if (o.variant) q.set('variant', o.variant);
  q.set('lang', o.lang);
  if (o.frame > 0) q.set('frame', String(o.frame));
  if (o.autoplay) q.set('autoplay', '1');
  if (o.panels.size !== PANELS.length || PANELS.some((p) => !o.panels.has(p))) q.set('panels', PANELS.filter((p) => o.panels.has(p)).join(','));
  if (o.theme === 'dark') q.set('theme', 'dark');
  if (o.accent) q.set('accent', o.accent.replace('#', ''));
  // Commas need no escaping in a query; left readable, the panel list stays readable in a snippet.
  return `?${q.toString().replace(/%2C/g, ',')}`;
}
