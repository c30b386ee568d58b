// The provider's MX (Postfix, port 25) when it asks Dovecot's quota-status
// policy service at RCPT TO (rule 64): Postfix's smtpd_recipient_restrictions
// end with `check_policy_service inet:…` pointing at Dovecot's `quota-status -p
// postfix`, which answers `quota_status_overquota` ("552 5.2.2 Mailbox is
// full" by default; "452 4.2.2 Mailbox is full" where the operator wants the
// sender to retry) for a full mailbox and DUNNO otherwise. Postfix turns that
// answer into its own reject reply, `<code> <status> <addr>: Recipient
// address rejected: Mailbox is full`, before any data: the MX never takes the
// mail, and the sending server keeps (452) or returns (552) it. Pure: the
// transcript and each recipient's outcome; nothing is stored here.
import { pseudoId } from '../model/hash';
import type { StoreView } from '../store/store';
import { quotaAllows } from '../store/quota';
import { MTA_HOST, type LmtpRecipient } from './lmtp/lmtpServer';

export type RcptOutcome = 'accepted' | 'temporary' | 'permanent';

/** Dovecot's quota_status_overquota text, as the MX passes it on. */
export const QUOTA_STATUS_TEXT = 'Mailbox is full';

export interface RcptCheckTransaction {
  readonly mail: string;
  readonly envelopeFrom: string;
  /** The sending server's name, as its EHLO says it. */
  readonly senderHost: string;
  readonly recipients: readonly LmtpRecipient[];
  readonly gracePercent: number;
  /** quota_status_overquota says 452 4.2.2 (the operator's choice with quota_full_tempfail=yes) instead of 552 5.2.2. */
  readonly tempfail: boolean;
  readonly sizeLimit: number;
}

export interface RcptCheckResult {
  readonly lines: ReadonlyArray<{ readonly dir: 'C' | 'S'; readonly text: string }>;
  readonly outcomes: ReadonlyMap<string, RcptOutcome>;
}

/** Postfix 3.7's EHLO reply on port 25 (Debian's package; conformance/selfcheck-mta.ts checks it). */
export function mxEhlo(limit: number): string[] {
  return [`250-${MTA_HOST}`, '250-PIPELINING', `250-SIZE ${limit}`, '250-VRFY', '250-ETRN', '250-STARTTLS', '250-ENHANCEDSTATUSCODES', '250-8BITMIME', '250-DSN', '250-SMTPUTF8', '250 CHUNKING'];
}

/** Postfix's answer to MAIL FROM with a SIZE= over message_size_limit (smtpd_check_size; conformance checks the text). */
export const SIZE_REFUSED = '552 5.3.4 Message size exceeds fixed limit';

/**
 * Another provider's server offers a mail over the MX's message_size_limit
 * (rule 67): it states the size in MAIL FROM because the EHLO reply lists SIZE
 * (RFC 1870 §5), and Postfix refuses right there, before any recipient or
 * data; the sender's server gives up and quits. The MX never holds the mail.
 */
export function mxSizeRefusal(t: { readonly envelopeFrom: string; readonly senderHost: string; readonly size: number; readonly sizeLimit: number }): RcptCheckResult['lines'] {
  return [
    { dir: 'S', text: `220 ${MTA_HOST} ESMTP Postfix (Debian/GNU)` },
    { dir: 'C', text: `EHLO ${t.senderHost}` },
    ...mxEhlo(t.sizeLimit).map((text) => ({ dir: 'S' as const, text })),
    { dir: 'C', text: `MAIL FROM:<${t.envelopeFrom}> SIZE=${t.size}` },
    { dir: 'S', text: SIZE_REFUSED },
    { dir: 'C', text: 'QUIT' },
    { dir: 'S', text: '221 2.0.0 Bye' },
  ];
}

/** Postfix's reject reply for a policy answer "<code> <status> Mailbox is full". */
export const rcptRefusal = (address: string, tempfail: boolean) => `${tempfail ? '452 4.2.2' : '552 5.2.2'} <${address}>: Recipient address rejected: ${QUOTA_STATUS_TEXT}`;

/**
 * One SMTP session from the sending server to the MX. The sender states the
 * size (SIZE=, rule 67), which Postfix passes to the policy service, so
 * quota-status judges the mail as LMTP would (the same quota rule and grace).
 * Recipients that pass get the data; when none passes, the sender quits.
 */
export function mxRcptCheck(store: StoreView, t: RcptCheckTransaction): RcptCheckResult {
  const lines: Array<{ dir: 'C' | 'S'; text: string }> = [];
  const c = (text: string) => lines.push({ dir: 'C', text });
  const s = (text: string) => lines.push({ dir: 'S', text });
  const size = store.state.mails.get(t.mail)?.sizeBytes ?? 0;
  s(`220 ${MTA_HOST} ESMTP Postfix (Debian/GNU)`);
  c(`EHLO ${t.senderHost}`);
  for (const l of mxEhlo(t.sizeLimit)) s(l);
  c(`MAIL FROM:<${t.envelopeFrom}> SIZE=${size}`);
  s('250 2.1.0 Ok');
  const outcomes = new Map<string, RcptOutcome>();
  for (const r of t.recipients) {
    c(`RCPT TO:<${r.address}>`);
    if (quotaAllows(store, r.account, r.quota, t.gracePercent, size, 1)) {
      s('250 2.1.5 Ok');
      outcomes.set(r.account, 'accepted');
    } else {
      s(rcptRefusal(r.address, t.tempfail));
      outcomes.set(r.account, t.tempfail ? 'temporary' : 'permanent');
    }
  }
  if ([...outcomes.values()].includes('accepted')) {
    c('DATA');
    s('354 End data with <CR><LF>.<CR><LF>');
    c(`<message ${t.mail}, ${size} octets>`);
    c('.');
    s(`250 2.0.0 Ok: queued as ${pseudoId(`mx/${t.mail}`).toUpperCase().replace(/[^0-9A-Z]/g, '').slice(0, 10)}`);
  }
  c('QUIT');
  s('221 2.0.0 Bye');
  return { lines, outcomes };
}

/** The sending server's name: its domain's mail host (mail.<domain of the envelope sender>). */
export function senderHostOf(envelopeFrom: string): string {
  const domain = envelopeFrom.split('@')[1];
  return domain ? `mail.${domain}` : 'mail.invalid';
}
