// The work budget: before anything is simulated, bound the work a scenario can
// imply and refuse what exceeds the limit, naming the fields to change and how
// far. Scenario files and links come from strangers; every field can be within
// its own limit while their product (mails × devices × checks over months)
// would freeze a browser tab for minutes.
//
// Why the bound holds (units ≈ "one copy of one mail touched once"):
// - Copies: every copy is made by a delivery, a download, a copy or a backup of
//   a mail that exists. At most `mails + recipients` mails exist (each refused
//   recipient copy can bounce into one new mail), and one mail has at most one
//   copy per account on the server, one per device, one in each backup, the
//   queue and outside — doubled for the duplicates a POP3 device downloads again
//   after losing its UIDL list. So at most C = 2 · (mails + recipients) ·
//   (accounts + devices + 3) copies exist at once.
// - A "full" event — a step, an automatic check, a nightly backup, an IDLE
//   device reconnecting — touches each existing copy and each folder a bounded
//   number of times (a check lists a folder, fetches what is new, expunges
//   what is gone). The scheduler fires: the steps; per device with
//   checkEveryMinutes c, at most ⌊span / c⌋ checks; per night of the span one
//   backup per device with a backup and one of the server; per IDLE device one
//   reconnection per step and at start.
// - A "small" event touches a constant number of copies: an arrival (its LMTP
//   delivery per recipient and one pushed fetch per IDLE device).
// - Deferred deliveries (temporary quota failures, a server that is down) are
//   retried every retryEveryMinutes for at most the queue lifetime, and every
//   scheduler step scans the queue.
// Summing: units = full events · (C + folders) + small events + retries. The
// fuzzing campaign checks on every valid case that the frames and ops a run
// records stay below this figure.
import type { Scenario } from '../scenario/schema';
import { withVariant } from '../scenario/load';
import { nightsIn, profileOf, type WorkProfile } from './workProfile';
import { MINUTES_PER_DAY, formatTime, parseTime } from '../scenario/time';

/**
 * The limit. The benchmark's household year (10,000 mails, 8 devices checking
 * daily, 365 nights of backups) is about a quarter of it; that year simulates
 * in about 2 s on the development machine.
 */
export const WORK_LIMIT = 10_000_000_000;

export interface WorkEstimate {
  readonly units: number;
  readonly fullEvents: number;
  readonly copies: number;
}

function checksIn(span: number, intervals: readonly number[]): number {
  let n = 0;
  for (const c of intervals) n += Math.floor(span / c);
  return n;
}

export function estimateWork(p: WorkProfile): WorkEstimate {
  const mailsMax = p.mails + p.recipients;
  const copies = 2 * mailsMax * (p.accounts + p.devices + 3);
  const folderCount = (p.accounts + p.devices) * (6 + p.folders) + 4;
  const nights = nightsIn(p.spanMinutes);
  const autoChecks = checksIn(p.spanMinutes, p.checkIntervals);
  const fullEvents = p.steps + autoChecks + nights * (p.backupDevices + (p.serverBackup ? 1 : 0)) + p.idleDevices * (p.steps + 1);
  const smallEvents = p.mails * (1 + p.idleDevices) + p.recipients;
  let retryUnits = 0;
  if (p.deferrable) {
    const window = Math.min(p.spanMinutes, p.queueLifetimeDays * MINUTES_PER_DAY);
    const retries = p.recipients * (Math.floor(window / p.retryEveryMinutes) + 1);
    const schedulerSteps = p.mails + autoChecks + nights + retries;
    retryUnits = retries * (p.accounts + 1) + schedulerSteps * p.recipients;
  }
  return { units: fullEvents * (copies + folderCount) + smallEvents + retryUnits, fullEvents, copies };
}

/** A field to change, where it is in the file, its value now and the value that fits. */
export type Lever =
  | { readonly kind: 'mails'; readonly paths: readonly string[]; readonly now: number; readonly fits: number }
  | { readonly kind: 'checkEveryMinutes'; readonly paths: readonly string[]; readonly now: number; readonly fits: number | null }
  | { readonly kind: 'span'; readonly paths: readonly string[]; readonly now: number; readonly fits: number; readonly nowAt: string; readonly fitsAt: string }
  | { readonly kind: 'retryEveryMinutes'; readonly paths: readonly string[]; readonly now: number; readonly fits: number }
  // After a run passed its hard cap (workCap.ts): fewer burst mails than had arrived by then, or less frequent checks.
  | { readonly kind: 'capMails'; readonly paths: readonly string[]; readonly now: number; readonly arrived: number }
  | { readonly kind: 'capChecks'; readonly paths: readonly string[]; readonly now: number };

