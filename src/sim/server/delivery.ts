// Incoming mail: the sending MTA hands each message to the server over LMTP
// (Dovecot's delivery). Over quota, Dovecot answers after DATA with
// 552 5.2.2 (permanent: the MTA bounces at once) or, with
// quota_full_tempfail=yes, 452 4.2.2 (temporary: the MTA keeps the mail in its
// queue, retries, and bounces after its queue lifetime) — semantics.md rules
// 29–31. A bounce goes to the envelope sender (rule 33).
import { MINUTES_PER_DAY } from '../scenario/time';
import { outsidePlace, QUEUE, serverPlace } from '../model/places';
import { pseudoId } from '../model/hash';
import type { Run } from '../run/run';
import type { SessionInfo } from '../timeline';
import { appendMessage } from './mailbox';
import { OVERQUOTA_TEXT, quotaAllows } from './quota';

export const SERVER_HOST = 'mail.example.org';
const MTA_HOST = 'mx.example.org';
/** Size a bounce adds to the original: the delivery-status report around it. */
const BOUNCE_OVERHEAD_BYTES = 1600;

type Outcome = 'delivered' | 'permanent' | 'temporary';

function lmtpGreeting(run: Run, s: SessionInfo): void {
  run.line(s, 'S', `220 ${SERVER_HOST} Dovecot (Debian) ready.`);
  run.line(s, 'C', `LHLO ${MTA_HOST}`);
  run.lines(s, 'S', [`250-${SERVER_HOST}`, '250-8BITMIME', '250-CHUNKING', '250-ENHANCEDSTATUSCODES', '250 PIPELINING']);
}

function accountByAddress(run: Run, address: string): string | null {
  const a = run.world.accounts.find((x) => x.address.toLowerCase() === address.toLowerCase());
  return a ? a.id : null;
}

/**
 * One LMTP transaction delivering `mail` to `accounts`. `fromQueue` marks a
 * retry of a deferred delivery (the copy waits in the MTA queue).
 */
export function deliver(run: Run, mail: string, accounts: readonly string[], envelopeFrom: string, fromQueue = false, sourcePlace?: string): Map<string, Outcome> {
  const outcomes = new Map<string, Outcome>();
  const info = run.state.mails.get(mail)!;
  const source = fromQueue ? QUEUE : (sourcePlace ?? outsidePlace(envelopeFrom || 'MAILER-DAEMON'));
  if (run.state.serverDown) {
    for (const account of accounts) {
      outcomes.set(account, 'temporary');
      if (!fromQueue) defer(run, mail, account, envelopeFrom);
    }
    run.emit('mta', `MTA → ${accounts.join(', ')} · ${mail}`, { key: fromQueue ? 'delivery.stillDown' : 'delivery.serverDown', params: { mail, to: accounts.join(', ') } });
    return outcomes;
  }
  const s = run.openSession({ protocol: 'LMTP', client: 'mta', account: accounts[0], tls: false, port: 24 });
  lmtpGreeting(run, s);
  run.line(s, 'C', `MAIL FROM:<${envelopeFrom}>`);
  run.line(s, 'S', '250 2.1.0 OK');
  for (const account of accounts) {
    run.line(s, 'C', `RCPT TO:<${run.account(account).address}>`);
    run.line(s, 'S', '250 2.1.5 OK');
  }
  run.line(s, 'C', 'DATA');
  run.line(s, 'S', '354 OK');
  run.line(s, 'C', `<message ${mail}, ${info.sizeBytes} octets>`);
  run.line(s, 'C', '.');
  const tempfail = run.world.server.quotaFull === 'temporary';
  for (const account of accounts) {
    const address = run.account(account).address;
    if (quotaAllows(run, account, info.sizeBytes, 1)) {
      const uid = appendMessage(run, account, 'INBOX', mail, 0);
      run.transfer('deliver', mail, source, serverPlace(account, 'INBOX'), String(uid));
      if (fromQueue) run.del(QUEUE, queueKey(mail, account));
      run.line(s, 'S', `250 2.0.0 <${address}> ${pseudoId(`${mail}/${account}/${run.time}`)} Saved`);
      outcomes.set(account, 'delivered');
    } else if (tempfail) {
      run.line(s, 'S', `452 4.2.2 <${address}> ${OVERQUOTA_TEXT}`);
      outcomes.set(account, 'temporary');
    } else {
      run.line(s, 'S', `552 5.2.2 <${address}> ${OVERQUOTA_TEXT}`);
      outcomes.set(account, 'permanent');
    }
  }
  run.line(s, 'C', 'QUIT');
  run.line(s, 'S', '221 2.0.0 Bye');

  const delivered = accounts.filter((a) => outcomes.get(a) === 'delivered');
  const refused = accounts.filter((a) => outcomes.get(a) !== 'delivered');
  const code = refused.length === 0 ? '250' : tempfail ? '452' : '552';
  const key = refused.length === 0 ? (fromQueue ? 'delivery.retryDelivered' : 'delivery.delivered') : tempfail ? (fromQueue ? 'delivery.retryRefused' : 'delivery.tempRefused') : 'delivery.permRefused';
  if (!fromQueue && tempfail) for (const account of refused) defer(run, mail, account, envelopeFrom, true);
  // Refused for good: from this moment the mail is on its way back, never "lost".
  if (!tempfail && refused.length) run.apply({ op: 'bounced', mail });
  run.emit('mta', `LMTP → ${accounts.join(', ')} · ${mail} · ${code}`, {
    key,
    params: { mail, to: (delivered.length ? delivered : refused).join(', '), code },
  });
  if (!tempfail) for (const account of refused) bounce(run, mail, account, envelopeFrom, fromQueue);
  if (delivered.length) run.onDelivered(delivered);
  return outcomes;
}

