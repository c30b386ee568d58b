// One fuzzing case, start to end: load the file (or decode the link), check
// the work budget, simulate within the hard cap, and check the invariants —
// then run it once more against a cap lowered below what it needs (at most 64
// frames), which must stop it with a located refusal. The result is "valid",
// "refused" (with located problem messages), or a failure saying why; and a
// fingerprint, so two runs of the same case can be compared.
import { formatProblem, loadWithinLimits, simulateWithinBudget, WORK_CAP, type Scenario } from '../src/sim';
import { decodeScenario } from '../src/ui/url/sharedScenario';
import { budgetText } from '../src/cli/budgetText';
import { brokenInvariant } from './invariants';
import type { FuzzCase } from './cases';

export type CaseResult = { readonly outcome: 'valid' | 'refused'; readonly fingerprint: string } | { readonly outcome: 'failure'; readonly reason: string };

/** FNV-1a over a string: a short fingerprint of a long text. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `${text.length}:${h.toString(16)}`;
}

/**
 * A problem message names the file (or "shared link") and then says what is
 * wrong; the loader adds the path inside the file or the line and column.
 */
const LOCATED = /^(fuzz\.json|shared link): \S/;

function refused(messages: readonly string[]): CaseResult {
  if (!messages.length) return { outcome: 'failure', reason: 'refused without a single problem message' };
  for (const m of messages) if (!LOCATED.test(m)) return { outcome: 'failure', reason: `a problem message that does not say where: ${JSON.stringify(m.slice(0, 300))}` };
  return { outcome: 'refused', fingerprint: hash(messages.join('\n')) };
}

/**
 * The same scenario against a cap below its frames (half of them, at most 64, so the check costs
 * little): it must stop, and say where, in the budget's words.
 */
function stopsAtLoweredCap(scenario: Scenario, variant: string | null, frames: number): string | null {
  const cap = Math.min(64, Math.floor(frames / 2));
  const run = simulateWithinBudget(scenario, { variant, cap: { frames: cap } });
  if (run.ok) return `a cap of ${cap} frames did not stop a run of ${frames} frames`;
  const v = run.verdict;
  if (!v.cap || v.cap.counter !== 'frames' || v.limit !== cap || v.units !== cap + 1) return `stopped at a cap of ${cap} frames with a wrong verdict: ${JSON.stringify({ ...v, levers: undefined })}`;
  if (v.cap.step < 0 || v.cap.step >= scenario.steps.length) return `stopped at the cap, but names steps[${v.cap.step}] of ${scenario.steps.length}`;
  const lines = budgetText(v, 'fuzz.json');
  const result = refused(lines);
  return result.outcome === 'failure' ? `cap refusal: ${result.reason}` : null;
}

function play(scenario: Scenario): CaseResult {
  const prints: string[] = [];
  for (const variant of [null, ...Object.keys(scenario.variants)]) {
    const run = simulateWithinBudget(scenario, { variant });
    // Refused before the run (the budget) or during it (the hard cap): a located message either way.
    if (!run.ok) return refused(budgetText(run.verdict, 'fuzz.json'));
    const t = run.timeline;
    const broken = brokenInvariant(scenario, t);
    if (broken) return { outcome: 'failure', reason: `${variant ? `variant ${variant}: ` : ''}${broken}` };
    if (t.frames.length > WORK_CAP.frames) return { outcome: 'failure', reason: `${t.frames.length} frames, above the hard cap of ${WORK_CAP.frames}` };
    if (variant === null && t.frames.length >= 4) {
      const capped = stopsAtLoweredCap(scenario, variant, t.frames.length);
      if (capped) return { outcome: 'failure', reason: capped };
    }
    prints.push(hash(JSON.stringify(t.frames.map((f) => [f.time, f.step, f.label, f.narration, f.transfers, f.ops]))));
  }
  return { outcome: 'valid', fingerprint: prints.join(' ') };
}

export function runCase(c: FuzzCase): CaseResult {
  try {
    if (c.kind === 'link') {
      const decoded = decodeScenario(c.link);
      return decoded.ok ? play(decoded.scenario) : refused(decoded.problems);
    }
    // Files go through the same door as in the CLI and the app.
    const loaded = loadWithinLimits('fuzz.json', c.text);
    return loaded.ok ? play(loaded.scenario) : refused(loaded.problems.map(formatProblem));
  } catch (err) {
    return { outcome: 'failure', reason: `uncaught ${err instanceof Error ? (err.stack ?? err.message).split('\n').slice(0, 4).join(' | ') : String(err)}` };
  }
}

/** Run a case twice; a different result the second time is a failure too. */
export function runCaseTwice(c: FuzzCase): CaseResult {
  const first = runCase(c);
  if (first.outcome === 'failure') return first;
  const second = runCase(c);
  if (second.outcome === 'failure') return { outcome: 'failure', reason: `second run: ${second.reason}` };
  if (second.outcome !== first.outcome || second.fingerprint !== first.fingerprint)
    return { outcome: 'failure', reason: `two runs differ: ${first.outcome} ${first.fingerprint} vs ${second.outcome} ${second.fingerprint}` };
  return first;
}
