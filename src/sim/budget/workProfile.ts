// The numbers a scenario's work is made of, read from the file alone (no run):
// how many mails can exist, how many places can hold them, and how many events
// (steps, arrivals, automatic checks, nightly backups, MTA retries) the
// scheduler can fire over the scenario's time span. See workBudget.ts for how
// they multiply into a bound.
import type { Scenario, World } from '../scenario/schema';
import { parseTime, MINUTES_PER_DAY } from '../scenario/time';
import { equivalentRetryMinutes } from '../server/postfixQueue';

export interface WorkProfile {
  /** Steps in the file (each is one event). */
  readonly steps: number;
  /** Mails that arrive or are sent (bursts count every mail). */
  readonly mails: number;
  /** Recipient copies delivered: each can be refused and bounce, which makes one more mail. */
  readonly recipients: number;
  /** The part of `mails` and `recipients` that comes from bursts (what a user would shrink). */
  readonly burstMails: number;
  readonly burstRecipients: number;
  readonly accounts: number;
  readonly devices: number;
  readonly folders: number;
  /** Devices on IMAP IDLE: each delivery wakes them. */
  readonly idleDevices: number;
  readonly backupDevices: number;
  readonly serverBackup: boolean;
  /** Minutes from the first step to the last: the scheduler runs nothing after the last step. */
  readonly spanMinutes: number;
  /** Every automatic-check interval, one per device that has one. */
  readonly checkIntervals: readonly number[];
  /** Deliveries can be deferred (temporary quota failure or a server disk failure): the MTA retries. */
  readonly deferrable: boolean;
  readonly retryEveryMinutes: number;
  readonly queueLifetimeDays: number;
}

export function profileOf(scenario: Scenario, world: World = scenario.world): WorkProfile {
  let mails = 0;
  let recipients = 0;
  let burstMails = 0;
  let burstRecipients = 0;
  let serverDown = false;
  for (const step of scenario.steps) {
    if (step.do === 'mail.arrive') {
      mails += 1;
      recipients += step.mail.to.length;
    } else if (step.do === 'mail.burst') {
      mails += step.count;
      recipients += step.count * step.to.length;
      burstMails += step.count;
      burstRecipients += step.count * step.to.length;
    } else if (step.do === 'device.send') {
      mails += 1;
      // Each account recipient, the Sent copy, a Bcc to oneself and the outside address.
      recipients += step.mail.to.length + 3;
    } else if (step.do === 'server.diskFail') serverDown = true;
  }
  const times = scenario.steps.map((s) => parseTime(s.at) ?? 0);
  const spanMinutes = times.length ? Math.max(0, Math.max(...times) - Math.min(...times)) : 0;
  return {
    steps: scenario.steps.length,
    mails,
    recipients,
    burstMails,
    burstRecipients,
    accounts: world.accounts.length,
    devices: world.devices.length,
    folders: world.folders.length + Math.max(0, ...world.devices.map((d) => d.localFolders.length)),
    idleDevices: world.devices.filter((d) => d.protocol === 'imap' && d.imap.idle).length,
    backupDevices: world.devices.filter((d) => d.backup === 'daily').length,
    serverBackup: world.server.backup === 'daily',
    spanMinutes,
    checkIntervals: world.devices.map((d) => d.checkEveryMinutes).filter((c): c is number => c !== null),
    deferrable: world.server.quotaFull === 'temporary' || serverDown,
    // Without a fixed interval the MX retries as Postfix does: the interval that makes as many tries in the window.
    retryEveryMinutes: world.server.retryEveryMinutes ?? equivalentRetryMinutes(world.server, Math.min(spanMinutes, world.server.queueLifetimeDays * MINUTES_PER_DAY)),
    queueLifetimeDays: world.server.queueLifetimeDays,
  };
}

/** Nights (backups) that fall within the span: at most one per started day, plus the first. */
export function nightsIn(spanMinutes: number): number {
  return Math.floor(spanMinutes / MINUTES_PER_DAY) + 1;
}
