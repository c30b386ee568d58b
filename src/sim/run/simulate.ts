// simulate(scenario) → Timeline: a pure, deterministic function. The
// scenario's steps are the only input; the same scenario gives the same
// timeline, byte for byte, in Node and in the browser. Changing the steps (a
// sandbox fork) and running again gives the forked timeline.
import type { Scenario, Step } from '../scenario/schema';
import { withVariant } from '../scenario/load';
import { parseTime } from '../scenario/time';
import type { Timeline } from '../timeline';
import { Run } from './run';
import { Scheduler } from './scheduler';
import { afterDelivery, runStep } from './steps';
import { createMailboxOps } from '../store/mailbox';

export interface SimulateOptions {
  /** A named variant of the scenario (its overrides applied to the world). */
  readonly variant?: string | null;
}

export function simulate(scenario: Scenario, options: SimulateOptions = {}): Timeline {
  const variant = options.variant ?? null;
  const effective = withVariant(scenario, variant ?? undefined);
  const run = new Run(scenario, effective.world, variant);
  for (const op of createMailboxOps(effective.world.accounts.map((a) => a.id), run.folders, run.state.serverGeneration)) run.apply(op);
  run.onDelivered = (accounts) => afterDelivery(run, accounts);
  for (const d of effective.world.devices) {
    run.apply({ op: 'device', device: d.id, status: { online: true, diskFailed: false } });
    if (!d.online) run.sendDeviceEvent(d.id, { type: 'network.down' });
  }
  const start = effective.steps.length ? parseTime(effective.steps[0].at)! : 0;
  run.apply({ op: 'time', time: start });
  run.emit('world', 'start', { key: 'world.start', params: { devices: effective.world.devices.length, accounts: effective.world.accounts.length } });

  const scheduler = new Scheduler(run, start);
  let lastAt = start;
  effective.steps.forEach((step: Step, index) => {
    const at = parseTime(step.at)!;
    // The clock only moves forward (the loader refuses such a scenario too).
    if (at < lastAt) throw new Error(`the clock cannot go back (to ${step.at})`);
    lastAt = at;
    scheduler.runUntil(at);
    if (at > run.time) run.apply({ op: 'time', time: at });
    run.recorder.beginStep(index, step.note);
    const before = run.timeline.frames.length;
    runStep(run, step, (arrivals) => scheduler.addArrivals(arrivals));
    if (run.timeline.frames.length === before) run.emit('world', step.do, { key: 'world.nothing', params: { step: step.do } });
    else if (run.hasPending()) run.emit('world', step.do, { key: 'world.settled', params: { step: step.do } });
  });
  return run.timeline;
}
