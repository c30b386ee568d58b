// The simulation worker's work done on the page's own thread, for where there
// is no Worker (unit tests in Node). simulateOffThread.ts loads this module only
// then, so the engine stays out of the page's first script.
import { formatProblem, loadScenarioText, simulateWithinBudget, type Scenario } from '../../sim';
import { sessionFor } from '../model/session';
import type { Checked, SimulationOutcome } from './outcome';

export function inPlace(scenario: Scenario, variant: string | null): SimulationOutcome {
  try {
    const run = simulateWithinBudget(scenario, { variant });
    if (!run.ok) return { kind: 'refused', verdict: run.verdict };
    return { kind: 'ok', session: sessionFor(scenario, variant, run.timeline), base: scenario, variant };
  } catch (err) {
    return { kind: 'failed', message: err instanceof Error ? err.message : String(err) };
  }
}

export function checkInPlace(file: string, text: string): Checked {
  const result = loadScenarioText(file, text);
  return result.ok ? { ok: true, scenario: result.scenario } : { ok: false, problems: result.problems.map(formatProblem) };
}
