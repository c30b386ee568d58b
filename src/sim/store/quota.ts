// Quota as Dovecot enforces it (semantics.md "Quota and bounces"): every
// folder counts, Trash and Sent included, and \Deleted messages until they are
// expunged. quota_grace lets the message that crosses the storage limit in
// while the user was under the limit before it and stays within limit + grace;
// the next one is refused (rule 31). Reaching quota never deletes mail.
import type { StoreView } from './store';

export interface QuotaRule {
  readonly storageKB?: number;
  readonly messages?: number;
}

/** Would storing `addBytes` in `addMessages` new messages be allowed? */
export function quotaAllows(store: StoreView, account: string, quota: QuotaRule | undefined, gracePercent: number, addBytes: number, addMessages: number): boolean {
  const u = store.usageOf(account);
  const limitBytes = quota?.storageKB ? quota.storageKB * 1024 : null;
  const limitMessages = quota?.messages ?? null;
  if (limitMessages !== null && u.messages + addMessages > limitMessages) return false;
  if (limitBytes !== null && u.bytes + addBytes > limitBytes) {
    const grace = (limitBytes * gracePercent) / 100;
    const wasUnder = u.bytes < limitBytes;
    if (!(wasUnder && grace > 0 && u.bytes + addBytes <= limitBytes + grace)) return false;
  }
  return true;
}

export const OVERQUOTA_TEXT = 'Quota exceeded (mailbox for user is full)';
