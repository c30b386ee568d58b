// Reading a bounce: a delivery status notification (RFC 3464) as Postfix's
// bounce daemon writes it, a multipart/report whose message/delivery-status
// part holds one block of per-message fields and one block per recipient.

export interface DsnRecipient {
  readonly finalRecipient: string;
  readonly originalRecipient?: string;
  /** failed, delayed, delivered, relayed, expanded */
  readonly action: string;
  /** The enhanced status code, "5.2.2". */
  readonly status: string;
  readonly remoteMta?: string;
  readonly diagnosticCode?: string;
}

export interface Dsn {
  /** Header fields of the bounce itself (names lower-cased). */
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  /** The envelope sender the bounce was delivered with ("" is the null sender, as it must be). */
  readonly returnPath: string | null;
  readonly reportingMta: string;
  readonly recipients: readonly DsnRecipient[];
}

/** Header fields of a block (unfolded; names lower-cased; the first of each name). */
export function headerFields(block: string): Map<string, string> {
  const fields = new Map<string, string>();
  const unfolded = block.replace(/\r\n/g, '\n').replace(/\n[ \t]+/g, ' ');
  for (const line of unfolded.split('\n')) {
    const m = /^([!-9;-~]+):[ \t]*(.*)$/.exec(line);
    if (m && !fields.has(m[1].toLowerCase())) fields.set(m[1].toLowerCase(), m[2].trim());
  }
  return fields;
}

/** "rfc822; carl@example.org" → "carl@example.org"; "dns; mx.example.org" → "mx.example.org". */
const typed = (v: string | undefined) => (v === undefined ? undefined : v.replace(/^[A-Za-z0-9-]+;\s*/, ''));

/** Parse a bounce; throws saying what is missing when the text is not a DSN. */
export function parseDsn(raw: string): Dsn {
  const text = raw.replace(/\r\n/g, '\n');
  const headEnd = text.indexOf('\n\n');
  if (headEnd < 0) throw new Error('DSN: no header/body separator');
  const head = headerFields(text.slice(0, headEnd));
  const type = head.get('content-type') ?? '';
  if (!/^multipart\/report\b/i.test(type) || !/report-type="?delivery-status"?/i.test(type)) throw new Error(`DSN: Content-Type is not multipart/report; report-type=delivery-status: ${type}`);
  const boundary = /boundary="([^"]+)"|boundary=([^\s;]+)/i.exec(type);
  if (!boundary) throw new Error('DSN: multipart/report without a boundary');
  const b = boundary[1] ?? boundary[2];
  const parts = text.slice(headEnd + 2).split(`--${b}`).slice(1);
  const status = parts.find((p) => /^\s*content-type:\s*message\/delivery-status/im.test(p.split('\n\n', 1)[0] ?? ''));
  if (!status) throw new Error('DSN: no message/delivery-status part');
  const body = status.replace(/^\n/, '');
  const blocks = body
    .slice(body.indexOf('\n\n') + 2)
    .split(/\n\s*\n/)
    .map((blk) => blk.trim())
    .filter((blk) => blk && !blk.startsWith('--'));
  if (blocks.length < 2) throw new Error('DSN: the delivery-status part has no per-recipient fields');
  const perMessage = headerFields(blocks[0]);
  const recipients = blocks.slice(1).map((blk, i) => {
    const f = headerFields(blk);
    const need = (k: string) => {
      const v = f.get(k);
      if (v === undefined) throw new Error(`DSN: recipient block ${i + 1} has no ${k}`);
      return v;
    };
    const r: DsnRecipient = {
      finalRecipient: typed(need('final-recipient'))!,
      action: need('action').toLowerCase(),
      status: need('status'),
      ...(f.has('original-recipient') ? { originalRecipient: typed(f.get('original-recipient')) } : {}),
      ...(f.has('remote-mta') ? { remoteMta: typed(f.get('remote-mta')) } : {}),
      ...(f.has('diagnostic-code') ? { diagnosticCode: typed(f.get('diagnostic-code')) } : {}),
    };
    return r;
  });
  const rp = head.get('return-path');
  return {
    from: head.get('from') ?? '',
    to: head.get('to') ?? '',
    subject: head.get('subject') ?? '',
    returnPath: rp === undefined ? null : rp.replace(/^<|>$/g, ''),
    reportingMta: typed(perMessage.get('reporting-mta')) ?? '',
    recipients,
  };
}
