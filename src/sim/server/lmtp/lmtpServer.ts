// The LMTP port (RFC 2033; Dovecot's delivery): one transaction from the
// provider's MX handing `mail` to local recipients. Over quota Dovecot answers
// after DATA with 552 5.2.2 (permanent) or, with quota_full_tempfail=yes,
// 452 4.2.2 (temporary), per recipient (semantics.md rules 29–31). Pure: the
// transcript, each recipient's outcome and the store changes are returned.
import { pseudoId } from '../../model/hash';
import { serverPlace, type PlaceId } from '../../model/places';
import type { StoreView } from '../../store/store';
import type { ProtocolLine } from '../../timeline';
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
  /** The message's size, as DATA shows it. */
  readonly size: number;
  /** Each recipient's outcome in RCPT order; lists equal in content are one list (the transcript keeps it all year). */
  readonly outcomeList: readonly LmtpOutcome[];
  /** How many lines the transcript has (the work cap counts them one by one). */
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
  // Each recipient's outcome in RCPT order (the replies after DATA come in that order).
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
  return { size, outcomeList: sharedOutcomes(each), lineCount: 10 + LHLO_REPLY.length + 3 * t.recipients.length, outcomes, uids, effects: d.effects() };
}

/** Outcome lists already made, by their content: a year's deliveries have a handful of distinct ones. */
const knownOutcomes = new Map<string, readonly LmtpOutcome[]>();

function sharedOutcomes(each: readonly LmtpOutcome[]): readonly LmtpOutcome[] {
  const key = each.length === 1 ? each[0] : each.join();
  const known = knownOutcomes.get(key);
  if (known) return known;
  const kept = Object.freeze(each.slice());
  knownOutcomes.set(key, kept);
  return kept;
}

/**
 * A delivery's transcript: the MX's lines and the server's replies, one per
 * recipient after DATA. The words follow from the transaction and the outcomes
 * alone, so the timeline keeps this function bound to them (`bind`: one function
 * and its argument list, no closure and no transaction object) and writes the
 * lines only when someone reads them.
 */
export function lmtpTranscript(session: string, mail: string, envelopeFrom: string, recipients: readonly LmtpRecipient[], size: number, time: number, outcomes: readonly LmtpOutcome[]): ProtocolLine[] {
  const lines: ProtocolLine[] = [];
  const c = (text: string) => lines.push({ session, dir: 'C', text });
  const s = (text: string) => lines.push({ session, dir: 'S', text });
  s(`220 ${SERVER_HOST} Dovecot (Debian) ready.`);
  c(`LHLO ${MTA_HOST}`);
  // Dovecot with ssl = required offers STARTTLS on LMTP too; the MX on the same host delivers without it (rule 73).
  for (const l of LHLO_REPLY) s(l);
  c(`MAIL FROM:<${envelopeFrom}>`);
  s('250 2.1.0 OK');
  for (const r of recipients) {
    c(`RCPT TO:<${r.address}>`);
    s('250 2.1.5 OK');
  }
  c('DATA');
  s('354 OK');
  c(`<message ${mail}, ${size} octets>`);
  c('.');
  for (let i = 0; i < recipients.length; i++) {
    const r = recipients[i];
    const outcome = outcomes[i];
    if (outcome === 'delivered') s(`250 2.0.0 <${r.address}> ${pseudoId(`${mail}/${r.account}/${time}`)} Saved`);
    else if (outcome === 'temporary') s(`452 4.2.2 <${r.address}> ${OVERQUOTA_TEXT}`);
    else s(`552 5.2.2 <${r.address}> ${OVERQUOTA_TEXT}`);
  }
  c('QUIT');
  s('221 2.0.0 Bye');
  return lines;
}
