// simulate(scenario) → Timeline: a pure, deterministic function. The
// scenario's steps are the only input; the same scenario gives the same
// timeline, byte for byte, in Node and in the browser. Changing the steps (a
// sandbox fork) and running again gives the forked timeline.
import { createActor } from 'xstate';
import type { Scenario, Step } from '../scenario/schema';
import { withVariant } from '../scenario/load';
import { parseTime } from '../scenario/time';
import type { Timeline } from '../timeline';
import { Run } from './run';
import { Scheduler } from './scheduler';
import { afterDelivery, runStep } from './steps';
import { createMailboxes } from '../server/mailbox';
import { sendDeviceEvent } from '../device/lifecycle';
import { worldMachine } from './world.machine';

export interface SimulateOptions {
  /** A named variant of the scenario (its overrides applied to the world). */
  readonly variant?: string | null;
}

export function simulate(scenario: Scenario, options: SimulateOptions = {}): Timeline {
  const variant = options.variant ?? null;
  const effective = withVariant(scenario, variant ?? undefined);
  const run = new Run(scenario, effective.world, variant);
  const clock = createActor(worldMachine, { input: { steps: effective.steps.length } });
  clock.start();

  createMailboxes(run);
  run.onDelivered = (accounts) => afterDelivery(run, accounts);
  for (const d of effective.world.devices) {
    run.apply({ op: 'device', device: d.id, status: { online: true, diskFailed: false } });
    if (!d.online) sendDeviceEvent(run, d.id, { type: 'network.down' });
  }
  const start = effective.steps.length ? parseTime(effective.steps[0].at)! : 0;
  run.apply({ op: 'time', time: start });
  run.emit('world', 'start', { key: 'world.start', params: { devices: effective.world.devices.length, accounts: effective.world.accounts.length } });

  const scheduler = new Scheduler(run, start);
  effective.steps.forEach((step: Step, index) => {
    const at = parseTime(step.at)!;
    clock.send({ type: 'clock.advance', to: at });
    scheduler.runUntil(at);
    if (at > run.time) run.apply({ op: 'time', time: at });
    run.beginStep(index, step.note);
    const before = run.timeline.frames.length;
    runStep(run, step, (arrivals) => scheduler.addArrivals(arrivals));
    if (run.timeline.frames.length === before) run.emit('world', step.do, { key: 'world.nothing', params: { step: step.do } });
    else if (run.hasPending()) run.emit('world', step.do, { key: 'world.settled', params: { step: step.do } });
    clock.send({ type: 'step.done' });
  });
  clock.send({ type: 'run.finish' });
  return run.timeline;
}
