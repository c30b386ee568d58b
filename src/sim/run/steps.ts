// One scenario step → what the world does. Each step kind names the device or
// server action it stands for; the protocol work lives in the clients and the
// server modules.
import type { Step } from '../scenario/schema';
import type { Run } from './run';
import { deliver, tellMxRoute } from './mta';
import { pop3Check, pop3Delete, pop3EmptyTrash, pop3Move, pop3Read } from '../client/pop3Client';
import { closeIdle, DEVICE_DROP, idlePush, imapCheck, imapDelete, imapEmptyTrash, imapMove, imapRead, type ConnectionEnd } from '../client/imapClient';
import { composeMail, flushOutbox } from '../client/sending';
import { diskFail, restoreDevice } from './devices';
import { breach, freeSpace, providerMove, restoreServer, serverDiskFail } from './operations';
import { hostOf } from './host';
import { contractEnd, dnsSwitch, newMailbox, repoint, syncMailboxes } from './stagedMove';
import { configure } from './configure';
import { protocolSubject } from '../scenario/texts';
import { SERVER_GONE_LINE } from '../server/imap/imapServer';
import { MailOp } from '../model/ops';
import { MailRecord } from '../model/state';

export interface Arrival {
  readonly at: number;
  readonly id: string;
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly sizeKB: number;
}

export function arrive(run: Run, a: Arrival): void {
  tellMxRoute(run, a.id, a.from);
  run.apply(new MailOp(new MailRecord(a.id, a.subject, a.from, a.to.map((t) => run.account(t).address), Math.round(a.sizeKB * 1024), [...a.to], run.time)));
  deliver(run, a.id, a.to, a.from);
}

/** Devices keeping an IDLE connection on INBOX hear of new mail at once (rule 25). */
export function afterDelivery(run: Run, accounts: readonly string[]): void {
  for (const dev of run.devices.values()) {
    const c = dev.config;
    if (c.protocol !== 'imap' || !c.imap.idle || !accounts.includes(c.account)) continue;
    const status = run.state.devices.get(c.id);
    if (!status?.online || status.diskFailed) continue;
    idlePush(hostOf(run, c.id), hostOf(run, c.id));
  }
}

/**
 * After a step: every device idling on an account hears at once what other
 * sessions changed in its INBOX meanwhile — expunges and flag changes (rule
 * 86; Dovecot pushes them about half a second after the change). A device
 * without an open IDLE connection hears nothing until its next check.
 */
export function afterStep(run: Run): void {
  for (const dev of run.devices.values()) {
    const c = dev.config;
    if (c.protocol !== 'imap' || !c.imap.idle || !dev.idle) continue;
    const status = run.state.devices.get(c.id);
    if (!status?.online || status.diskFailed) continue;
    idlePush(hostOf(run, c.id), hostOf(run, c.id));
  }
}

export function checkMail(run: Run, deviceId: string): void {
  const h = hostOf(run, deviceId);
  if (h.device.protocol === 'pop3') pop3Check(h);
  else imapCheck(h, h);
}

export function runStep(run: Run, step: Step, scheduleBurst: (arrivals: Arrival[]) => void): void {
  doStep(run, step, scheduleBurst);
  afterStep(run);
}

/**
 * A burst's mails, one every `everyMinutes` from `time` on. Its own function: the loop runs once per
 * burst, up to 10,000 times, and V8 compiles a function whose loop ran that often with its optimizing
 * compiler (in a year of 10,000 mails, all of doStep, for nothing: it is not called often).
 */
function burstArrivals(step: Extract<Step, { do: 'mail.burst' }>, time: number): Arrival[] {
  const arrivals: Arrival[] = [];
  for (let k = 0; k < step.count; k++)
    arrivals.push({ at: time + k * step.everyMinutes, id: `${step.prefix}${k + 1}`, from: step.from, to: step.to, subject: `${step.prefix}${k + 1}`, sizeKB: step.sizeKB });
  return arrivals;
}

