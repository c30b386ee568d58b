// The order a provider move over days must keep (rules 87–94), checked when a
// scenario loads so a stranger's file gets located messages, not a crash: the
// new mailbox first, then the MX switch, re-pointed devices, and the old
// contract's end only after every sender's resolver has learnt the new MX.
import type { Step } from './schema';
import { parseTime } from './time';

type Add = (path: string, message: string) => void;

/** Steps that act on "the" server as one machine, which the model does not split between two providers. */
const ONE_SERVER_STEPS = new Set(['server.diskFail', 'server.restoreBackup', 'server.freeSpace', 'provider.move']);

export function checkStagedMove(steps: readonly Step[], add: Add, quotaCheck: string | undefined): void {
  let opened: number | null = null;
  let switched: { at: number; ttl: number; index: number } | null = null;
  let ended = false;
  const repointed = new Set<string>();
  const movedAtOnce = steps.findIndex((s) => s.do === 'provider.move');
  steps.forEach((step, i) => {
    const at = parseTime(step.at) ?? 0;
    const where = `steps[${i}]`;
    switch (step.do) {
      case 'provider.newMailbox':
        if (quotaCheck === 'rcpt') add(`${where}.do`, 'a move over days is not modelled with the quota check at RCPT TO (server.quotaCheck "rcpt"): leave it at "lmtp"');
        if (opened !== null) add(`${where}.do`, `the new mailbox was already set up at steps[${opened}]`);
        else if (movedAtOnce >= 0) add(`${where}.do`, `steps[${movedAtOnce}] moves the provider in one go (provider.move); use either that or the steps of a move over days, not both`);
        if (!step.copyMailboxes && step.keepUidls) add(`${where}.keepUidls`, 'UIDLs can only be kept by a copy: set copyMailboxes to true, or leave keepUidls out');
        opened ??= i;
        return;
      case 'provider.syncMailboxes':
        if (opened === null) add(`${where}.do`, 'set up the new mailbox first (provider.newMailbox): there is nowhere to copy to');
        else if (ended) add(`${where}.do`, 'the old contract has ended: there is no old mailbox to copy from');
        return;
      case 'provider.dnsSwitch':
        if (opened === null) add(`${where}.do`, 'set up the new mailbox first (provider.newMailbox): the MX would point at a provider that has no mailbox for the account');
        else if (switched) add(`${where}.do`, `the MX record was already switched at steps[${switched.index}]`);
        else switched = { at, ttl: step.ttlHours * 60, index: i };
        return;
      case 'device.repoint':
        if (opened === null) add(`${where}.do`, 'set up the new mailbox first (provider.newMailbox): there is nothing to re-point the device to');
        else if (repointed.has(step.device)) add(`${where}.device`, `"${step.device}" was already re-pointed to the new provider`);
        repointed.add(step.device);
        return;
      case 'provider.contractEnd':
        if (ended) add(`${where}.do`, 'the old contract has already ended');
        else if (!switched) add(`${where}.do`, 'switch the MX record first (provider.dnsSwitch): with the old contract ended and the MX still pointing there, every new mail would be refused');
        else if (at < switched.at + switched.ttl)
          add(`${where}.at`, `senders may still use the old MX until ${switched.ttl / 60} hours after steps[${switched.index}] (the TTL); the model ends the old contract only after that (mail refused by the old MX is not modelled)`);
        ended = true;
        return;
      case 'device.send':
        if (ended && !repointed.has(step.device)) add(`${where}.device`, `"${step.device}" still points at the old provider, whose contract has ended: it cannot log in to send (re-point it first with device.repoint)`);
        return;
      default:
        if (opened !== null && ONE_SERVER_STEPS.has(step.do)) add(`${where}.do`, `${step.do} is not modelled during a move over days (from steps[${opened}] on there are two providers' servers)`);
    }
  });
}
