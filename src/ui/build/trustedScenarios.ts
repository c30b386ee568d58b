// The built-in scenarios for the embed, checked when the site is built rather
// than in every reader's browser: each file goes through the same loader the CLI
// uses, each variant is applied, and the embed receives the finished data as
// one small module per scenario, loaded when asked for. A built-in file with a
// problem fails the build, naming the problem. For the embed's build, each
// scenario's timeline (the base, and each variant) is simulated here too, where
// it is short, so the embed's first picture does not wait for a simulation
// (trustedTimelines.ts says how it is checked).
//   virtual:trusted-scenarios      → { id: { title, variants: {name: title}, load(), timelines: { ''|variant: URL } } }
//   virtual:trusted-scenario-loaders → the same without titles: { id: { variants: [name], load(), timelines } }
//   virtual:trusted-scenario/<id>  → { base, variants: { name: Scenario } }
//   assets/<id>[.<v>].timeline-<hash>.json  the packed timeline (src/ui/embed/packedTimeline.ts)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runnerImport, type Plugin } from 'vite';
import type { Scenario } from '../../sim/index.js';

type Engine = typeof import('./engineAtBuild.js');

const LIST = 'virtual:trusted-scenarios';
// The embed's list: no titles (the embed reads them from the scenario it loads), so its first script stays small.
const LOADERS = 'virtual:trusted-scenario-loaders';
const ONE = 'virtual:trusted-scenario/';

export interface TrustedScenario {
  readonly base: Scenario;
  readonly variants: Readonly<Record<string, Scenario>>;
}

// The engine is run through Vite's module runner when a build asks for it, not
// imported here: vite.config.ts would otherwise bundle the whole engine into the
// config (its TypeScript imports have no file extensions, which Vite warns about).
const engines = new Map<string, Promise<Engine>>();
function engineOf(root: string): Promise<Engine> {
  let engine = engines.get(root);
  if (!engine) engines.set(root, (engine = runnerImport<Engine>(join(root, 'src/ui/build/engineAtBuild.ts'), { root, logLevel: 'silent' }).then((r) => r.module)));
  return engine;
}

/** Every built-in scenario, validated, with its variants applied. Throws on a broken file. */
export async function trustedScenarios(root: string): Promise<Map<string, TrustedScenario>> {
  const { formatProblem, loadScenarioText, withVariant } = await engineOf(root);
  const dir = join(root, 'scenarios');
  const out = new Map<string, TrustedScenario>();
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.json') || name.endsWith('.schema.json')) continue;
    const result = loadScenarioText(`scenarios/${name}`, readFileSync(join(dir, name), 'utf8'));
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    const base = result.scenario;
    const variants: Record<string, Scenario> = {};
    for (const v of Object.keys(base.variants)) variants[v] = withVariant(base, v);
    out.set(base.id, { base, variants });
  }
  return out;
}

/** The scenario the embed plays for a variant key ('' is the base, which plays without its variants). */
export const playedScenario = (s: TrustedScenario, key: string): Scenario => (key ? s.variants[key] : { ...s.base, variants: {} });

/** Packed timelines by `<id>` or `<id>/<variant>`, for those short enough to pack. */
async function trustedTimelines(root: string, all: Map<string, TrustedScenario>): Promise<Map<string, string>> {
  const { packedTimelineOf } = await engineOf(root);
  const out = new Map<string, string>();
  for (const [id, s] of all)
    for (const key of ['', ...Object.keys(s.variants)]) {
      const packed = packedTimelineOf(playedScenario(s, key));
      if (packed.ok) out.set(key ? `${id}/${key}` : id, packed.text);
    }
  return out;
}

/** `timelinesFor`: the environment whose list names the packed timelines (the embed's; the app simulates in its worker). */
export function trustedScenarioModules(root: string, timelinesFor = 'embed'): Plugin {
  const dir = join(root, 'scenarios');
  let cache: Promise<Map<string, TrustedScenario>> | null = null;
  let timelineCache: Promise<Map<string, string>> | null = null;
  const all = () => (cache ??= trustedScenarios(root));
  const timelines = () => (timelineCache ??= all().then((a) => trustedTimelines(root, a)));
  return {
    name: 'mail-sync-sandbox:trusted-scenarios',
    resolveId: (id) => (id === LIST || id === LOADERS || id.startsWith(ONE) ? '\0' + id : null),
    watchChange: () => {
      cache = null;
      timelineCache = null;
    },
    load: {
      filter: { id: /^\0virtual:trusted-scenario/ },
      async handler(id) {
        for (const name of readdirSync(dir)) if (name.endsWith('.json')) this.addWatchFile(join(dir, name));
        if (id === '\0' + LIST || id === '\0' + LOADERS) {
          const lean = id === '\0' + LOADERS;
          const packed = this.environment?.name === timelinesFor && this.environment.mode === 'build' ? await timelines() : new Map<string, string>();
          const entries = [...(await all())].map(([sid, s]) => {
            // Each packed timeline is a file of its own (data, not code), fetched beside the scenario's module.
            const urls = ['', ...Object.keys(s.variants)].flatMap((k) => {
              const text = packed.get(k ? `${sid}/${k}` : sid);
              if (text === undefined) return [];
              const ref = this.emitFile({ type: 'asset', name: `${sid}${k ? `.${k}` : ''}.timeline.json`, source: text });
              return [`${JSON.stringify(k)}: import.meta.ROLLUP_FILE_URL_${ref}`];
            });
            const load = `load: () => import(${JSON.stringify(ONE + sid)}), timelines: { ${urls.join(', ')} }`;
            if (lean) return `${JSON.stringify(sid)}: { variants: ${JSON.stringify(Object.keys(s.base.variants))}, ${load} }`;
            return `${JSON.stringify(sid)}: { title: ${JSON.stringify(s.base.title)}, variants: ${JSON.stringify(Object.fromEntries(Object.entries(s.base.variants).map(([k, v]) => [k, v.title])))}, ${load} }`;
          });
          return `export default {\n${entries.join(',\n')}\n};`;
        }
        const sid = id.slice(('\0' + ONE).length);
        const s = (await all()).get(sid);
        if (!s) return 'export default null;';
        // JSON.parse of a string literal is parsed faster than the same object literal.
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(s))});`;
      },
    },
  };
}
