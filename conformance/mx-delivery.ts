// The delivery side of a scenario, replayed through the real MX. When the
// model's LMTP session refuses a recipient (452 or 552 after DATA), the same
// envelope goes to a private Postfix on its port 25, which hands it over LMTP
// to the replay's Dovecot — in the same state, since a refusal changes
// nothing there — and what Postfix then does is compared with what the model
// says (docs/rules.md rules 29, 30, 66): 452 → the mail waits in the MX queue
// (`postqueue -j`, the LMTP reply as its delay reason); 552 → the MX bounces
// it: a report from MAILER-DAEMON with the null return path, Action failed,
// the reply's status and the reply itself as Diagnostic-Code, and nothing of
// the mail left queued. The sender's domain is none of the MX's mailbox
// domains and mail for it is held (defer_transports = smtp), so the bounce
// stays in the queue to be read; the queue is emptied after each check.
//
// A mail refused for now then meets its fate as the model tells it (rule 66):
// where the model's retry delivers it once space is freed, `postqueue -f`
// retries it into a mailbox with room (a Dovecot of its own with the same
// accounts and no quota, so the replay's mailboxes stay as the model has them)
// and the queue must then be empty; where the model lets it expire
// (maximal_queue_lifetime), `postsuper -e` expires it at once and its bounce
// is read like one for 552. Nobody waits days.
import type { Dsn } from './dsn';
import { headerFields, parseDsn } from './dsn';
import { buildMessage, dataBlock, type MailHeaders } from './message';
import { SmtpClient, type Postfix } from './postfix';
import { replyInDelayReason, type QueuedMail } from './postqueue';
import { REMOTE_CLIENT } from './wire';
import { until } from './until';

/** What the MX's main.cf needs beyond scripts/postfix.sh for these checks. */
export const HOLD_OUTSIDE_MAIL = ['default_transport = smtp', 'relay_transport = smtp', 'defer_transports = smtp'];

export interface RefusedDelivery {
  /** The envelope sender, as the model's LMTP MAIL FROM has it. */
  readonly from: string;
  readonly mail: MailHeaders;
  /** The size the model states for the message. */
  readonly size: number;
  /** Each refused recipient with the model's reply after DATA ("452 4.2.2 <addr> Quota exceeded …"). */
  readonly refusals: readonly { readonly address: string; readonly reply: string }[];
}

/** What the model does next with a mail refused for now: a retry delivers it, or the MX gives up on it. */
export type QueueFate = 'delivered' | 'expired';

/** The model's fate of each mail refused for now, from the narration of its timeline (run/mta.ts). */
export function queueFates(frames: readonly unknown[]): Map<string, QueueFate> {
  const fates = new Map<string, QueueFate>();
  for (const f of frames as readonly { narration?: { key?: string; params?: { mail?: unknown } } }[]) {
    const mail = f.narration?.params?.mail;
    if (typeof mail !== 'string' || fates.has(mail)) continue;
    if (f.narration?.key === 'delivery.retryDelivered') fates.set(mail, 'delivered');
    else if (f.narration?.key === 'delivery.expired') fates.set(mail, 'expired');
  }
  return fates;
}

/** A mailbox with room for the retry: a Dovecot of its own (TLS off), the recipients' logins by address. */
export interface Roomy {
  readonly lmtpPort: number;
  readonly inbox: (address: string) => Promise<string[]>;
}

/** A bounce in the queue: the null sender, which showq writes as empty_address_recipient's name (MAILER-DAEMON). */
const isBounce = (m: QueuedMail) => m.sender === '' || m.sender === 'MAILER-DAEMON';

const replyParts = (reply: string) => /^(\d{3}) (\d\.\d\.\d) (.*)$/.exec(reply);

function describeQueue(q: readonly QueuedMail[], from: string): string[] {
  const mine = q.filter((m) => m.sender === from);
  if (!mine.length) return [`MX queue: nothing from <${from}>`];
  return mine.flatMap((m) =>
    m.recipients.map((r) => {
      const reply = r.delayReason ? replyInDelayReason(r.delayReason) : null;
      return `MX queue: ${m.queue} → ${r.address}: ${reply ? `${reply.code} ${reply.status} ${reply.text}` : (r.delayReason ?? '(not tried yet)')}`;
    }),
  );
}

