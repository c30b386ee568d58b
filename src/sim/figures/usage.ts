// What each mailbox stores on the server, as quota counts it: one per account,
// and during a provider move over days (rule 87) the new provider's mailbox
// beside it, until the old contract's end leaves only one.
import { newProviderMailbox } from '../model/places';
import type { WorldState } from '../model/state';
import type { World } from '../scenario/schema';
import type { AccountUsage } from '../metrics.types';

export function mailboxUsage(world: World, s: Readonly<WorldState>): AccountUsage[] {
  return world.accounts.flatMap((a) => {
    const atNew = s.folderMeta.has(`server/${newProviderMailbox(a.id)}/INBOX`);
    const atOld = !atNew || s.folderMeta.has(`server/${a.id}/INBOX`);
    const mailboxes = [...(atOld ? [a.id] : []), ...(atNew ? [newProviderMailbox(a.id)] : [])];
    return mailboxes.map((mailbox): AccountUsage => {
      const u = s.usage.get(mailbox) ?? { bytes: 0, messages: 0 };
      return { account: mailbox, bytes: u.bytes, messages: u.messages, quotaBytes: a.quota?.storageKB ? a.quota.storageKB * 1024 : null, quotaMessages: a.quota?.messages ?? null };
    });
  });
}
