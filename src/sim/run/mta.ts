// The provider's MTA (Postfix): it takes submissions from devices and, as the
// MX, mail from other providers' servers; it hands mail for local mailboxes to
// the server over LMTP (server/lmtp), keeps what the server refused for now in
// its queue and retries on Postfix's schedule (rule 66), and bounces what was
// refused for good or waited too long (semantics.md rules 29–31, 33). Mail
// that passes through it travels from its place, QUEUE: submission and MX are
// the same Postfix with one queue, the provider's, never the sender's.
import { MINUTES_PER_DAY } from '../scenario/time';
import { outsidePlace, QUEUE, senderQueuePlace, type PlaceId } from '../model/places';
import { pseudoId } from '../model/hash';
import { MailCopy, MailRecord } from '../model/state';
import { MailOp } from '../model/ops';
import { lmtpDeliver, lmtpTranscript, SERVER_HOST, type LmtpOutcome, type LmtpRecipient } from '../server/lmtp/lmtpServer';
import { expired, lifetimeMinutes, nextAttempt, POSTFIX_DEFAULTS, type QueueSettings } from '../server/postfixQueue';
import { mxRcptCheck, mxSizeRefusal, senderHostOf, SIZE_REFUSED } from '../server/mxRcpt';
import { portOf, tlsModeOf } from '../protocol/tls';
import { HANDSHAKE } from './wire';
import type { Deferred, Run } from './run';
import { accountOfMailbox } from '../model/places';
import { mailboxAt, mxProvider, type Provider } from './stagedMove';
import { splitAccounts } from './splitAccounts';

/**
 * The provider whose MX takes this mail during a move: the one the sending
 * server's resolver names (rule 89), or for mail a device submitted, its own
 * provider's (`via`). After the old contract's end only the new one is left.
 * A mail from outside says which way it went and why, while the window lasts.
 */
/** A minute as the narration names it: its day (1, 2, …) and "HH:MM". */
function dayAndClock(minute: number): { day: number; clock: string } {
  const m = minute % MINUTES_PER_DAY;
  return { day: Math.floor(minute / MINUTES_PER_DAY) + 1, clock: `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}` };
}

function whichMx(run: Run, envelopeFrom: string, via: Provider | undefined): Provider {
  if (run.move!.contractEnded) return 'new';
  return via ?? mxProvider(run, envelopeFrom).provider;
}

/**
 * While the TTL window lasts, a mail from outside is told with the MX it will
 * reach and why (rule 89) — before it exists in the world, so no frame shows
 * it without a copy (which would count it as lost).
 */
export function tellMxRoute(run: Run, mail: string, envelopeFrom: string): void {
  const dns = run.move?.dns;
  if (!dns || run.move!.contractEnded || run.time >= dns.at + dns.ttlMinutes) return;
  const route = mxProvider(run, envelopeFrom);
  const domain = envelopeFrom.split('@')[1] ?? envelopeFrom;
  if (route.provider === 'old') run.emit('dns', `DNS · ${mail} → old MX`, { key: 'move.viaOldMx', params: { mail, domain, ...dayAndClock(route.until!) } });
  else run.emit('dns', `DNS · ${mail} → new MX`, { key: 'move.viaNewMx', params: { mail, domain } });
}

export { SERVER_HOST };

function accountByAddress(run: Run, address: string): string | null {
  const a = run.world.accounts.find((x) => x.address.toLowerCase() === address.toLowerCase());
  return a ? a.id : null;
}

/**
 * The recipients of one LMTP transaction, pushed into a literal rather than
 * mapped: `map` makes its list in one of two kinds depending on the list it
 * reads (the scenario's recipients or a retry's one account), and the
 * transaction's compiled code was thrown away when the second kind came (see
 * splitAccounts.ts). A literal's lists all have one kind.
 */
export function lmtpRecipients(run: Run, accounts: readonly string[], provider: Provider): readonly LmtpRecipient[] {
  const recipients: LmtpRecipient[] = [];
  for (let i = 0; i < accounts.length; i++) {
    const a = accounts[i];
    const mailbox = mailboxAt(run, a, provider);
    const account = run.account(a);
    recipients.push({ account: mailbox, address: account.address, quota: account.quota });
  }
  // The transcript, written out when read, keeps its transaction's recipients all year: the
  // same accounts' list, while nothing in it changed, is kept once (the new one is dropped young).
  const key = accounts.length === 1 ? `${provider}:${accounts[0]}` : `${provider}:${accounts.join('\n')}`;
  const known = run.lmtpRecipients.get(key);
  if (known && sameRecipients(known, recipients)) return known;
  run.lmtpRecipients.set(key, recipients);
  return recipients;
}

