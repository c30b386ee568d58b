// Which scenarios show which claim. Pure: it takes scenarios already loaded
// (from disk by the CLI, bundled by the app) and answers "the scenarios for P9".
import { CLAIMS, type Claim } from './catalogue';
import { verdictOf, type Verdict } from './verdicts';

/** The parts of a scenario this needs; a loaded Scenario fits. */
export interface ScenarioClaims {
  readonly id: string;
  readonly claims: readonly string[];
  readonly counterTo: readonly string[];
}

export interface ClaimCoverage {
  readonly claim: Claim;
  /** Holds always, under named settings, not at all, or not modelled. */
  readonly verdict: Verdict;
  /** Scenarios whose outcome proves the claim. */
  readonly proves: readonly string[];
  /** Scenarios showing the setting under which it breaks. */
  readonly counters: readonly string[];
  /** Nothing proves it, or it needs a counter-scenario and has none. */
  readonly missing: readonly ('proof' | 'counter')[];
}

export function scenariosForClaim(claimId: string, scenarios: readonly ScenarioClaims[]): { proves: string[]; counters: string[] } {
  return {
    proves: scenarios.filter((s) => s.claims.includes(claimId)).map((s) => s.id),
    counters: scenarios.filter((s) => s.counterTo.includes(claimId)).map((s) => s.id),
  };
}

export function claimCoverage(scenarios: readonly ScenarioClaims[], claims: readonly Claim[] = CLAIMS): ClaimCoverage[] {
  return claims.map((claim) => {
    const { proves, counters } = scenariosForClaim(claim.id, scenarios);
    const verdict = verdictOf(claim.id) ?? { holds: 'always' };
    const missing: ('proof' | 'counter')[] = [];
    // A claim that does not hold needs a scenario showing so, not one proving it; one not modelled needs neither.
    if (proves.length === 0 && (verdict.holds === 'always' || verdict.holds === 'under')) missing.push('proof');
    if ((claim.needsCounter || verdict.holds === 'not') && counters.length === 0) missing.push('counter');
    return { claim, verdict, proves, counters, missing };
  });
}

/** Claim ids a scenario names that the catalogue does not know. */
export function unknownClaimIds(scenarios: readonly ScenarioClaims[], claims: readonly Claim[] = CLAIMS): { scenario: string; claim: string }[] {
  const known = new Set(claims.map((cl) => cl.id));
  const out: { scenario: string; claim: string }[] = [];
  for (const s of scenarios) for (const id of [...s.claims, ...s.counterTo]) if (!known.has(id)) out.push({ scenario: s.id, claim: id });
  return out;
}