/** Where a run stopped at its hard cap: the counter passed, the step being run (-2 between steps), and when. */
export interface CapPassed {
  readonly counter: 'frames' | 'ops' | 'lines' | 'events';
  readonly step: number;
  /** True when it stopped in the scheduled events before that step (arrivals, automatic checks, backups, retries). */
  readonly between: boolean;
  readonly stepDo: string | null;
  /** Simulated time, as the format writes it ("day 12, 10:00"). */
  readonly at: string;
}

export type BudgetVerdict =
  | { readonly ok: true; readonly units: number; readonly limit: number }
  | {
      readonly ok: false;
      readonly units: number;
      readonly limit: number;
      /** The variant whose world implies the most work (null: the scenario as written). */
      readonly variant: string | null;
      /** Each lever alone brings the work within the limit; empty when no single one can. */
      readonly levers: readonly Lever[];
      /** Set when the run itself stopped at its hard cap (units and limit are then that counter and its cap). */
      readonly cap?: CapPassed;
    };

/** The largest integer in [lo, hi] for which `fits` holds (fits is monotone: true up to some point), or null. */
function largestFitting(lo: number, hi: number, fits: (v: number) => boolean): number | null {
  if (!fits(lo)) return null;
  while (lo < hi) {
    const mid = Math.floor((lo + hi + 1) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function leversFor(scenario: Scenario, p: WorkProfile, limit: number): Lever[] {
  const within = (q: WorkProfile) => estimateWork(q).units <= limit;
  const levers: Lever[] = [];

  const burstPaths = scenario.steps.flatMap((s, i) => (s.do === 'mail.burst' ? [`steps[${i}].count`] : []));
  if (p.burstMails > 0) {
    const fixedMails = p.mails - p.burstMails;
    const perMail = p.burstRecipients / p.burstMails;
    const fits = largestFitting(0, p.burstMails, (n) => within({ ...p, mails: fixedMails + n, recipients: p.recipients - p.burstRecipients + Math.ceil(n * perMail), burstMails: n }));
    if (fits !== null && fits > 0) levers.push({ kind: 'mails', paths: burstPaths, now: p.burstMails, fits });
  }

  const checkPaths = scenario.world.devices.flatMap((d, i) => (d.checkEveryMinutes !== null ? [`world.devices[${i}].checkEveryMinutes`] : []));
  if (p.checkIntervals.length) {
    const MAX_INTERVAL = 10_080;
    const now = Math.min(...p.checkIntervals);
    const withInterval = (v: number) => ({ ...p, checkIntervals: p.checkIntervals.map((c) => Math.max(c, v)) });
    // The smallest interval that fits = the first v where it fits; search on the negated axis.
    const neg = largestFitting(-MAX_INTERVAL, -now, (nv) => within(withInterval(-nv)));
    if (neg !== null) levers.push({ kind: 'checkEveryMinutes', paths: checkPaths, now, fits: -neg });
    else if (within({ ...p, checkIntervals: [] })) levers.push({ kind: 'checkEveryMinutes', paths: checkPaths, now, fits: null });
  }

  if (p.spanMinutes > 0) {
    const last = scenario.steps.length - 1;
    const fits = largestFitting(0, p.spanMinutes, (span) => within({ ...p, spanMinutes: span }));
    const start = Math.min(...scenario.steps.map((s) => parseTime(s.at) ?? 0));
    if (fits !== null && fits > 0)
      levers.push({ kind: 'span', paths: [`steps[${last}].at`], now: p.spanMinutes, fits, nowAt: formatTime(start + p.spanMinutes), fitsAt: formatTime(start + fits) });
  }

  if (p.deferrable) {
    const neg = largestFitting(-1440, -p.retryEveryMinutes, (nv) => within({ ...p, retryEveryMinutes: -nv }));
    if (neg !== null) levers.push({ kind: 'retryEveryMinutes', paths: ['world.server.retryEveryMinutes'], now: p.retryEveryMinutes, fits: -neg });
  }
  return levers;
}

/** Bound the work of a loaded scenario (and of each of its variants) against the limit. */
export function checkWorkBudget(scenario: Scenario, limit = WORK_LIMIT): BudgetVerdict {
  let worst: { variant: string | null; profile: WorkProfile; units: number } | null = null;
  for (const variant of [null, ...Object.keys(scenario.variants)]) {
    const world = variant === null ? scenario.world : withVariant(scenario, variant).world;
    const profile = profileOf(scenario, world);
    const units = estimateWork(profile).units;
    if (!worst || units > worst.units) worst = { variant, profile, units };
  }
  const { variant, profile, units } = worst!;
  if (units <= limit) return { ok: true, units, limit };
  return { ok: false, units, limit, variant, levers: leversFor(scenario, profile, limit) };
}