const queueKey = (mail: string, account: string) => `${mail}>${account}`;

function defer(run: Run, mail: string, account: string, from: string, quiet = false): void {
  run.put(QUEUE, queueKey(mail, account), { mail, flags: 0 });
  run.transfer('defer', mail, outsidePlace(from), QUEUE, queueKey(mail, account));
  run.deferred.push({ mail, account, from, queuedAt: run.time, nextTryAt: run.time + run.world.server.retryEveryMinutes });
  void quiet;
}

/** The sending MTA gives up: a MAILER-DAEMON report goes back to the envelope sender. */
export function bounce(run: Run, mail: string, account: string, envelopeFrom: string, fromQueue: boolean): void {
  const internal = accountByAddress(run, envelopeFrom);
  if (fromQueue) run.del(QUEUE, queueKey(mail, account));
  run.apply({ op: 'bounced', mail });
  if (!internal) {
    const place = outsidePlace(envelopeFrom);
    const { key } = run.freeKey(place, mail);
    run.put(place, key, { mail, flags: 0 });
    run.transfer('bounce', mail, fromQueue ? QUEUE : serverPlace(account, 'INBOX'), place, key);
    run.emit('mta', `MTA → ${envelopeFrom} · bounce ${mail}`, { key: 'delivery.bounced', params: { mail, sender: envelopeFrom } });
    return;
  }
  // The sender has a mailbox here: the bounce is a new message (multipart/report, empty return path).
  const original = run.state.mails.get(mail)!;
  const id = `bounce-${mail}`;
  if (!run.state.mails.has(id)) {
    run.apply({
      op: 'mail',
      info: {
        id,
        subject: `Undelivered Mail Returned to Sender: ${original.subject}`,
        from: `MAILER-DAEMON@${SERVER_HOST}`,
        to: [envelopeFrom],
        sizeBytes: original.sizeBytes + BOUNCE_OVERHEAD_BYTES,
        owners: [internal],
        createdAt: run.time,
      },
    });
  }
  if (fromQueue) run.transfer('bounce', mail, QUEUE, null, queueKey(mail, account));
  run.emit('mta', `MTA · bounce ${mail} → ${envelopeFrom}`, { key: 'delivery.bouncedInternal', params: { mail, sender: envelopeFrom } });
  deliver(run, id, [internal], '');
}

/** Retry deferred deliveries that are due; bounce those past the queue lifetime. */
export function retryDeferred(run: Run, now: number): void {
  const lifetime = run.world.server.queueLifetimeDays * MINUTES_PER_DAY;
  const due = run.deferred.filter((d) => d.nextTryAt <= now);
  for (const d of due) {
    const index = run.deferred.indexOf(d);
    if (now - d.queuedAt >= lifetime) {
      run.deferred.splice(index, 1);
      run.emit('mta', `MTA · ${d.mail} expired`, { key: 'delivery.expired', params: { mail: d.mail, days: run.world.server.queueLifetimeDays } });
      bounce(run, d.mail, d.account, d.from, true);
      continue;
    }
    const outcome = deliver(run, d.mail, [d.account], d.from, true).get(d.account);
    if (outcome === 'delivered') run.deferred.splice(run.deferred.indexOf(d), 1);
    else d.nextTryAt = now + run.world.server.retryEveryMinutes;
  }
}

/** When the next deferred delivery is due (for the scheduler). */
export function nextRetryAt(run: Run): number | null {
  let next: number | null = null;
  const lifetime = run.world.server.queueLifetimeDays * MINUTES_PER_DAY;
  for (const d of run.deferred) {
    const t = Math.min(d.nextTryAt, d.queuedAt + lifetime);
    if (next === null || t < next) next = t;
  }
  return next;
}