function sameRecipients(a: readonly LmtpRecipient[], b: readonly LmtpRecipient[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].account !== b[i].account || a[i].address !== b[i].address || a[i].quota !== b[i].quota) return false;
  return true;
}

/**
 * One LMTP transaction delivering `mail` to `accounts`. `fromQueue` marks a
 * retry of a deferred delivery (the copy waits in the MTA queue).
 */
export function deliver(run: Run, mail: string, accounts: readonly string[], envelopeFrom: string, fromQueue = false, sourcePlace?: PlaceId, via?: Provider): Map<string, LmtpOutcome> {
  const outcomes = new Map<string, LmtpOutcome>();
  // During a provider move the mail reaches the old or the new provider's MX (rule 89), whose LMTP saves it in that provider's mailbox.
  const provider = run.move ? whichMx(run, envelopeFrom, via) : 'old';
  const source = fromQueue ? QUEUE : (sourcePlace ?? outsidePlace(envelopeFrom || 'MAILER-DAEMON'));
  if (!fromQueue && !sourcePlace && refusedForSize(run, mail, envelopeFrom, accounts[0])) {
    for (const account of accounts) outcomes.set(account, 'permanent');
    return outcomes;
  }
  if (run.serverDown) {
    for (const account of accounts) {
      outcomes.set(account, 'temporary');
      if (!fromQueue) defer(run, mail, account, envelopeFrom, provider);
    }
    run.emit('mta', `MTA → ${accounts.join(', ')} · ${mail}`, { key: fromQueue ? 'delivery.stillDown' : 'delivery.serverDown', params: { mail, to: accounts.join(', ') } });
    return outcomes;
  }
  // Mail from another provider, checked at RCPT TO (rule 64): only what passes goes on over LMTP.
  if (!fromQueue && !sourcePlace && run.world.server.quotaCheck === 'rcpt') {
    const passed = rcptCheck(run, mail, accounts, envelopeFrom, false, outcomes);
    if (!passed.length) return outcomes;
    for (const [a, o] of deliver(run, mail, passed, envelopeFrom, false, outsidePlace(envelopeFrom || 'MAILER-DAEMON'), provider)) outcomes.set(a, o);
    return outcomes;
  }
  const tempfail = run.world.server.quotaFull === 'temporary';
  const s = run.recorder.openSession({ protocol: 'LMTP', client: 'mta', account: mailboxAt(run, accounts[0], provider), tls: false, port: 24 });
  const recipients = lmtpRecipients(run, accounts, provider);
  const time = run.time;
  const result = lmtpDeliver(run.store, { mail, envelopeFrom, recipients, gracePercent: run.world.server.quotaGracePercent, tempfail, source, time });
  run.recorder.exchange(result.lineCount, lmtpTranscript.bind(null, s.id, mail, envelopeFrom, recipients, result.size, time, result.outcomeList));
  run.applyEffects(result.effects);
  for (const [mailbox, outcome] of result.outcomes) {
    const account = accountOfMailbox(mailbox);
    outcomes.set(account, outcome);
    if (outcome === 'delivered' && fromQueue) run.del(QUEUE, queueKey(mail, account));
  }
  const { passed: delivered, failed: refused } = splitAccounts(accounts, (a) => outcomes.get(a) === 'delivered');
  const code = refused.length === 0 ? '250' : tempfail ? '452' : '552';
  const key = refused.length === 0 ? (fromQueue ? 'delivery.retryDelivered' : 'delivery.delivered') : tempfail ? (fromQueue ? 'delivery.retryRefused' : 'delivery.tempRefused') : 'delivery.permRefused';
  if (!fromQueue && tempfail) for (const account of refused) defer(run, mail, account, envelopeFrom, provider);
  // Refused for good: from this moment the mail is on its way back, never "lost".
  if (!tempfail && refused.length) run.apply({ op: 'bounced', mail });
  run.emit('mta', `LMTP → ${accounts.join(', ')} · ${mail} · ${code}`, { key, params: { mail, to: run.recorder.told((delivered.length ? delivered : refused).join(', ')), code } });
  if (!tempfail) for (const account of refused) bounce(run, mail, account, envelopeFrom, fromQueue);
  if (delivered.length) run.onDelivered(delivered);
  return outcomes;
}

