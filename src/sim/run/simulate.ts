// simulate(scenario) → Timeline: a pure, deterministic function. The
// scenario's steps are the only input; the same scenario gives the same
// timeline, byte for byte, in Node and in the browser. Changing the steps (a
// sandbox fork) and running again gives the forked timeline.
//
// Every run counts its work as it records it and stops at a hard cap
// (WorkCapExceeded); simulateWithinBudget is the one door for files and links
// from strangers: the budget before the run, the cap during it, both as a
// refusal with a located message.
import type { Scenario, Step } from '../scenario/schema';
import { withVariant } from '../scenario/load';
import { parseTime } from '../scenario/time';
import type { Timeline } from '../timeline';
import { Run } from './run';
import { TimeOp } from '../model/ops';
import { Scheduler } from './scheduler';
import { afterDelivery, runStep } from './steps';
import { createMailboxOps } from '../store/mailbox';
import { WorkCapExceeded, WorkGuard, type WorkCounts } from '../recorder/workGuard';
import { WORK_CAP, capVerdict } from '../budget/workCap';
import { checkWorkBudget, type BudgetVerdict } from '../budget/workBudget';

export interface SimulateOptions {
  /** A named variant of the scenario (its overrides applied to the world). */
  readonly variant?: string | null;
  /** The hard cap on the work recorded (default WORK_CAP; a counter left out keeps its default). */
  readonly cap?: Partial<WorkCounts>;
  /**
   * Told how far the run is, as a fraction from 0 to 1 that never goes down:
   * the simulated time passed over the scenario's span (the steps done, when
   * they all happen at one moment). Called every few hundred frames, after
   * each step, and with 1 at the end.
   */
  readonly onProgress?: (fraction: number) => void;
}

export function simulate(scenario: Scenario, options: SimulateOptions = {}): Timeline {
  const variant = options.variant ?? null;
  const effective = withVariant(scenario, variant ?? undefined);
  const run = new Run(scenario, effective.world, variant);
  const steps = effective.steps;
  const times = steps.map((s) => parseTime(s.at)!);
  const start = steps.length ? times[0] : 0;
  const end = steps.length ? Math.max(...times) : 0;
  let current = 0;
  let between = false;
  let reported = 0;
  const report = options.onProgress;
  const progress = () => {
    // Simulated time over the scenario's span; steps done when they all happen at one moment. (Steps
    // done would mislead otherwise: a burst step is done at once, the work is in its arrivals later.)
    const f = Math.min(0.999, Math.max(reported, end > start ? (run.time - start) / (end - start) : steps.length ? current / steps.length : 0));
    if (f > reported) {
      reported = f;
      report!(f);
    }
  };
  run.recorder.guard = new WorkGuard({ ...WORK_CAP, ...options.cap }, () => ({ step: current, between, time: run.time }), report ? progress : null);

  for (const op of createMailboxOps(effective.world.accounts.map((a) => a.id), run.folders, run.state.serverGeneration)) run.apply(op);
  run.onDelivered = (accounts) => afterDelivery(run, accounts);
  for (const d of effective.world.devices) {
    run.apply({ op: 'device', device: d.id, status: { online: true, diskFailed: false } });
    if (!d.online) run.sendDeviceEvent(d.id, { type: 'network.down' });
  }
  run.apply(new TimeOp(start));
  run.emit('world', 'start', { key: 'world.start', params: { devices: effective.world.devices.length, accounts: effective.world.accounts.length } });

  const scheduler = new Scheduler(run, start);
  let lastAt = start;
  steps.forEach((step: Step, index) => {
    const at = times[index];
    // The clock only moves forward (the loader refuses such a scenario too).
    if (at < lastAt) throw new Error(`the clock cannot go back (to ${step.at})`);
    lastAt = at;
    current = index;
    between = true;
    scheduler.runUntil(at);
    between = false;
    if (at > run.time) run.apply(new TimeOp(at));
    run.recorder.beginStep(index, step.note);
    const before = run.timeline.frames.length;
    runStep(run, step, (arrivals) => scheduler.addArrivals(arrivals));
    if (run.timeline.frames.length === before) run.emit('world', step.do, { key: 'world.nothing', params: { step: step.do } });
    else if (run.hasPending()) run.emit('world', step.do, { key: 'world.settled', params: { step: step.do } });
    current = index + 1;
    if (report) progress();
  });
  run.recorder.guard = null;
  report?.(1);
  return run.timeline;
}

export type WithinBudget = { readonly ok: true; readonly timeline: Timeline } | { readonly ok: false; readonly verdict: Extract<BudgetVerdict, { ok: false }> };

/**
 * Simulate a scenario from a stranger: refused before the run when the budget's
 * bound is over its limit, stopped during the run at the hard cap. Both come
 * back as a verdict to put in words (the player's notice, the CLI's message).
 */
export function simulateWithinBudget(scenario: Scenario, options: SimulateOptions = {}): WithinBudget {
  const verdict = checkWorkBudget(scenario);
  if (!verdict.ok) return { ok: false, verdict };
  try {
    return { ok: true, timeline: simulate(scenario, options) };
  } catch (err) {
    if (err instanceof WorkCapExceeded) {
      const variant = options.variant ?? null;
      return { ok: false, verdict: capVerdict(variant ? withVariant(scenario, variant) : scenario, variant, err) };
    }
    throw err;
  }
}
