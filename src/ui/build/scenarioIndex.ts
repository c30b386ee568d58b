// A build-time index of the built-in scenarios: the few top-level facts the
// gallery shows, so the scenarios' steps are not bundled into the app's
// JavaScript. The full files are fetched as JSON when a scenario is opened.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

const ID = 'virtual:scenario-index';
const RESOLVED = '\0' + ID;

export interface ScenarioIndexEntry {
  readonly file: string;
  readonly id: unknown;
  readonly title: unknown;
  readonly summary: unknown;
  readonly claims: unknown;
  readonly counterTo: unknown;
  readonly topics: unknown;
  readonly devices: unknown;
  readonly variants: string[];
  readonly mails: number;
}

function mailsIn(steps: unknown): number {
  if (!Array.isArray(steps)) return 0;
  let n = 0;
  for (const s of steps as Array<Record<string, unknown>>) {
    if (s?.do === 'mail.arrive' || s?.do === 'device.send') n += 1;
    else if (s?.do === 'mail.burst' && typeof s.count === 'number') n += s.count;
  }
  return n;
}

export function indexScenarios(dir: string): ScenarioIndexEntry[] {
  const out: ScenarioIndexEntry[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.json') || name.endsWith('.schema.json')) continue;
    let data: Record<string, unknown>;
    try {
      data = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    } catch {
      continue; // the loader reports broken files when one is opened; the gallery skips them
    }
    const world = (data.world ?? {}) as { devices?: Array<{ kind?: unknown; protocol?: unknown }> };
    out.push({
      file: `scenarios/${name}`,
      id: data.id,
      title: data.title,
      summary: data.summary,
      claims: data.claims ?? [],
      counterTo: data.counterTo ?? [],
      topics: data.topics ?? [],
      devices: (world.devices ?? []).map((d) => ({ kind: d?.kind, protocol: d?.protocol })),
      variants: Object.keys((data.variants as object) ?? {}),
      mails: mailsIn(data.steps),
    });
  }
  return out;
}

export function scenarioIndex(root: string): Plugin {
  const dir = join(root, 'scenarios');
  return {
    name: 'mail-sync-sandbox:scenario-index',
    resolveId: (id) => (id === ID ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      this.addWatchFile(dir);
      for (const name of readdirSync(dir)) if (name.endsWith('.json')) this.addWatchFile(join(dir, name));
      return `export default ${JSON.stringify(indexScenarios(dir))};`;
    },
  };
}