/**
 * Mail from another provider's server over port 25 meets the same
 * message_size_limit as submission (one Postfix, one main.cf): that server
 * states SIZE= in MAIL FROM and is refused with 552 5.3.4 before any data, so
 * the mail never leaves it; it tells its own user (rule 67). The session
 * is in the transcript (server/mxRcpt), for the replay to put to a real Postfix.
 */
function refusedForSize(run: Run, mail: string, envelopeFrom: string, account: string): boolean {
  const size = run.state.mails.get(mail)?.sizeBytes ?? 0;
  const limit = run.world.server.messageSizeLimit;
  if (size <= limit) return false;
  const place = outsidePlace(envelopeFrom || 'MAILER-DAEMON');
  const { key } = run.freeKey(place, mail);
  run.put(place, key, new MailCopy(mail, 0));
  run.transfer('copy', mail, null, place, key);
  const host = senderHostOf(envelopeFrom);
  const s = run.recorder.openSession({ protocol: 'SMTP', client: host, account, tls: false, port: 25 });
  for (const l of mxSizeRefusal({ envelopeFrom, senderHost: host, size, sizeLimit: limit })) run.recorder.line(s, l.dir, l.text);
  run.emit('mta', `MX refuses ${mail} · 552 5.3.4`, { key: 'transport.arrivalTooLarge', params: { mail, size, limit } });
  return true;
}

const queueKey = (mail: string, account: string) => `${mail}>${account}`;

/**
 * The sending server's SMTP session to the MX when the MX asks Dovecot's
 * quota-status service at RCPT TO (rule 64). A recipient refused for now
 * (452) stays in the sending server's own queue and is tried again on
 * Postfix's default schedule (the sender's server is taken to be a Postfix
 * with its defaults); one refused for good (552) goes back to the sender from
 * the sending server itself: the provider's MX never held it. Returns the
 * accounts that passed; the outcomes of the others are set in `outcomes`.
 */
function rcptCheck(run: Run, mail: string, accounts: readonly string[], envelopeFrom: string, retry: boolean, outcomes: Map<string, LmtpOutcome>): string[] {
  const tempfail = run.world.server.quotaFull === 'temporary';
  const host = senderHostOf(envelopeFrom);
  const s = run.recorder.openSession({ protocol: 'SMTP', client: host, account: accounts[0], tls: false, port: 25 });
  const result = mxRcptCheck(run.store, {
    mail,
    envelopeFrom,
    senderHost: host,
    recipients: accounts.map((a) => ({ account: a, address: run.account(a).address, quota: run.account(a).quota })),
    gracePercent: run.world.server.quotaGracePercent,
    tempfail,
    sizeLimit: run.world.server.messageSizeLimit,
  });
  for (const l of result.lines) run.recorder.line(s, l.dir, l.text);
  const { passed, failed: refused } = splitAccounts(accounts, (a) => result.outcomes.get(a) === 'accepted');
  if (!refused.length) return passed;
  const to = refused.join(', ');
  const place = senderQueuePlace(envelopeFrom);
  if (tempfail) {
    for (const account of refused) {
      outcomes.set(account, 'temporary');
      if (retry) continue;
      run.put(place, queueKey(mail, account), new MailCopy(mail, 0));
      run.transfer('defer', mail, outsidePlace(envelopeFrom), place, queueKey(mail, account));
      run.deferred.push({ mail, account, from: envelopeFrom, queuedAt: run.time, nextTryAt: nextAttempt(POSTFIX_DEFAULTS, run.time, run.time), atSender: true });
    }
    run.emit('mta', `MX → ${host} · RCPT ${mail} · 452`, { key: retry ? 'senderQueue.retryRefused' : 'senderQueue.tempRefused', params: { mail, to, sender: envelopeFrom } });
    return passed;
  }
  for (const account of refused) {
    outcomes.set(account, 'permanent');
    if (retry) run.del(place, queueKey(mail, account));
  }
  run.apply({ op: 'bounced', mail });
  run.emit('mta', `MX → ${host} · RCPT ${mail} · 552`, { key: 'senderQueue.permRefused', params: { mail, to, sender: envelopeFrom } });
  returnToSender(run, mail, envelopeFrom, retry ? place : null);
  return passed;
}

