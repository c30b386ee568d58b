// Each device's settings at a frame, and where each came from: the world's
// devices with every device.configure step applied that began at or before
// the frame. Read from the scenario's steps and the timeline's step starts,
// so the timeline itself carries nothing extra.
import type { Step, World } from '../scenario/schema';
import { configureDevice } from '../scenario/configure';
import { settingsView, type DeviceSettingsView } from '../scenario/settings';

type Device = World['devices'][number];

/** The devices as configured after frame `frame` (steps must be the ones the timeline ran). */
export function devicesAtFrame(world: World, steps: readonly Step[], stepStarts: readonly number[], frame: number): Device[] {
  const current = new Map(world.devices.map((d) => [d.id, d]));
  steps.forEach((step, i) => {
    if (step.do !== 'device.configure') return;
    const start = stepStarts[i];
    if (start === undefined || start > frame) return;
    const d = current.get(step.device);
    if (d) current.set(d.id, configureDevice(d, step).device);
  });
  return world.devices.map((d) => current.get(d.id)!);
}

/** Per device at a frame: its profile (or none) and each setting of the protocol in use with its origin. */
export function deviceSettingsAtFrame(world: World, steps: readonly Step[], stepStarts: readonly number[], frame: number): DeviceSettingsView[] {
  return devicesAtFrame(world, steps, stepStarts, frame).map(settingsView);
}
