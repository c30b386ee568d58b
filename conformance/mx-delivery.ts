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
import type { Dsn } from './dsn';
import { parseDsn } from './dsn';
import { buildMessage, dataBlock, type MailHeaders } from './message';
import { SmtpClient, type Postfix } from './postfix';
import { replyInDelayReason, type QueuedMail } from './postqueue';
import { REMOTE_CLIENT } from './wire';

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
export function expectedLines(d: RefusedDelivery, mxHost: string): string[] {
  const lines = ['S: 250 2.0.0 Ok: queued as {id}'];
  const temporary = d.refusals.filter((r) => r.reply.startsWith('4'));
  const permanent = d.refusals.filter((r) => r.reply.startsWith('5'));
  if (temporary.length) for (const r of temporary) lines.push(`MX queue: deferred → ${r.address}: ${r.reply}`);
  else lines.push(`MX queue: nothing from <${d.from}>`);
  if (permanent.length) {
    lines.push(`bounce From: Mail Delivery System <MAILER-DAEMON@${mxHost}>`, 'bounce envelope sender: <> (null)', `bounce Reporting-MTA: ${mxHost}`);
    for (const r of permanent) lines.push(`bounce ${r.address}: Action failed, Status ${replyParts(r.reply)?.[2] ?? '?'}`, `bounce ${r.address}: Diagnostic-Code ${r.reply}`);
  }
  return lines;
}

async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== null) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 40));
  }
}

/** Send the delivery to the MX and read what it did: its reply to the data, its queue, its bounce. */
export async function realLines(mx: Postfix, d: RefusedDelivery): Promise<string[]> {
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
  await mx.deleteAll();
  return lines;
}