/** The sending server tells its user: the mail is back in the sender's mailbox (outside/<sender>), from its queue if it waited there. */
function returnToSender(run: Run, mail: string, envelopeFrom: string, fromPlace: PlaceId | null): void {
  const place = outsidePlace(envelopeFrom);
  const { key } = run.freeKey(place, mail);
  run.put(place, key, new MailCopy(mail, 0));
  run.transfer('bounce', mail, fromPlace, place, key);
}

/** A retry from the sending server's queue (rule 64): the RCPT check again, then LMTP for what passes; given up after Postfix's default lifetime. */
function retryFromSender(run: Run, d: Deferred, now: number): void {
  const outcomes = new Map<string, LmtpOutcome>();
  const place = senderQueuePlace(d.from);
  const passed = rcptCheck(run, d.mail, [d.account], d.from, true, outcomes);
  if (passed.length) {
    run.deferred.splice(run.deferred.indexOf(d), 1);
    run.del(place, queueKey(d.mail, d.account));
    deliver(run, d.mail, passed, d.from, false, place);
    return;
  }
  if (outcomes.get(d.account) === 'permanent') {
    run.deferred.splice(run.deferred.indexOf(d), 1);
    return;
  }
  if (expired(POSTFIX_DEFAULTS, d.queuedAt, now, d.from)) {
    run.deferred.splice(run.deferred.indexOf(d), 1);
    run.del(place, queueKey(d.mail, d.account));
    run.apply({ op: 'bounced', mail: d.mail });
    run.emit('mta', `${senderHostOf(d.from)} · ${d.mail} expired`, { key: 'senderQueue.expired', params: { mail: d.mail, sender: d.from, days: POSTFIX_DEFAULTS.queueLifetimeDays } });
    returnToSender(run, d.mail, d.from, place);
    return;
  }
  d.nextTryAt = nextAttempt(POSTFIX_DEFAULTS, d.queuedAt, now);
}

/** The queue settings of the provider's Postfix, as the scenario sets them (rule 66). */
function queueSettings(run: Run): QueueSettings {
  return run.world.server;
}

/** When a mail deferred now is tried next: a fixed interval if the scenario sets one, else Postfix's backoff (rule 66). */
function nextTry(run: Run, queuedAt: number, now: number): number {
  const fixed = run.world.server.retryEveryMinutes;
  return fixed !== undefined ? now + fixed : nextAttempt(queueSettings(run), queuedAt, now);
}

/** `provider`: during a move over days, whose MX queue holds it (its retries go to that provider's mailbox, rule 89). */
function defer(run: Run, mail: string, account: string, from: string, provider: Provider = 'old'): void {
  run.put(QUEUE, queueKey(mail, account), new MailCopy(mail, 0));
  run.transfer('defer', mail, outsidePlace(from), QUEUE, queueKey(mail, account));
  run.deferred.push({ mail, account, from, queuedAt: run.time, nextTryAt: nextTry(run, run.time, run.time), ...(run.move ? { provider } : {}) });
}

/** The MX gives up: a MAILER-DAEMON report goes back to the envelope sender. The mail never entered the mailbox, so it leaves from the MX. */
export function bounce(run: Run, mail: string, account: string, envelopeFrom: string, fromQueue: boolean): void {
  const internal = accountByAddress(run, envelopeFrom);
  if (fromQueue) run.del(QUEUE, queueKey(mail, account));
  run.apply({ op: 'bounced', mail });
  if (!internal) {
    const place = outsidePlace(envelopeFrom);
    const { key } = run.freeKey(place, mail);
    run.put(place, key, new MailCopy(mail, 0));
    run.transfer('bounce', mail, QUEUE, place, key);
    run.emit('mta', `MTA → ${envelopeFrom} · bounce ${mail}`, { key: 'delivery.bounced', params: { mail, sender: envelopeFrom } });
    return;
  }
  // The sender has a mailbox here: the bounce is a new message (multipart/report, empty return path).
  const original = run.state.mails.get(mail)!;
  const id = `bounce-${mail}`;
  if (!run.state.mails.has(id)) {
    run.apply(new MailOp(new MailRecord(id, `Undelivered Mail Returned to Sender: ${original.subject}`, `MAILER-DAEMON@${SERVER_HOST}`, [envelopeFrom], original.sizeBytes + BOUNCE_OVERHEAD_BYTES, [internal], run.time)));
  }
  if (fromQueue) run.transfer('bounce', mail, QUEUE, null, queueKey(mail, account));
  run.emit('mta', `MTA · bounce ${mail} → ${envelopeFrom}`, { key: 'delivery.bouncedInternal', params: { mail, sender: envelopeFrom } });
  deliver(run, id, [internal], '', false, QUEUE);
}

