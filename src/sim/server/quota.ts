// Quota as Dovecot enforces it (semantics.md "Quota and bounces"): every
// folder counts, Trash and Sent included, and \Deleted messages until they are
// expunged. quota_grace lets the message that crosses the storage limit in
// while the user was under the limit before it and stays within limit + grace;
// the next one is refused (rule 31). Reaching quota never deletes mail.
import type { Run } from '../run/run';

export interface QuotaFigures {
  readonly bytes: number;
  readonly messages: number;
  readonly limitBytes: number | null;
  readonly limitMessages: number | null;
}

export function quotaOf(run: Run, account: string): QuotaFigures {
  const acc = run.account(account);
  const u = run.state.usage.get(account) ?? { bytes: 0, messages: 0 };
  return {
    bytes: u.bytes,
    messages: u.messages,
    limitBytes: acc.quota?.storageKB ? acc.quota.storageKB * 1024 : null,
    limitMessages: acc.quota?.messages ?? null,
  };
}

/** Would storing `addBytes` in `addMessages` new messages be allowed? */
export function quotaAllows(run: Run, account: string, addBytes: number, addMessages: number): boolean {
  const q = quotaOf(run, account);
  if (q.limitMessages !== null && q.messages + addMessages > q.limitMessages) return false;
  if (q.limitBytes !== null && q.bytes + addBytes > q.limitBytes) {
    const grace = (q.limitBytes * run.world.server.quotaGracePercent) / 100;
    const wasUnder = q.bytes < q.limitBytes;
    if (!(wasUnder && grace > 0 && q.bytes + addBytes <= q.limitBytes + grace)) return false;
  }
  return true;
}

export const OVERQUOTA_TEXT = 'Quota exceeded (mailbox for user is full)';
