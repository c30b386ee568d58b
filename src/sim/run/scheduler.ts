// What happens between the scenario's steps because time passes: mail of a
// burst arriving, the MTA retrying deferred deliveries, the nightly backups
// (devices at 01:00, the server at 02:00) and devices that check on their own.
import { MINUTES_PER_DAY } from '../scenario/time';
import type { Run } from './run';
import { TimeOp } from '../model/ops';
import { arrive, checkMail, type Arrival } from './steps';
import { nextRetryAt, retryDeferred } from './mta';
import { backupDevice } from './devices';
import { backupServer } from './operations';

const DEVICE_BACKUP_MINUTE = 60;
const SERVER_BACKUP_MINUTE = 120;

function nextDaily(after: number, minuteOfDay: number): number {
  const day = Math.floor(after / MINUTES_PER_DAY);
  const today = day * MINUTES_PER_DAY + minuteOfDay;
  return today > after ? today : today + MINUTES_PER_DAY;
}

export class Scheduler {
  private arrivals: Arrival[] = [];
  private arrivalIndex = 0;
  private readonly nextCheck = new Map<string, number>();
  /** The configuration each device's next check was planned with (a device.configure step replaces it). */
  private readonly plannedWith = new Map<string, object>();
  private nextDeviceBackup: number;
  private nextServerBackup: number;

  constructor(
    private readonly run: Run,
    start: number,
  ) {
    this.nextDeviceBackup = nextDaily(start, DEVICE_BACKUP_MINUTE);
    this.nextServerBackup = nextDaily(start, SERVER_BACKUP_MINUTE);
    for (const d of run.world.devices) {
      this.plannedWith.set(d.id, d);
      if (d.checkEveryMinutes) this.nextCheck.set(d.id, start + d.checkEveryMinutes);
    }
  }

  /** Whether some device is backed up nightly now. */
  private anyDeviceBackup(): boolean {
    for (const d of this.run.devices.values()) if (d.config.backup === 'daily') return true;
    return false;
  }

  /** A device reconfigured since its check was planned: the interval starts again when it was changed. */
  private replan(): void {
    for (const dev of this.run.devices.values()) {
      const c = dev.config;
      if (this.plannedWith.get(c.id) === c) continue;
      this.plannedWith.set(c.id, c);
      if (c.checkEveryMinutes) this.nextCheck.set(c.id, (dev.configuredAt ?? this.run.time) + c.checkEveryMinutes);
      else this.nextCheck.delete(c.id);
    }
  }

  addArrivals(list: Arrival[]): void {
    const rest = this.arrivals.slice(this.arrivalIndex).concat(list);
    rest.sort((a, b) => a.at - b.at);
    this.arrivals = rest;
    this.arrivalIndex = 0;
  }

  private nextTime(): number {
    this.replan();
    let t = Infinity;
    if (this.arrivalIndex < this.arrivals.length) t = Math.min(t, this.arrivals[this.arrivalIndex].at);
    const retry = nextRetryAt(this.run);
    if (retry !== null) t = Math.min(t, retry);
    if (this.anyDeviceBackup()) t = Math.min(t, this.nextDeviceBackup);
    if (this.run.world.server.backup === 'daily') t = Math.min(t, this.nextServerBackup);
    for (const c of this.nextCheck.values()) t = Math.min(t, c);
    return t;
  }

  /**
   * Run everything due up to and including `until`, in time order. The loop only asks what is next: a
   * year's loop turns ~13,000 times, and V8 compiled the whole of a wake-up inlined into it while it ran
   * (on-stack replacement), then again; a wake-up of its own is compiled once, as any function.
   */
  runUntil(until: number): void {
    for (;;) {
      const t = this.nextTime();
      if (t > until) return;
      this.wake(t);
    }
  }

  /** Everything due at `t`: arrivals, retries, the nightly backups, the devices' own checks. */
  private wake(t: number): void {
    const run = this.run;
    if (t > run.time) run.apply(new TimeOp(t));
    run.recorder.beginStep(-2, undefined);
    while (this.arrivalIndex < this.arrivals.length && this.arrivals[this.arrivalIndex].at <= t) arrive(run, this.arrivals[this.arrivalIndex++]);
    if ((nextRetryAt(run) ?? Infinity) <= t) retryDeferred(run, t);
    if (this.nextDeviceBackup <= t) {
      for (const { config: d } of run.devices.values()) if (d.backup === 'daily') backupDevice(run, d.id);
      this.nextDeviceBackup = nextDaily(t, DEVICE_BACKUP_MINUTE);
    }
    if (this.nextServerBackup <= t) {
      if (run.world.server.backup === 'daily') backupServer(run);
      this.nextServerBackup = nextDaily(t, SERVER_BACKUP_MINUTE);
    }
    // The devices as configured now, read in place at every wake-up (no list made each time).
    for (const { config: d } of run.devices.values()) {
      const due = this.nextCheck.get(d.id);
      if (due === undefined || due > t) continue;
      const status = run.state.devices.get(d.id);
      if (status?.online && !status.diskFailed) checkMail(run, d.id);
      this.nextCheck.set(d.id, due + d.checkEveryMinutes!);
    }
  }
}
