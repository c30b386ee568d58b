// The harness's check of the delivery side: hand-written transcripts in
// Postfix 3.7's and Dovecot 2.3's words, spoken to a private Postfix (the
// provider's MX) that hands mail to a private Dovecot (TLS required) over
// LMTP. What they prove is what the model will have to say once it speaks the
// MTA hop: the size limit as advertised and enforced on the encoded message,
// where a mail refused for quota goes (bounced by the MX, or waiting in its
// queue), the bounce itself, the queue's settings, and AUTH on submission only
// after STARTTLS. `{id}` stands for a Postfix queue id.
import type { Dovecot, UserSpec } from './dovecot';
import type { Dsn } from './dsn';
import { base64EncodedBytes, buildMessage, dataBlock, messageWithAttachment } from './message';
import { diffLines, type DiffLine } from './normalise';
import { POSTFIX_DEFAULT_SIZE_LIMIT, type QueueTiming } from './postfix-config';
import { bounces, inboxMessages, type Postfix, SmtpClient } from './postfix';
import { replyInDelayReason, type QueuedMail } from './postqueue';
import { handshakeLine, ImapClient, REMOTE_CLIENT, type TlsTrust } from './wire';
import { until } from './until';

/** The queue timing the check's Postfix runs with: none of them Postfix's default. */
export const CHECK_QUEUE: QueueTiming = { queueRunDelay: '7s', minimalBackoffTime: '11s', maximalBackoffTime: '13s', maximalQueueLifetime: '17m', bounceQueueLifetime: '19m' };

export const MTA_USERS: UserSpec[] = [
  // anna: full at the first 4 KB mail, Dovecot's default (quota_full_tempfail = no)
  { login: 'anna', password: 'secret', quota: { storageKB: 1 }, gracePercent: 10, tempfail: false, pop3Lock: false },
  // carl: one message allowed, quota_full_tempfail = yes
  { login: 'carl', password: 'secret', quota: { messages: 1 }, gracePercent: 10, tempfail: true, pop3Lock: false },
  // bob: the sender, who gets the bounces
  { login: 'bob', password: 'secret', gracePercent: 10, tempfail: false, pop3Lock: false },
];
export const MTA_ADDRESSES = new Map([
  ['anna', 'anna@example.org'],
  ['carl', 'carl@example.org'],
  ['bob', 'bob@example.com'],
]);

const EHLO_MX = ['250-mx.example.org', '250-PIPELINING', `250-SIZE ${POSTFIX_DEFAULT_SIZE_LIMIT}`, '250-VRFY', '250-ETRN', '250-STARTTLS', '250-ENHANCEDSTATUSCODES', '250-8BITMIME', '250-DSN', '250-SMTPUTF8', '250 CHUNKING'];
const GREETING = '220 mx.example.org ESMTP Postfix (Debian/GNU)';
const QUOTA = (rcpt: string) => `<${rcpt}> Quota exceeded (mailbox for user is full)`;

export interface MtaCheck {
  readonly name: string;
  /** Empty when the real servers said what the transcript says. */
  readonly diff: DiffLine[];
}

