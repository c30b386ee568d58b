// The built-in scenarios for the embed, checked when the site is built rather
// than in every reader's browser: each file goes through the same loader the CLI
// uses, each variant is applied, and the embed receives the finished data as
// one small module per scenario, loaded when asked for. A built-in file with a
// problem fails the build, naming the problem.
//   virtual:trusted-scenarios        → { id: { title, variants: {name: title}, load() } }
//   virtual:trusted-scenario/<id>    → { base, variants: { name: Scenario } }
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { formatProblem, loadScenarioText, withVariant, type Scenario } from '../../sim';

const LIST = 'virtual:trusted-scenarios';
const ONE = 'virtual:trusted-scenario/';

export interface TrustedScenario {
  readonly base: Scenario;
  readonly variants: Readonly<Record<string, Scenario>>;
}

/** Every built-in scenario, validated, with its variants applied. Throws on a broken file. */
export function trustedScenarios(dir: string): Map<string, TrustedScenario> {
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
  let cache: Map<string, TrustedScenario> | null = null;
  const all = () => (cache ??= trustedScenarios(dir));
  return {
    name: 'mail-sync-sandbox:trusted-scenarios',
    resolveId: (id) => (id === LIST || id.startsWith(ONE) ? '\0' + id : null),
    watchChange: () => {
      cache = null;
    },
    load(id) {
      if (!id.startsWith('\0virtual:trusted-scenario')) return null;
      for (const name of readdirSync(dir)) if (name.endsWith('.json')) this.addWatchFile(join(dir, name));
      if (id === '\0' + LIST) {
        const entries = [...all()].map(
          ([sid, s]) =>
            `${JSON.stringify(sid)}: { title: ${JSON.stringify(s.base.title)}, variants: ${JSON.stringify(Object.fromEntries(Object.entries(s.base.variants).map(([k, v]) => [k, v.title])))}, load: () => import(${JSON.stringify(ONE + sid)}) }`,
        );
        return `export default {\n${entries.join(',\n')}\n};`;
      }
      const sid = id.slice(('\0' + ONE).length);
      const s = all().get(sid);
      if (!s) return 'export default null;';
      // JSON.parse of a string literal is parsed faster than the same object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(s))});`;
    },
  };
}