function describeDsn(d: Dsn): string[] {
  return [
    `bounce From: ${d.from}`,
    `bounce Reporting-MTA: ${d.reportingMta}`,
    ...d.recipients.flatMap((r) => [`bounce ${r.finalRecipient}: Action ${r.action}, Status ${r.status}`, `bounce ${r.finalRecipient}: Diagnostic-Code ${r.diagnosticCode ?? '(none)'}`]),
  ];
}

/** The model's account of the same delivery, in the lines the real one is written in. */
export function expectedLines(d: RefusedDelivery, mxHost: string, fate?: QueueFate): string[] {
  const lines = ['S: 250 2.0.0 Ok: queued as {id}'];
  const temporary = d.refusals.filter((r) => r.reply.startsWith('4'));
  const permanent = d.refusals.filter((r) => r.reply.startsWith('5'));
  if (temporary.length) for (const r of temporary) lines.push(`MX queue: deferred → ${r.address}: ${r.reply}`);
  else lines.push(`MX queue: nothing from <${d.from}>`);
  if (permanent.length) {
    lines.push(`bounce From: Mail Delivery System <MAILER-DAEMON@${mxHost}>`, 'bounce envelope sender: <> (null)', `bounce Reporting-MTA: ${mxHost}`);
    for (const r of permanent) lines.push(`bounce ${r.address}: Action failed, Status ${replyParts(r.reply)?.[2] ?? '?'}`, `bounce ${r.address}: Diagnostic-Code ${r.reply}`);
  }
  if (temporary.length && fate === 'delivered') {
    lines.push(`after postqueue -f: MX queue: nothing from <${d.from}>`);
    for (const r of temporary) lines.push(`after postqueue -f: ${r.address} INBOX holds "${d.mail.subject}"`);
  }
  if (temporary.length && fate === 'expired') {
    lines.push(`expired: MX queue: nothing from <${d.from}>`);
    lines.push(`expired: bounce From: Mail Delivery System <MAILER-DAEMON@${mxHost}>`, 'expired: bounce envelope sender: <> (null)', `expired: bounce Reporting-MTA: ${mxHost}`);
    // Postfix returns an expired mail with the status of its last try: still the 4.x.x, as failed (RFC 3464 §2.3.3).
    for (const r of temporary) lines.push(`expired: bounce ${r.address}: Action failed, Status ${replyParts(r.reply)?.[2] ?? '?'}`, `expired: bounce ${r.address}: Diagnostic-Code ${r.reply}`);
  }
  return lines;
}

/** Send the delivery to the MX and read what it did: its reply to the data, its queue, its bounce; then the fate the model gives a deferred mail. */
export async function realLines(mx: Postfix, d: RefusedDelivery, fate?: QueueFate, roomy?: () => Promise<Roomy>): Promise<string[]> {
  const lines: string[] = [];
  const message = buildMessage(d.mail, d.size);
  const { client } = await SmtpClient.connect(mx.options.smtpPort, { from: REMOTE_CLIENT });
  try {
    const ok = (reply: string[], what: string) => {
      if (!reply[reply.length - 1]?.startsWith('2') && !reply[0]?.startsWith('354')) throw new Error(`the MX refused ${what}: ${reply.join(' / ')}`);
    };
    ok(await client.command(`EHLO mail.${d.from.split('@')[1] ?? 'invalid'}`), 'EHLO');
    ok(await client.command(`MAIL FROM:<${d.from}>`), 'MAIL FROM');
    for (const r of d.refusals) ok(await client.command(`RCPT TO:<${r.address}>`), `RCPT TO:<${r.address}>`);
    ok(await client.command('DATA'), 'DATA');
    const reply = await client.message(dataBlock(message));
    lines.push(...reply.map((l) => `S: ${l.replace(/queued as [0-9A-Za-z]+$/, 'queued as {id}')}`));
  } finally {
    await client.quit().catch(() => undefined);
  }
  const temporary = d.refusals.some((r) => r.reply.startsWith('4'));
  const permanent = d.refusals.some((r) => r.reply.startsWith('5'));
  // Settled: every recipient of the mail tried (deferred with a reason) or gone; a bounce, if any, queued.
  const settled = await until('the MX to settle the delivery', async () => {
    const q = await mx.queue();
    const mine = q.filter((m) => m.sender === d.from);
    const tried = mine.every((m) => m.queue === 'deferred' && m.recipients.every((r) => r.delayReason));
    const bounce = q.find(isBounce);
    return tried && (!temporary || mine.length) && (!permanent || bounce) ? q : null;
  });
  lines.push(...describeQueue(settled, d.from));
  const bounce = settled.find(isBounce);
  if (bounce) {
    // Queued, the bounce has no Return-Path yet (final delivery adds it): its envelope sender is the queue's.
    const [from, ...rest] = describeDsn(parseDsn(await mx.message(bounce.id)));
    lines.push(from, 'bounce envelope sender: <> (null)', ...rest);
  }
  try {
    if (temporary && fate === 'delivered' && roomy) lines.push(...(await flushedIntoRoom(mx, d, await roomy())));
    if (temporary && fate === 'expired') lines.push(...(await expiredNow(mx, d, bounce?.id)));
  } finally {
    await mx.deleteAll();
  }
  return lines;
}

