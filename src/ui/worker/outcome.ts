// What a request to the simulation worker ends in (simulateOffThread.ts asks,
// the worker or, without one, inPlace.ts answers).
import type { BudgetVerdict, Scenario } from '../../sim';
import type { PlaySession } from '../model/session';

export type SimulationOutcome =
  /** `base`: the scenario as given (or as decoded from a link), before its variant was applied. */
  | { readonly kind: 'ok'; readonly session: PlaySession; readonly base: Scenario; readonly variant: string | null }
  | { readonly kind: 'refused'; readonly verdict: Extract<BudgetVerdict, { ok: false }> }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'cancelled' };

/** What a link's simulation can end in: the same, plus a link that is damaged or invalid. */
export type LinkOutcome = SimulationOutcome | { readonly kind: 'badLink'; readonly problems: readonly string[] };

/** A scenario file checked with the CLI's loader: the scenario, or every problem with where it is. */
export type Checked = { ok: true; scenario: Scenario } | { ok: false; problems: string[] };
