// The hard cap a run stops at, and what to say when it does. The budget
// (workBudget.ts) is checked before a run and is an upper bound; the cap is
// the second line: if the bound were ever wrong, or a run were started without
// it, the run still stops — as a refusal with the same kind of located message
// (what was too much, where in the file, and which fields to change).
import type { Scenario } from '../scenario/schema';
import { formatTime, parseTime } from '../scenario/time';
import type { WorkCapExceeded, WorkCounts } from '../recorder/workGuard';
import type { BudgetVerdict, Lever } from './workBudget';

/**
 * The caps. The benchmark's household year (10,000 mails, 8 devices checking
 * daily, the largest run the budget is meant for) records about 67,000 frames,
 * 166,000 ops, 721,000 protocol lines and 60,000 scheduled events; the caps are
 * four to five times that, and the largest built-in scenario (2,409 frames) is
 * far below them.
 */
export const WORK_CAP: Readonly<WorkCounts> = { frames: 300_000, ops: 800_000, lines: 3_500_000, events: 1_000_000 };

/** Burst mails whose arrival falls before `time`. */
function burstMailsBefore(scenario: Scenario, time: number): number {
  let n = 0;
  for (const s of scenario.steps) {
    if (s.do !== 'mail.burst') continue;
    const at = parseTime(s.at) ?? 0;
    if (at <= time) n += Math.min(s.count, Math.floor((time - at) / s.everyMinutes) + 1);
  }
  return n;
}

/** The cap, passed, as a refusal: where the run was and the fields whose change keeps it short of that point. */
export function capVerdict(scenario: Scenario, variant: string | null, err: WorkCapExceeded): Extract<BudgetVerdict, { ok: false }> {
  const steps = scenario.steps;
  const times = steps.map((s) => parseTime(s.at) ?? 0);
  const start = times.length ? Math.min(...times) : 0;
  const end = times.length ? Math.max(...times) : 0;
  const levers: Lever[] = [];

  // Everything before the minute the cap was passed ran within it: a scenario
  // that ends earlier is a prefix of this run.
  const fits = err.time - 1;
  if (fits > start && end > fits) {
    const later = steps.flatMap((s, i) => (times[i] > fits ? [`steps[${i}].at`] : []));
    levers.push({ kind: 'span', paths: later, now: end - start, fits: fits - start, nowAt: formatTime(end), fitsAt: formatTime(fits) });
  }

  const bursts = steps.flatMap((s, i) => (s.do === 'mail.burst' ? [{ path: `steps[${i}].count`, count: s.count }] : []));
  const burstMails = bursts.reduce((n, b) => n + b.count, 0);
  if (bursts.length) levers.push({ kind: 'capMails', paths: bursts.map((b) => b.path), now: burstMails, arrived: Math.min(burstMails, burstMailsBefore(scenario, err.time)) });

  const checks = scenario.world.devices.flatMap((d, i) => (d.checkEveryMinutes !== null ? [{ path: `world.devices[${i}].checkEveryMinutes`, every: d.checkEveryMinutes }] : []));
  if (checks.length) levers.push({ kind: 'capChecks', paths: checks.map((c) => c.path), now: Math.min(...checks.map((c) => c.every)) });

  return {
    ok: false,
    units: err.counts[err.counter],
    limit: err.cap,
    variant,
    levers,
    cap: { counter: err.counter, step: err.step, between: err.between, stepDo: steps[err.step]?.do ?? null, at: formatTime(err.time) },
  };
}
