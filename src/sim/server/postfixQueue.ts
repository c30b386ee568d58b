// When Postfix tries a deferred mail again, and when it gives up (rule 66).
// The queue manager puts a deferred mail's next try at now + its age in the
// queue, clamped to [minimal_backoff_time, maximal_backoff_time], so the gaps
// double from the first deferral until they reach the maximum; it looks into
// the deferred queue every queue_run_delay, so a try happens at the first
// scan at or after that moment. After a try that fails again, a mail older
// than maximal_queue_lifetime (bounce_queue_lifetime for a bounce, whose
// envelope sender is empty) is returned to the sender. Postfix's
// qmgr_active.c (qmgr_active_done_2_generic, qmgr_active_done_3_defer_*);
// the defaults are postconf(5)'s.

/** Postfix's queue settings, in seconds (lifetimes in days, as postconf writes them: 5d). */
export interface QueueSettings {
  /** queue_run_delay (postconf(5) default 300s). */
  readonly queueRunDelaySeconds: number;
  /** minimal_backoff_time (postconf(5) default 300s). */
  readonly minimalBackoffSeconds: number;
  /** maximal_backoff_time (postconf(5) default 4000s). */
  readonly maximalBackoffSeconds: number;
  /** maximal_queue_lifetime (postconf(5) default 5d). */
  readonly queueLifetimeDays: number;
  /** bounce_queue_lifetime (postconf(5) default 5d). */
  readonly bounceQueueLifetimeDays: number;
}

export const POSTFIX_DEFAULTS: QueueSettings = {
  queueRunDelaySeconds: 300,
  minimalBackoffSeconds: 300,
  maximalBackoffSeconds: 4000,
  queueLifetimeDays: 5,
  bounceQueueLifetimeDays: 5,
};

const SECONDS_PER_MINUTE = 60;
const MINUTES_PER_DAY = 1440;

/**
 * The minute of the next try of a mail the MX accepted at `queuedAt` and that
 * was deferred at `now` (both in minutes). The deferred-queue scans are taken
 * to run at whole multiples of queue_run_delay from the start of day 1 (a
 * real queue manager's phase depends on when it started); queue_run_delay is
 * a whole number of minutes, so every try falls on a whole minute.
 */
export function nextAttempt(q: QueueSettings, queuedAt: number, now: number): number {
  const age = (now - queuedAt) * SECONDS_PER_MINUTE;
  const delay = Math.min(Math.max(age, q.minimalBackoffSeconds), q.maximalBackoffSeconds);
  const eligible = now * SECONDS_PER_MINUTE + delay;
  return (Math.ceil(eligible / q.queueRunDelaySeconds) * q.queueRunDelaySeconds) / SECONDS_PER_MINUTE;
}

/** The lifetime, in minutes, of a mail with this envelope sender ('' for a bounce). */
export function lifetimeMinutes(q: QueueSettings, envelopeFrom: string): number {
  return (envelopeFrom ? q.queueLifetimeDays : q.bounceQueueLifetimeDays) * MINUTES_PER_DAY;
}

/** Has a mail accepted at `queuedAt` outlived its lifetime by `now` (checked after a failed try)? */
export function expired(q: QueueSettings, queuedAt: number, now: number, envelopeFrom: string): boolean {
  return now - queuedAt >= lifetimeMinutes(q, envelopeFrom);
}

/** Every try of a mail deferred at minute 0 that stays refused, up to and including the one that expires it (at most `limit`). */
export function attemptTimes(q: QueueSettings, envelopeFrom = 'x', limit = 100_000): number[] {
  const out = [0];
  let t = 0;
  while (out.length < limit && !expired(q, 0, t, envelopeFrom)) {
    t = nextAttempt(q, 0, t);
    out.push(t);
  }
  return out;
}

/**
 * A fixed retry interval in minutes that makes at least as many tries within
 * `windowMinutes` as Postfix's schedule (for estimates that count tries as
 * window / interval + 1).
 */
export function equivalentRetryMinutes(q: QueueSettings, windowMinutes: number): number {
  const tries = attemptTimes(q).filter((t) => t <= windowMinutes).length;
  return tries > 1 ? Math.max(1, Math.floor(windowMinutes / (tries - 1))) : MINUTES_PER_DAY;
}
