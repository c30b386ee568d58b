// What the picture and the scorecard must show, computed straight from the
// simulation in Node: the browser test compares the page against this.
import { readFileSync } from 'node:fs';
import { copiesByPlace, loadScenarioText, metricsOf, simulate, withVariant, type Timeline, type Scenario } from '../src/sim';
import { scoreFigures, type ScoreFigures } from '../src/ui/model/scoreFigures';

export function loadBuiltin(id: string): Scenario {
  const file = `scenarios/${id}.json`;
  const result = loadScenarioText(file, readFileSync(file, 'utf8'));
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.scenario;
}

export interface Expected {
  /** place → number of copies, with lost mails under "lost". */
  readonly places: Record<string, number>;
  readonly score: ScoreFigures;
  readonly usage: Record<string, number>;
}

const runs = new Map<string, { scenario: Scenario; timeline: Timeline }>();

/** A built-in scenario simulated in Node, once per test worker (a timeline is never changed by reading it). */
export function run(id: string, variant: string | null = null): { scenario: Scenario; timeline: Timeline } {
  const key = `${id}\u0000${variant ?? ''}`;
  let known = runs.get(key);
  if (!known) {
    const base = loadBuiltin(id);
    const scenario = variant ? withVariant(base, variant) : base;
    known = { scenario, timeline: simulate(base, { variant }) };
    runs.set(key, known);
  }
  return known;
}

export function expectedAt(scenario: Scenario, timeline: Timeline, frame: number): Expected {
  const f = timeline.frames[frame];
  const places: Record<string, number> = {};
  for (const [place, copies] of copiesByPlace(f.state)) if (copies.length) places[place] = copies.length;
  const m = metricsOf(f, scenario);
  if (m.lost.length) places.lost = m.lost.length;
  return { places, score: scoreFigures(m), usage: Object.fromEntries(m.usage.map((u) => [u.account, u.bytes])) };
}
