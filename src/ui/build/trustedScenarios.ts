// The built-in scenarios for the embed, checked when the site is built rather
// than in every reader's browser: each file goes through the same loader the CLI
// uses, each variant is applied, and the embed receives the finished data as
// one small module per scenario, loaded when asked for. A built-in file with a
// problem fails the build, naming the problem.
//   virtual:trusted-scenarios        → { id: { title, variants: {name: title}, load() } }
//   virtual:trusted-scenario/<id>    → { base, variants: { name: Scenario } }
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runnerImport, type Plugin } from 'vite';
import type { Scenario } from '../../sim/index.js';

type Sim = typeof import('../../sim/index.js');

const LIST = 'virtual:trusted-scenarios';
const ONE = 'virtual:trusted-scenario/';

export interface TrustedScenario {
  readonly base: Scenario;
  readonly variants: Readonly<Record<string, Scenario>>;
}

// The simulation's loader is run through Vite's module runner when a build asks
// for it, not imported here: vite.config.ts would otherwise bundle the whole
// engine into the config (its TypeScript imports have no file extensions, which
// Vite warns about for a config).
const sims = new Map<string, Promise<Sim>>();
function simOf(root: string): Promise<Sim> {
  let sim = sims.get(root);
  if (!sim) sims.set(root, (sim = runnerImport<Sim>(join(root, 'src/sim/index.ts'), { root, logLevel: 'silent' }).then((r) => r.module)));
  return sim;
}

/** Every built-in scenario, validated, with its variants applied. Throws on a broken file. */
export async function trustedScenarios(root: string): Promise<Map<string, TrustedScenario>> {
  const { formatProblem, loadScenarioText, withVariant } = await simOf(root);
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

export function trustedScenarioModules(root: string): Plugin {
  const dir = join(root, 'scenarios');
  let cache: Promise<Map<string, TrustedScenario>> | null = null;
  const all = () => (cache ??= trustedScenarios(root));
  return {
    name: 'mail-sync-sandbox:trusted-scenarios',
    resolveId: (id) => (id === LIST || id.startsWith(ONE) ? '\0' + id : null),
    watchChange: () => {
      cache = null;
    },
    load: {
      filter: { id: /^\0virtual:trusted-scenario/ },
      async handler(id) {
        for (const name of readdirSync(dir)) if (name.endsWith('.json')) this.addWatchFile(join(dir, name));
        if (id === '\0' + LIST) {
          const entries = [...(await all())].map(
            ([sid, s]) =>
              `${JSON.stringify(sid)}: { title: ${JSON.stringify(s.base.title)}, variants: ${JSON.stringify(Object.fromEntries(Object.entries(s.base.variants).map(([k, v]) => [k, v.title])))}, load: () => import(${JSON.stringify(ONE + sid)}) }`,
          );
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
