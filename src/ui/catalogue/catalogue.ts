// The built-in scenarios, bundled at build time from scenarios/*.json and
// validated with the same loader the CLI uses.
import { loadScenarioData, formatProblem, type Scenario } from '../../sim';
import type { CatalogueEntry } from './filter';

const files = import.meta.glob('/scenarios/*.json', { eager: true, import: 'default' }) as Record<string, unknown>;

export interface Catalogue {
  readonly entries: readonly CatalogueEntry[];
  readonly scenarios: ReadonlyMap<string, Scenario>;
  /** Files that failed to load, as "file: path: message" lines. */
  readonly problems: readonly string[];
}

function entryOf(s: Scenario): CatalogueEntry {
  let mails = 0;
  for (const step of s.steps) {
    if (step.do === 'mail.arrive' || step.do === 'device.send') mails += 1;
    else if (step.do === 'mail.burst') mails += step.count;
  }
  return {
    id: s.id,
    title: s.title,
    summary: s.summary,
    claims: s.claims,
    counterTo: s.counterTo,
    topics: s.topics,
    protocols: [...new Set(s.world.devices.filter((d) => d.kind !== 'webmail').map((d) => d.protocol))].sort(),
    devices: s.world.devices.length,
    mails,
    variants: Object.keys(s.variants),
  };
}

function build(): Catalogue {
  const entries: CatalogueEntry[] = [];
  const scenarios = new Map<string, Scenario>();
  const problems: string[] = [];
  for (const [path, data] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    const file = path.replace(/^\//, '');
    if (file.endsWith('.schema.json')) continue;
    const result = loadScenarioData(file, data);
    if (!result.ok) {
      problems.push(...result.problems.map(formatProblem));
      continue;
    }
    scenarios.set(result.scenario.id, result.scenario);
    entries.push(entryOf(result.scenario));
  }
  return { entries, scenarios, problems };
}

let cached: Catalogue | null = null;
export function catalogue(): Catalogue {
  cached ??= build();
  return cached;
}
