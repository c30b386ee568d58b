// Simulating a scenario on this thread for playing: the one place the player's
// code reaches the whole engine. Kept apart from session.ts so that a page which
// only plays timelines simulated elsewhere (the embed with a built-in scenario's
// timeline file) loads the engine only when it must simulate.
import { simulateWithinBudget, type BudgetVerdict, type Scenario } from '../../sim';
import { sessionFor, type PlaySession } from './session';

/** A scenario refused by the work budget, or a run stopped at its hard cap: the verdict says which and where. */
export class RefusedScenario extends Error {
  constructor(readonly verdict: Extract<BudgetVerdict, { ok: false }>) {
    super(verdict.cap ? `the run passed its cap of ${verdict.limit} ${verdict.cap.counter}` : `the scenario needs about ${Math.ceil(verdict.units / verdict.limit)} times the work allowed`);
    this.name = 'RefusedScenario';
  }
}

/**
 * Run a scenario (with a variant applied) on this thread and prepare it for
 * playing. It goes through the same door as the worker and the CLI: the work
 * budget first, the hard cap during the run; a refusal throws RefusedScenario.
 */
export function playScenario(base: Scenario, variant: string | null): PlaySession {
  // simulate applies the variant itself; the session's scenario (applied) names devices and accounts.
  const run = simulateWithinBudget(base, { variant });
  if (!run.ok) throw new RefusedScenario(run.verdict);
  return sessionFor(base, variant, run.timeline);
}
