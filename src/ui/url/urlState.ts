// What the address bar holds, so a reload (or a shared link) returns to the same picture:
//   ?scenario=<id>&variant=<name>&frame=<n>&lang=de|en&embed=1&compare=<variant>
//   ?data=<lz-string> carries a user-edited scenario instead of a built-in id.
//   ?sandbox=1 opens the sandbox (with data=… its scenario, without it an empty world).
import type { Lang } from '../store/playerState';

export interface UrlState {
  readonly scenario: string | null;
  readonly variant: string | null;
  readonly frame: number | null;
  readonly lang: Lang | null;
  readonly embed: boolean;
  readonly compare: string | null;
  readonly data: string | null;
  /** The sandbox, not the player. */
  readonly sandbox?: boolean;
}

const ID = /^[a-z][a-z0-9-]{0,31}$/;

export function parseUrlState(search: string): UrlState {
  const q = new URLSearchParams(search);
  const id = (name: string) => {
    const v = q.get(name);
    return v && ID.test(v) ? v : null;
  };
  const frameText = q.get('frame');
  const frame = frameText && /^\d{1,7}$/.test(frameText) ? Number(frameText) : null;
  const lang = q.get('lang');
  const data = q.get('data');
  return {
    scenario: id('scenario'),
    variant: id('variant'),
    frame,
    lang: lang === 'de' || lang === 'en' ? lang : null,
    embed: q.get('embed') === '1',
    compare: id('compare'),
    data: data && data.length > 0 ? data : null,
    sandbox: q.get('sandbox') === '1',
  };
}

export function formatUrlState(s: UrlState): string {
  const q = new URLSearchParams();
  if (s.sandbox) q.set('sandbox', '1');
  if (s.data) q.set('data', s.data);
  else if (s.scenario) q.set('scenario', s.scenario);
  if (s.variant) q.set('variant', s.variant);
  if (s.compare) q.set('compare', s.compare);
  if (s.frame !== null && s.frame > 0) q.set('frame', String(s.frame));
  if (s.lang) q.set('lang', s.lang);
  if (s.embed) q.set('embed', '1');
  const text = q.toString();
  return text ? `?${text}` : '';
}

/** The language the browser asks for, when the URL does not say. */
export function browserLang(languages: readonly string[]): Lang {
  for (const l of languages) {
    const base = l.toLowerCase().slice(0, 2);
    if (base === 'de' || base === 'en') return base;
  }
  return 'en';
}
