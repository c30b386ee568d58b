// The built-in scenarios. The gallery needs only each file's top-level facts,
// which a build plugin indexes (so the steps stay out of the bundle);
// a scenario's full file is fetched as JSON when it is opened and validated with
// the same loader the CLI uses, in the simulation worker (off the page's thread).
import type { Scenario } from '../../sim';
import { checkScenarioOffThread } from '../worker/simulateOffThread';
import type { CatalogueEntry } from './filter';
import scenarioIndex from 'virtual:scenario-index';

type Text = { de: string; en: string };
const urls = import.meta.glob(['/scenarios/*.json', '!/scenarios/*.schema.json'], { eager: true, query: '?url&no-inline', import: 'default' }) as Record<string, string>;

export interface Catalogue {
  readonly entries: readonly CatalogueEntry[];
  /** Built-in id → the file it comes from. */
  readonly files: ReadonlyMap<string, string>;
}

const isText = (t: unknown): t is Text => !!t && typeof t === 'object' && typeof (t as Text).de === 'string' && typeof (t as Text).en === 'string';
const strings = (a: unknown): string[] => (Array.isArray(a) ? a.filter((x): x is string => typeof x === 'string') : []);

function build(): Catalogue {
  const entries: CatalogueEntry[] = [];
  const files = new Map<string, string>();
  for (const e of scenarioIndex) {
    const path = `/${e.file}`;
    if (typeof e.id !== 'string' || !isText(e.title) || !isText(e.summary) || files.has(e.id) || !urls[path]) continue;
    const devices = Array.isArray(e.devices) ? (e.devices as Array<{ kind?: unknown; protocol?: unknown }>) : [];
    files.set(e.id, path);
    entries.push({
      id: e.id,
      title: e.title,
      summary: e.summary,
      claims: strings(e.claims),
      counterTo: strings(e.counterTo),
      topics: strings(e.topics),
      protocols: [...new Set(devices.filter((d) => d.kind !== 'webmail').map((d) => d.protocol))].filter((p): p is 'pop3' | 'imap' => p === 'pop3' || p === 'imap').sort(),
      devices: devices.length,
      mails: e.mails,
      variants: e.variants,
    });
  }
  // Teaching order: by the first claim a scenario shows (P before I before D), then by title.
  const rank = (e: CatalogueEntry) => {
    const ids = e.claims.length ? e.claims : e.counterTo;
    return ids.length ? Math.min(...ids.map((id) => 'PID'.indexOf(id[0]) * 100 + Number(id.slice(1)))) : 1000;
  };
  entries.sort((a, b) => rank(a) - rank(b) || a.title.en.localeCompare(b.title.en));
  return { entries, files };
}

let cached: Catalogue | null = null;
export function catalogue(): Catalogue {
  cached ??= build();
  return cached;
}

export type Fetched = { ok: true; scenario: Scenario } | { ok: false; problems: string[] };

const loaded = new Map<string, Promise<Fetched>>();

/** Fetch and validate a built-in scenario (once). */
export function fetchBuiltin(id: string): Promise<Fetched> | null {
  const path = catalogue().files.get(id);
  if (!path) return null;
  let p = loaded.get(id);
  if (!p) {
    const file = path.replace(/^\//, '');
    p = fetch(urls[path])
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${file}: HTTP ${r.status}`))))
      .then((text) => checkScenarioOffThread(file, text))
      .catch((err: unknown): Fetched => ({ ok: false, problems: [err instanceof Error ? err.message : String(err)] }));
    loaded.set(id, p);
  }
  return p;
}
