// Raw messages whose size, as Dovecot stores them, is exactly the model's.
//
// The model's sizeBytes is the stored size (what LIST and RFC822.SIZE report,
// CRLF line ends). Mail that arrives over LMTP gains the headers Dovecot's
// LMTP adds in front of it; their length is fixed once the LHLO name, the
// hostname, the envelope sender and the recipients are known (the id is 22
// characters of base64, the date "Sun, 22 Nov 2026 01:31:32 +0000" is 31):
//
//   Return-Path: <FROM>                            always
//   Delivered-To: RCPT                             one recipient only
//   Received: from LHLO ([127.0.0.1])
//   \tby HOST with LMTP
//   \tid XXXXXXXXXXXXXXXXXXXXXX
//   \t(envelope-from <FROM>)                       one recipient:
//   \tfor <RCPT>; DATE                               date after "for"
//   \t(envelope-from <FROM>); DATE                 several: no "for", no Delivered-To
//
// (observed on Dovecot 2.3.19; the state comparison after every step checks it
// by comparing RFC822.SIZE with the model's size).

export interface LmtpEnvelope {
  readonly lhlo: string;
  readonly hostname: string;
  readonly from: string;
  readonly rcpts: readonly string[];
}

const CRLF = 2;
const ID_LEN = 22;
const DATE_LEN = 31;

export function lmtpAddedBytes(e: LmtpEnvelope): number {
  const len = (s: string) => Buffer.byteLength(s, 'utf8');
  let n = len(`Return-Path: <${e.from}>`) + CRLF;
  n += len(`Received: from ${e.lhlo} ([127.0.0.1])`) + CRLF;
  n += len(`\tby ${e.hostname} with LMTP`) + CRLF;
  n += len('\tid ') + ID_LEN + CRLF;
  if (e.rcpts.length === 1) {
    n += len(`Delivered-To: ${e.rcpts[0]}`) + CRLF;
    n += len(`\t(envelope-from <${e.from}>)`) + CRLF;
    n += len(`\tfor <${e.rcpts[0]}>; `) + DATE_LEN + CRLF;
  } else {
    n += len(`\t(envelope-from <${e.from}>); `) + DATE_LEN + CRLF;
  }
  return n;
}

export interface MailHeaders {
  readonly id: string;
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
}

/** The Message-ID that names model mail `id` on the real server. */
export const messageIdOf = (id: string) => `<${id}@sandbox.example>`;

/** The model's mail id from a Message-ID header value, or null. */
export function mailIdFrom(messageId: string): string | null {
  const m = /<([^@>\s]+)@sandbox\.example>/.exec(messageId);
  return m ? m[1] : null;
}

const LINE = 76;

/**
 * A message of exactly `bytes` octets (CRLF line ends, no final dot), with
 * Message-ID <id@sandbox.example>. Throws if even the headers do not fit.
 */
export function buildMessage(mail: MailHeaders, bytes: number, header?: { readonly bytes: number; readonly added: number }): Buffer {
  const headerLines = [
    `From: ${mail.from || 'MAILER-DAEMON@mail.example.org'}`,
    `To: ${mail.to.length ? mail.to.join(', ') : 'undisclosed-recipients:;'}`,
    `Subject: ${mail.subject}`,
    `Message-ID: ${messageIdOf(mail.id)}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
  ];
  let head = headerLines.map((l) => l + '\r\n').join('');
  if (header) {
    // The model states the size of the header section as stored (BODY[HEADER]: the
    // headers LMTP adds, ours, and the blank line): pad ours to make it so.
    const pad = header.bytes - header.added - Buffer.byteLength(head, 'utf8') - CRLF;
    if (pad >= 'X-Pad: \r\n'.length && pad <= bytes) head += 'X-Pad: ' + 'x'.repeat(pad - 'X-Pad: \r\n'.length) + '\r\n';
  }
  let rest = bytes - Buffer.byteLength(head, 'utf8') - CRLF; // the blank line after the headers
  if (rest === 1) {
    // A body is whole lines of at least CRLF: take the odd octet into a header.
    head += 'X-Odd: x\r\n';
    rest -= 'X-Odd: x\r\n'.length;
    if (rest < 0) {
      head = head.slice(0, -'X-Odd: x\r\n'.length) + 'X-Odd: \r\n';
      rest = 0;
    }
  }
  if (rest < 0) throw new Error(`mail ${mail.id}: ${bytes} octets cannot hold its headers (${bytes - rest} needed)`);
  // The body: lines of "x" (none starts with a dot), written straight into the buffer.
  const headBuf = Buffer.from(head + '\r\n', 'utf8');
  const out = Buffer.alloc(headBuf.length + rest, 0x78);
  headBuf.copy(out, 0);
  let at = headBuf.length;
  while (rest > 0) {
    // a full line, unless what would be left could not be a line on its own (1 octet)
    let k = Math.min(LINE, rest - CRLF);
    if (rest - (k + CRLF) === 1) k--;
    at += k;
    out[at++] = 0x0d;
    out[at++] = 0x0a;
    rest -= k + CRLF;
  }
  if (out.length !== bytes) throw new Error(`internal: built ${out.length} octets for ${bytes}`);
  return out;
}

/** The message as LMTP/SMTP DATA: dot-stuffed, ending with CRLF.CRLF. */
export function dataBlock(message: Buffer): Buffer {
  const end = Buffer.from('.\r\n');
  // Dot-stuffing is needed only if a line starts with "." (never in what buildMessage makes).
  if (message[0] !== 0x2e && message.indexOf('\n.') < 0) return Buffer.concat([message, end]);
  const text = message.toString('latin1').replace(/^\./gm, '..');
  return Buffer.concat([Buffer.from(text, 'latin1'), end]);
}

/**
 * Octets a file of n bytes takes in a message, base64-encoded in lines of 76
 * characters with CRLF (RFC 2045 §6.8): 4 characters per 3 bytes, so a message
 * is about 4/3 of its attachment. Postfix's message_size_limit counts these.
 */
export function base64EncodedBytes(n: number): number {
  const chars = 4 * Math.ceil(n / 3);
  return chars + CRLF * Math.ceil(chars / LINE);
}

/** A multipart/mixed message with a short text and an n-byte attachment, base64-encoded. */
export function messageWithAttachment(mail: MailHeaders, attachmentBytes: number): Buffer {
  const boundary = `=_sandbox_${mail.id}`;
  const file = Buffer.alloc(attachmentBytes);
  // Not all zeros: any content encodes to the same size, but a real file is not blank.
  for (let i = 0; i < attachmentBytes; i++) file[i] = (i * 131 + 7) & 0xff;
  const encoded = file.toString('base64').replace(new RegExp(`(.{${LINE}})`, 'g'), '$1\r\n').replace(/\r\n$/, '');
  const lines = [
    `From: ${mail.from}`,
    `To: ${mail.to.join(', ')}`,
    `Subject: ${mail.subject}`,
    `Message-ID: ${messageIdOf(mail.id)}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    'The file is attached.',
    `--${boundary}`,
    'Content-Type: application/octet-stream; name="file.bin"',
    'Content-Transfer-Encoding: base64',
    'Content-Disposition: attachment; filename="file.bin"',
    '',
    encoded,
    `--${boundary}--`,
    '',
  ];
  return Buffer.from(lines.join('\r\n'), 'latin1');
}