function doStep(run: Run, step: Step, scheduleBurst: (arrivals: Arrival[]) => void): void {
  const isPop3 = (id: string) => run.device(id).config.protocol === 'pop3';
  const host = (id: string) => hostOf(run, id);
  const closeIdleOf = (id: string, end: ConnectionEnd) => closeIdle(host(id), end);
  /** The server goes or is replaced: every device's open connection ends. */
  const closeEveryIdle = (end: ConnectionEnd) => {
    for (const id of run.devices.keys()) closeIdleOf(id, end);
  };
  switch (step.do) {
    case 'mail.arrive':
      arrive(run, { at: run.time, id: step.mail.id, from: step.mail.from, to: step.mail.to, subject: protocolSubject(step.mail.subject), sizeKB: step.mail.sizeKB });
      return;
    case 'mail.burst': {
      const arrivals = burstArrivals(step, run.time);
      const now = arrivals.filter((a) => a.at <= run.time);
      for (const a of now) arrive(run, a);
      scheduleBurst(arrivals.filter((a) => a.at > run.time));
      return;
    }
    case 'device.check':
      if (isPop3(step.device) && (step.dropBeforeQuit || step.meanwhile)) {
        // "meanwhile": the other device checks while this POP3 session is logged in (rule 11).
        const other = step.meanwhile;
        pop3Check(host(step.device), { dropBeforeQuit: step.dropBeforeQuit, ...(other ? { afterLogin: () => checkMail(run, other) } : {}) });
      } else checkMail(run, step.device);
      return;
    case 'device.read':
    case 'device.open':
      if (isPop3(step.device)) pop3Read(host(step.device), step.mail, step.do === 'device.open');
      else imapRead(host(step.device), host(step.device), step.mail, step.do === 'device.open');
      return;
    case 'device.delete':
      if (isPop3(step.device)) pop3Delete(host(step.device), step.mail);
      else imapDelete(host(step.device), host(step.device), step.mail);
      return;
    case 'device.emptyTrash':
      if (isPop3(step.device)) pop3EmptyTrash(host(step.device));
      else imapEmptyTrash(host(step.device), host(step.device));
      return;
    case 'device.move':
      if (isPop3(step.device)) pop3Move(host(step.device), step.mail, step.folder);
      else imapMove(host(step.device), host(step.device), step.mail, step.folder, step.local);
      return;
    case 'device.send':
      composeMail(host(step.device), { ...step.mail, subject: protocolSubject(step.mail.subject) }, step.bccSelf, host(step.device));
      return;
    case 'device.goOffline':
      // Its network is gone: no DONE or LOGOUT reaches the server (rule 96).
      closeIdleOf(step.device, DEVICE_DROP);
      run.sendDeviceEvent(step.device, { type: 'network.down' });
      run.emit(step.device, `${step.device} · offline`, { key: 'device.wentOffline', params: { device: step.device } });
      return;
    case 'device.goOnline':
      run.sendDeviceEvent(step.device, { type: 'network.up' });
      run.emit(step.device, `${step.device} · online`, { key: 'device.cameOnline', params: { device: step.device } });
      flushOutbox(host(step.device), host(step.device));
      if (isPop3(step.device)) pop3Check(host(step.device));
      else imapCheck(host(step.device), host(step.device), 'reconnect');
      return;
    case 'device.diskFail':
      closeIdleOf(step.device, DEVICE_DROP);
      diskFail(run, step.device);
      return;
    case 'device.restoreBackup':
      restoreDevice(run, step.device);
      return;
    case 'server.breach':
      breach(run);
      return;
    case 'server.diskFail':
      // The server goes down: its connections break, no client logs out (rule 96).
      closeEveryIdle({ dir: 'S', line: SERVER_GONE_LINE });
      serverDiskFail(run);
      return;
    case 'server.restoreBackup':
      restoreServer(run, step.day);
      return;
    case 'server.freeSpace':
      freeSpace(run, step.account, step.count);
      return;
    case 'provider.move':
      closeEveryIdle('logout');
      providerMove(run, step.copyMailboxes);
      return;
    case 'provider.newMailbox':
      newMailbox(run, step.copyMailboxes, step.keepUidls);
      return;
    case 'provider.syncMailboxes':
      syncMailboxes(run);
      return;
    case 'provider.dnsSwitch':
      dnsSwitch(run, step.ttlHours);
      return;
    case 'device.repoint':
      // The client starts over with the new server: its connection to the old one ends.
      closeIdleOf(step.device, 'logout');
      repoint(run, step.device);
      return;
    case 'provider.contractEnd':
      // Every IDLE connection ends: the old provider's are refused from now on, and the new provider's mailbox takes the account's plain id.
      closeEveryIdle('logout');
      contractEnd(run);
      return;
    case 'device.configure':
      configure(run, step);
      return;
    case 'world.wait':
      run.emit('world', 'time passes', { key: 'world.wait', params: {} });
      return;
  }
}