/** Size a bounce adds to the original: the delivery-status report around it. */
const BOUNCE_OVERHEAD_BYTES = 1600;

/**
 * Retry deferred deliveries that are due. With a fixed interval (the
 * scenario's retryEveryMinutes) a mail past the queue lifetime is bounced
 * before another try; with Postfix's schedule it is tried, and returned to
 * the sender when that try fails too and it has outlived
 * maximal_queue_lifetime (bounce_queue_lifetime for a bounce) (rule 66).
 */
export function retryDeferred(run: Run, now: number): void {
  const fixed = run.world.server.retryEveryMinutes !== undefined;
  const due = run.deferred.filter((d) => d.nextTryAt <= now);
  for (const d of due) {
    if (d.atSender) {
      retryFromSender(run, d, now);
      continue;
    }
    const lifetime = fixed ? run.world.server.queueLifetimeDays * MINUTES_PER_DAY : lifetimeMinutes(queueSettings(run), d.from);
    if (fixed && now - d.queuedAt >= lifetime) {
      expire(run, d, lifetime);
      continue;
    }
    const outcome = deliver(run, d.mail, [d.account], d.from, true, undefined, d.provider).get(d.account);
    if (outcome !== 'temporary') {
      // Delivered, or refused for good (deliver bounced it): it has left the queue.
      run.deferred.splice(run.deferred.indexOf(d), 1);
    } else if (!fixed && expired(queueSettings(run), d.queuedAt, now, d.from)) expire(run, d, lifetime);
    else d.nextTryAt = nextTry(run, d.queuedAt, now);
  }
}

/** The MX gives up on a deferred mail: it is returned to the sender. */
function expire(run: Run, d: Deferred, lifetimeMins: number): void {
  run.deferred.splice(run.deferred.indexOf(d), 1);
  run.emit('mta', `MTA · ${d.mail} expired`, { key: 'delivery.expired', params: { mail: d.mail, days: Math.round(lifetimeMins / MINUTES_PER_DAY) } });
  bounce(run, d.mail, d.account, d.from, true);
}

/** When the next deferred delivery is due (for the scheduler). */
export function nextRetryAt(run: Run): number | null {
  let next: number | null = null;
  const fixed = run.world.server.retryEveryMinutes !== undefined;
  const lifetime = run.world.server.queueLifetimeDays * MINUTES_PER_DAY;
  for (const d of run.deferred) {
    const t = fixed && !d.atSender ? Math.min(d.nextTryAt, d.queuedAt + lifetime) : d.nextTryAt;
    if (next === null || t < next) next = t;
  }
  return next;
}

/** Why a submission ended without "250 … queued". */
export type SubmissionRefusal = 'size' | 'noAuth';

/**
 * Postfix 3.7's EHLO reply on submission (Debian's package, observed by the
 * conformance replay): before TLS it offers STARTTLS and no AUTH
 * (smtpd_tls_auth_only = yes); once the session is encrypted (after STARTTLS,
 * or on 465 from the start) it offers AUTH and no STARTTLS.
 */
export function submissionEhlo(limit: number, secured: boolean): string[] {
  return [`250-${SERVER_HOST}`, '250-PIPELINING', `250-SIZE ${limit}`, '250-VRFY', '250-ETRN', secured ? '250-AUTH PLAIN LOGIN' : '250-STARTTLS', '250-ENHANCEDSTATUSCODES', '250-8BITMIME', '250-DSN', '250-SMTPUTF8', '250 CHUNKING'];
}

export { SIZE_REFUSED };

