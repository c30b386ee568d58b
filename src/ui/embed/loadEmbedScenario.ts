// Where the embed's scenario comes from: a built-in one (checked when the site
// was built, see src/ui/build/trustedScenarios.ts) or a `data=` one from a link,
// which is a stranger's text and goes through the full validator — loaded only then.
// A built-in scenario's timeline, when the build simulated it, comes with it:
// the page then unpacks it instead of simulating (src/ui/build/trustedTimelines.ts).
import type { Scenario } from '../../sim';
import trusted from 'virtual:trusted-scenario-loaders';
import { loadValidator } from 'virtual:scenario-validator';

export type EmbedScenario =
  | { ok: true; scenario: Scenario; source: 'builtin' | 'shared'; variant: string | null; packedTimeline: string | null }
  | { ok: false; kind: 'notFound' | 'badLink' | 'missing'; problems: readonly string[] };

export async function loadEmbedScenario(p: { scenario: string | null; data: string | null; variant: string | null }): Promise<EmbedScenario> {
  if (p.data) {
    await loadValidator();
    const { decodeScenario } = await import('../url/sharedScenario');
    const { withVariant } = await import('../../sim');
    const d = decodeScenario(p.data);
    if (!d.ok) return { ok: false, kind: 'badLink', problems: d.problems };
    const v = p.variant && d.scenario.variants[p.variant] ? p.variant : null;
    return { ok: true, scenario: v ? withVariant(d.scenario, v) : d.scenario, source: 'shared', variant: v, packedTimeline: null };
  }
  if (!p.scenario) return { ok: false, kind: 'missing', problems: [] };
  if (!Object.prototype.hasOwnProperty.call(trusted, p.scenario)) return { ok: false, kind: 'notFound', problems: [p.scenario] };
  const entry = trusted[p.scenario];
  const named = p.variant && entry.variants.includes(p.variant) ? p.variant : null;
  // The scenario and its timeline are fetched side by side.
  const timelineKey = named ?? '';
  // A timeline that cannot be fetched is simulated on the page instead.
  const timeline = Object.prototype.hasOwnProperty.call(entry.timelines, timelineKey)
    ? fetch(entry.timelines[timelineKey])
        .then((r) => (r.ok ? r.text() : null))
        .catch(() => null)
    : Promise.resolve(null);
  const [mod, packedTimeline] = await Promise.all([entry.load().then((m) => m.default), timeline]);
  if (!mod) return { ok: false, kind: 'notFound', problems: [p.scenario] };
  const v = named && Object.prototype.hasOwnProperty.call(mod.variants, named) ? named : null;
  // Each variant was applied at build time; the base plays on its own, without
  // its variants, so nothing here needs the validator to apply one (the work
  // budget would otherwise apply every variant to bound it).
  return { ok: true, scenario: v ? mod.variants[v] : { ...mod.base, variants: {} }, source: 'builtin', variant: v, packedTimeline: v === named ? packedTimeline : null };
}