/** Do the real lines match the expected ones ({id} = a queue id)? */
function compare(expected: readonly string[], real: readonly string[]): DiffLine[] {
  const pattern = (e: string) => new RegExp('^' + e.split('{id}').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[0-9A-Za-z]+') + '$');
  // A line that matches its pattern is shown as the real line, so the diff shows only what differs.
  const shown = expected.map((e) => {
    if (!e.includes('{id}')) return e;
    const p = pattern(e);
    return real.find((r) => p.test(r)) ?? e;
  });
  const same = shown.length === real.length && shown.every((e, i) => e === real[i]);
  return same ? [] : diffLines(shown, real, 'SMTP');
}

/** A session as transcript lines: C: what was sent, S: what came back. */
class Transcript {
  readonly lines: string[] = [];
  add(dir: 'C' | 'S', ...texts: string[]) {
    for (const t of texts) this.lines.push(`${dir}: ${t}`);
  }
}

async function say(t: Transcript, c: SmtpClient, line: string) {
  t.add('C', line);
  t.add('S', ...(await c.command(line)));
}

async function send(t: Transcript, c: SmtpClient, label: string, message: Buffer) {
  t.add('C', `<message ${label}, ${message.length} octets>`, '.');
  t.add('S', ...(await c.message(dataBlock(message))));
}

/**
 * One mail over SMTP to the MX, as transcript lines. With `declareSize` the
 * client states the size in MAIL FROM (RFC 1870), as clients do when the
 * server advertises SIZE; a refusal there ends the attempt before any data.
 */
async function mail(postfix: Postfix, from: string, to: string, label: string, message: Buffer, declareSize = false): Promise<string[]> {
  const t = new Transcript();
  const { client, greeting } = await SmtpClient.connect(postfix.options.smtpPort, { from: REMOTE_CLIENT });
  t.add('S', ...greeting);
  await say(t, client, 'EHLO mail.example.com');
  await say(t, client, `MAIL FROM:<${from}>${declareSize ? ` SIZE=${message.length}` : ''}`);
  if (!t.lines[t.lines.length - 1].startsWith('S: 552')) {
    await say(t, client, `RCPT TO:<${to}>`);
    await say(t, client, 'DATA');
    await send(t, client, label, message);
  }
  t.add('C', 'QUIT');
  t.add('S', ...(await client.quit()));
  return t.lines;
}

const envelope = (from: string, to: string, rest: readonly string[]) => [
  `S: ${GREETING}`,
  'C: EHLO mail.example.com',
  ...EHLO_MX.map((l) => `S: ${l}`),
  `C: MAIL FROM:<${from}>`,
  'S: 250 2.1.0 Ok',
  `C: RCPT TO:<${to}>`,
  'S: 250 2.1.5 Ok',
  'C: DATA',
  'S: 354 End data with <CR><LF>.<CR><LF>',
  ...rest,
  'C: QUIT',
  'S: 221 2.0.0 Bye',
];

/** A queue as lines: "deferred carl@example.org: 452 4.2.2 ..." ("(empty)" when nothing waits). */
function describeQueue(q: readonly QueuedMail[]): string[] {
  if (!q.length) return ['queue: (empty)'];
  return q.flatMap((m) =>
    m.recipients.map((r) => {
      const reply = r.delayReason ? replyInDelayReason(r.delayReason) : null;
      return `queue: ${m.queue} <${m.sender}> → ${r.address}: ${reply ? `${reply.code} ${reply.status} ${reply.text}` : (r.delayReason ?? '(not tried yet)')}`;
    }),
  );
}

function describeDsn(d: Dsn): string[] {
  return [
    `From: ${d.from}`,
    `Return-Path: <${d.returnPath ?? '(none)'}>`,
    `Reporting-MTA: ${d.reportingMta}`,
    ...d.recipients.flatMap((r) => [`Final-Recipient: ${r.finalRecipient}`, `Action: ${r.action}`, `Status: ${r.status}`, `Diagnostic-Code: ${r.diagnosticCode ?? '(none)'}`]),
  ];
}

/** Run every check; Dovecot must hold MTA_USERS (reset) and Postfix hand mail to its LMTP. */
export async function mtaSelfCheck(postfix: Postfix, dovecot: Dovecot, trust: TlsTrust): Promise<MtaCheck[]> {
  const checks: MtaCheck[] = [];
  const imap = dovecot.ports.imap;

  // 1 + 2. The MX advertises Postfix's default limit and applies it to the message as
  // sent: a 7.7 MB file is about 10.3 MB once base64-encoded, over 10240000.
  const file = 7_700_000;
  const big = messageWithAttachment({ id: 'big', from: 'bob@example.com', to: ['anna@example.org'], subject: 'The file' }, file);
  const overLimit = big.length > POSTFIX_DEFAULT_SIZE_LIMIT && file < POSTFIX_DEFAULT_SIZE_LIMIT && big.length - base64EncodedBytes(file) < 1000;
  const notOver: DiffLine[] = [{ op: '-', text: `the test message is not over the limit as encoded (${big.length} octets)` }];
  const declared = await mail(postfix, 'bob@example.com', 'anna@example.org', 'big', big, true);
  checks.push({
    name: `EHLO SIZE ${POSTFIX_DEFAULT_SIZE_LIMIT}; a ${file}-byte file (${big.length} octets encoded) declared with SIZE= is refused at MAIL FROM with 552 5.3.4`,
    diff: overLimit
      ? compare(
          [`S: ${GREETING}`, 'C: EHLO mail.example.com', ...EHLO_MX.map((l) => `S: ${l}`), `C: MAIL FROM:<bob@example.com> SIZE=${big.length}`, 'S: 552 5.3.4 Message size exceeds fixed limit', 'C: QUIT', 'S: 221 2.0.0 Bye'],
          declared,
        )
      : notOver,
  });
  const undeclared = await mail(postfix, 'bob@example.com', 'anna@example.org', 'big', big);
  checks.push({
    name: 'the same message sent without SIZE= is refused after its data with 552 5.3.4',
    diff: overLimit ? compare(envelope('bob@example.com', 'anna@example.org', [`C: <message big, ${big.length} octets>`, 'C: .', 'S: 552 5.3.4 Error: message file too big']), undeclared) : notOver,
  });

  // 3. Over quota with Dovecot's default: LMTP says 552 5.2.2, the MX bounces to the
  // sender (from MAILER-DAEMON, null return path) and keeps nothing.
  const m1 = buildMessage({ id: 'm1', from: 'bob@example.com', to: ['anna@example.org'], subject: 'Hallo' }, 4096);
  const bounceReal = await mail(postfix, 'bob@example.com', 'anna@example.org', 'm1', m1);
  const dsn = await until('the bounce in bob@example.com\'s INBOX', async () => (await bounces(imap, 'bob', 'secret'))[0] ?? null);
  const queueAfterBounce = await postfix.waitForQueue((q) => q.length === 0, 'empty after the bounce');
  checks.push({
    name: 'over quota (quota_full_tempfail = no): 552 5.2.2 over LMTP, the MX bounces, nothing queued',
    diff: compare(
      [
        ...envelope('bob@example.com', 'anna@example.org', [`C: <message m1, ${m1.length} octets>`, 'C: .', 'S: 250 2.0.0 Ok: queued as {id}']),
        'From: Mail Delivery System <MAILER-DAEMON@mx.example.org>',
        'Return-Path: <>',
        'Reporting-MTA: mx.example.org',
        'Final-Recipient: anna@example.org',
        'Action: failed',
        'Status: 5.2.2',
        `Diagnostic-Code: 552 5.2.2 ${QUOTA('anna@example.org')}`,
        'queue: (empty)',
      ],
      [...bounceReal, ...describeDsn(dsn), ...describeQueue(queueAfterBounce)],
    ),
  });

  // 4. Over quota with quota_full_tempfail = yes: LMTP says 452 4.2.2, the mail waits in
  // the MX's queue, and goes in once space is free and the queue is flushed.
  const c1 = buildMessage({ id: 'c1', from: 'bob@example.com', to: ['carl@example.org'], subject: 'First' }, 2048);
  const c2 = buildMessage({ id: 'c2', from: 'bob@example.com', to: ['carl@example.org'], subject: 'Second' }, 2048);
  await mail(postfix, 'bob@example.com', 'carl@example.org', 'c1', c1);
  await until('c1 in carl\'s INBOX', async () => ((await inboxMessages(imap, 'carl', 'secret')).length === 1 ? true : null));
  const deferReal = await mail(postfix, 'bob@example.com', 'carl@example.org', 'c2', c2);
  const waiting = await postfix.waitForQueue((q) => q.some((m) => m.queue === 'deferred' && m.recipients.some((r) => r.delayReason)), 'a deferred mail');
  const c = await ImapClient.login(imap, 'carl', 'secret');
  await c.run('SELECT INBOX');
  await c.run('STORE 1 +FLAGS (\\Deleted)');
  await c.run('EXPUNGE');
  await c.logout();
  await postfix.flush();
  const flushed = await postfix.waitForQueue((q) => q.length === 0, 'empty after the flush');
  const inbox = await inboxMessages(imap, 'carl', 'secret');
  checks.push({
    name: 'over quota (quota_full_tempfail = yes): 452 4.2.2, the mail waits in the MX queue, delivered after space frees and a flush',
    diff: compare(
      [
        ...envelope('bob@example.com', 'carl@example.org', [`C: <message c2, ${c2.length} octets>`, 'C: .', 'S: 250 2.0.0 Ok: queued as {id}']),
        `queue: deferred <bob@example.com> → carl@example.org: 452 4.2.2 ${QUOTA('carl@example.org')}`,
        'queue: (empty)',
        'INBOX of carl: Second',
      ],
      [...deferReal, ...describeQueue(waiting), ...describeQueue(flushed), ...inbox.map((m) => `INBOX of carl: ${/^Subject: (.*)$/m.exec(m)?.[1]?.trim() ?? '?'}`)],
    ),
  });

  // 5. The queue's timing is the run's, not Postfix's defaults.
  const names: Record<keyof QueueTiming, string> = {
    queueRunDelay: 'queue_run_delay',
    minimalBackoffTime: 'minimal_backoff_time',
    maximalBackoffTime: 'maximal_backoff_time',
    maximalQueueLifetime: 'maximal_queue_lifetime',
    bounceQueueLifetime: 'bounce_queue_lifetime',
  };
  const wanted = { ...CHECK_QUEUE, ...postfix.options.queue };
  const keys = Object.keys(names) as (keyof QueueTiming)[];
  checks.push({
    name: 'queue settings per run',
    diff: compare(
      keys.map((k) => `${names[k]} = ${wanted[k]}`),
      await Promise.all(keys.map(async (k) => `${names[k]} = ${await postfix.setting(names[k])}`)),
    ),
  });

  // 6. Submission: AUTH is offered only once the session is encrypted.
  const t = new Transcript();
  const sub = await SmtpClient.connect(postfix.options.submissionPort!, { from: REMOTE_CLIENT });
  t.add('S', ...sub.greeting);
  await say(t, sub.client, 'EHLO laptop');
  await say(t, sub.client, 'STARTTLS');
  t.add('S', handshakeLine(await sub.client.startTls(trust)));
  await say(t, sub.client, 'EHLO laptop');
  await say(t, sub.client, `AUTH PLAIN ${Buffer.from('\0bob\0secret').toString('base64')}`);
  t.add('C', 'QUIT');
  t.add('S', ...(await sub.client.quit()));
  const before = ['250-mx.example.org', '250-PIPELINING', `250-SIZE ${POSTFIX_DEFAULT_SIZE_LIMIT}`, '250-VRFY', '250-ETRN', '250-STARTTLS', '250-ENHANCEDSTATUSCODES', '250-8BITMIME', '250-DSN', '250-SMTPUTF8', '250 CHUNKING'];
  const after = ['250-mx.example.org', '250-PIPELINING', `250-SIZE ${POSTFIX_DEFAULT_SIZE_LIMIT}`, '250-VRFY', '250-ETRN', '250-AUTH PLAIN LOGIN', '250-ENHANCEDSTATUSCODES', '250-8BITMIME', '250-DSN', '250-SMTPUTF8', '250 CHUNKING'];
  checks.push({
    name: 'submission: no AUTH before STARTTLS, AUTH PLAIN LOGIN after it',
    diff: compare(
      [
        `S: ${GREETING}`,
        'C: EHLO laptop',
        ...before.map((l) => `S: ${l}`),
        'C: STARTTLS',
        'S: 220 2.0.0 Ready to start TLS',
        `S: ${handshakeLine({ protocol: 'TLSv1.3', certificate: 'mail.example.org' })}`,
        'C: EHLO laptop',
        ...after.map((l) => `S: ${l}`),
        `C: AUTH PLAIN ${Buffer.from('\0bob\0secret').toString('base64')}`,
        'S: 235 2.7.0 Authentication successful',
        'C: QUIT',
        'S: 221 2.0.0 Bye',
      ],
      t.lines,
    ),
  });
  return checks;
}