/**
 * A device submits a mail (RFC 6409): the SMTP dialogue up to "250 … queued".
 * Postfix pipelines nothing here: the client waits for each reply. Connection
 * security as the device is set up: on 465 the handshake comes first; on 587
 * the client sends STARTTLS and EHLO again (RFC 3207 §4.2), and only then is
 * AUTH offered (Postfix smtpd_tls_auth_only). A client set up without
 * encryption finds no AUTH and cannot log in. The client states the size in
 * MAIL FROM because the server advertises SIZE (RFC 1870; Thunderbird's
 * SmtpClient.sys.mjs adds SIZE= when the EHLO reply lists it); a size over
 * message_size_limit is refused right there, before any data (rule 67).
 */
export function submitSmtp(run: Run, deviceId: string, mailId: string, to: readonly string[], toAddress: string | null): { port: number; refused?: SubmissionRefusal } {
  const dev = run.device(deviceId);
  const sender = run.account(dev.config.account);
  const info = run.state.mails.get(mailId)!;
  const mode = tlsModeOf(dev.config.tls);
  const port = portOf('submission', mode);
  const limit = run.world.server.messageSizeLimit;
  const s = run.recorder.openSession({ protocol: 'SMTP', client: deviceId, account: sender.id, tls: mode === 'implicit', port });
  const line = (dir: 'C' | 'S', text: string) => run.recorder.line(s, dir, text);
  const quit = () => {
    line('C', 'QUIT');
    line('S', '221 2.0.0 Bye');
  };
  if (mode === 'implicit') line('S', HANDSHAKE);
  line('S', `220 ${SERVER_HOST} ESMTP Postfix (Debian/GNU)`);
  line('C', `EHLO ${deviceId}`);
  run.recorder.lines(s, 'S', submissionEhlo(limit, mode === 'implicit'));
  if (mode === 'starttls') {
    line('C', 'STARTTLS');
    line('S', '220 2.0.0 Ready to start TLS');
    line('S', HANDSHAKE);
    line('C', `EHLO ${deviceId}`);
    run.recorder.lines(s, 'S', submissionEhlo(limit, true));
  }
  if (mode === 'none') {
    // No AUTH on offer: the client cannot log in, and the server relays nothing for a client that has not.
    quit();
    return { port, refused: 'noAuth' };
  }
  line('C', 'AUTH PLAIN <credentials>');
  line('S', '235 2.7.0 Authentication successful');
  line('C', `MAIL FROM:<${sender.address}> SIZE=${info.sizeBytes}`);
  if (info.sizeBytes > limit) {
    line('S', SIZE_REFUSED);
    quit();
    return { port, refused: 'size' };
  }
  line('S', '250 2.1.0 Ok');
  for (const r of [...to.map((a) => run.account(a).address), ...(toAddress ? [toAddress] : [])]) {
    line('C', `RCPT TO:<${r}>`);
    line('S', '250 2.1.5 Ok');
  }
  line('C', 'DATA');
  line('S', '354 End data with <CR><LF>.<CR><LF>');
  line('C', `<message ${mailId}, ${info.sizeBytes} octets>`);
  line('C', '.');
  line('S', `250 2.0.0 Ok: queued as ${pseudoId(mailId).slice(0, 10).toUpperCase()}`);
  quit();
  return { port };
}

/** After submission the MTA owns the mail: local mailboxes get it over LMTP, others at their provider. It travels from the MTA, not from the device. */
export function deliverSubmitted(run: Run, deviceId: string, mailId: string, to: readonly string[], toAddress: string | null): void {
  const sender = run.account(run.device(deviceId).config.account);
  // The device hands it to the provider it is pointed at, whose Postfix keeps mail for its own mailboxes (rule 91).
  const via = run.move ? (run.move.repointed.has(deviceId) ? 'new' : 'old') : undefined;
  if (to.length) deliver(run, mailId, to, sender.address, false, QUEUE, via);
  if (toAddress) {
    const place = outsidePlace(toAddress);
    const { key } = run.freeKey(place, mailId);
    run.put(place, key, new MailCopy(mailId, 0));
    run.transfer('deliver', mailId, QUEUE, place, key);
    run.emit('mta', `MTA → ${toAddress} · ${mailId}`, { key: 'send.delivered.outside', params: { mail: mailId, to: toAddress } });
  }
}