/** Ask the queue manager again and again (a reload takes a moment) until `done` holds. */
async function flushUntil<T>(mx: Postfix, what: string, done: (q: QueuedMail[]) => T | null): Promise<T> {
  let last = 0;
  return until(
    what,
    async () => {
      const v = done(await mx.queue());
      if (v !== null) return v;
      if (Date.now() - last > 1000) {
        last = Date.now();
        await mx.flush();
      }
      return null;
    },
    20_000,
  );
}

/** Space freed: the MX's LMTP goes to a mailbox with room, `postqueue -f`, and the mail must leave the queue for the INBOX. */
async function flushedIntoRoom(mx: Postfix, d: RefusedDelivery, room: Roomy): Promise<string[]> {
  const was = await mx.setting('virtual_transport');
  await mx.configure([`virtual_transport = lmtp:inet:127.0.0.1:${room.lmtpPort}`]);
  try {
    const q = await flushUntil(mx, 'postqueue -f to deliver the deferred mail', (q) => (q.some((m) => m.sender === d.from) ? null : q));
    const lines = describeQueue(q, d.from).map((l) => `after postqueue -f: ${l}`);
    for (const r of d.refusals.filter((x) => x.reply.startsWith('4'))) {
      const inbox = await room.inbox(r.address);
      const has = inbox.some((m) => headerFields(m.split(/\r?\n\r?\n/, 1)[0] ?? '').get('subject') === d.mail.subject);
      lines.push(`after postqueue -f: ${r.address} INBOX ${has ? 'holds' : 'lacks'} "${d.mail.subject}"`);
    }
    return lines;
  } finally {
    await mx.configure([`virtual_transport = ${was}`]);
  }
}

/**
 * The lifetime runs out: `postsuper -e` marks the deferred mail expired (a
 * lifetime of 0 would expire the held bounce too, and a bounce of a bounce is
 * dropped), `postqueue -f`, and the MX returns the mail with the status of
 * its last try.
 */
async function expiredNow(mx: Postfix, d: RefusedDelivery, earlierBounce: string | undefined): Promise<string[]> {
  for (const m of (await mx.queue()).filter((x) => x.sender === d.from)) await mx.expire(m.id);
  const q = await flushUntil(mx, 'the MX to return the expired mail', (q) => (!q.some((m) => m.sender === d.from) && q.some((m) => isBounce(m) && m.id !== earlierBounce) ? q : null));
  const lines = describeQueue(q, d.from);
  const bounce = q.find((m) => isBounce(m) && m.id !== earlierBounce)!;
  const [from, ...rest] = describeDsn(parseDsn(await mx.message(bounce.id)));
  lines.push(from, 'bounce envelope sender: <> (null)', ...rest);
  return lines.map((l) => `expired: ${l}`);
}
