// The LMTP port (RFC 2033; Dovecot's delivery): one transaction from the
// provider's MX handing `mail` to local recipients. Over quota Dovecot answers
// after DATA with 552 5.2.2 (permanent) or, with quota_full_tempfail=yes,
// 452 4.2.2 (temporary), per recipient (semantics.md rules 29–31). Pure: the
// transcript, each recipient's outcome and the store changes are returned.
import { pseudoId } from '../../model/hash';
import { serverPlace, type PlaceId } from '../../model/places';
import type { StoreView } from '../../store/store';
import { OVERQUOTA_TEXT, quotaAllows, type QuotaRule } from '../../store/quota';
import { Draft, type Effects } from '../draft';

export const SERVER_HOST = 'mail.example.org';
export const MTA_HOST = 'mx.example.org';

export type LmtpOutcome = 'delivered' | 'permanent' | 'temporary';

export interface LmtpRecipient {
  readonly account: string;
  readonly address: string;
  readonly quota: QuotaRule | undefined;
}

export interface LmtpTransaction {
  readonly mail: string;
  readonly envelopeFrom: string;
  readonly recipients: readonly LmtpRecipient[];
  readonly gracePercent: number;
  readonly tempfail: boolean;
  /** Where the copy travels from (the sender, the MX queue, a device's Outbox). */
  readonly source: PlaceId;
  /** For Dovecot-like session ids that are the same on every run. */
  readonly time: number;
}

export interface LmtpResult {
  /** The transaction's lines, written out when read (a delivery's twenty lines are the same words every time). */
  readonly lines: () => ReadonlyArray<{ readonly dir: 'C' | 'S'; readonly text: string }>;
  /** How many lines `lines` writes out (the work cap counts them one by one). */
  readonly lineCount: number;
  readonly outcomes: ReadonlyMap<string, LmtpOutcome>;
  /** The UID each delivered copy got. */
  readonly uids: ReadonlyMap<string, number>;
  readonly effects: Effects;
}

/** Dovecot 2.3's LHLO reply with ssl = required (observed by the conformance replay). */
export const LHLO_REPLY = [`250-${SERVER_HOST}`, '250-8BITMIME', '250-CHUNKING', '250-ENHANCEDSTATUSCODES', '250-PIPELINING', '250 STARTTLS'];

export function lmtpDeliver(store: StoreView, t: LmtpTransaction): LmtpResult {
  const d = new Draft(store);
  const size = store.state.mails.get(t.mail)?.sizeBytes ?? 0;
  const outcomes = new Map<string, LmtpOutcome>();
  const uids = new Map<string, number>();
  // Each recipient's outcome in RCPT order (the replies after DATA come in that order). Made by map, so
  // the list the transcript keeps all year is as long as it is (a list grown by push keeps room for 16).
  const each = t.recipients.map((r): LmtpOutcome => {
    let outcome: LmtpOutcome;
    if (quotaAllows(d, r.account, r.quota, t.gracePercent, size, 1)) {
      const uid = d.appendMessage(serverPlace(r.account, 'INBOX'), t.mail, 0);
      d.transfer('deliver', t.mail, t.source, serverPlace(r.account, 'INBOX'), String(uid));
      outcome = 'delivered';
      uids.set(r.account, uid);
    } else outcome = t.tempfail ? 'temporary' : 'permanent';
    outcomes.set(r.account, outcome);
    return outcome;
  });
  // The words follow from the transaction and the outcomes alone: written when someone reads the transcript.
  return { lines: lmtpLines.bind(null, t, size, each), lineCount: 10 + LHLO_REPLY.length + 3 * t.recipients.length, outcomes, uids, effects: d.effects() };
}

/** The transaction as the transcript shows it: the MX's lines and the server's replies, one per recipient after DATA. */
function lmtpLines(t: LmtpTransaction, size: number, outcomes: readonly LmtpOutcome[]): Array<{ dir: 'C' | 'S'; text: string }> {
  const lines: Array<{ dir: 'C' | 'S'; text: string }> = [];
  const c = (text: string) => lines.push({ dir: 'C', text });
  const s = (text: string) => lines.push({ dir: 'S', text });
  s(`220 ${SERVER_HOST} Dovecot (Debian) ready.`);
  c(`LHLO ${MTA_HOST}`);
  // Dovecot with ssl = required offers STARTTLS on LMTP too; the MX on the same host delivers without it (rule 73).
  for (const l of LHLO_REPLY) s(l);
  c(`MAIL FROM:<${t.envelopeFrom}>`);
  s('250 2.1.0 OK');
  for (const r of t.recipients) {
    c(`RCPT TO:<${r.address}>`);
    s('250 2.1.5 OK');
  }
  c('DATA');
  s('354 OK');
  c(`<message ${t.mail}, ${size} octets>`);
  c('.');
  for (let i = 0; i < t.recipients.length; i++) {
    const r = t.recipients[i];
    const outcome = outcomes[i];
    if (outcome === 'delivered') s(`250 2.0.0 <${r.address}> ${pseudoId(`${t.mail}/${r.account}/${t.time}`)} Saved`);
    else if (outcome === 'temporary') s(`452 4.2.2 <${r.address}> ${OVERQUOTA_TEXT}`);
    else s(`552 5.2.2 <${r.address}> ${OVERQUOTA_TEXT}`);
  }
  c('QUIT');
  s('221 2.0.0 Bye');
  return lines;
}
