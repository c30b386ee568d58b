// A FETCH reply as data: one entry per message, from which its lines are
// written, once. The server answers a FETCH with these entries; the wire
// writes the lines they make into the transcript; the client reads the same
// facts the lines state (sequence number, UID, flags, RFC822.SIZE, the
// literal and the mail it names) without parsing the lines back. A scripted server in the tests still answers with lines: the
// client reads either (client/imapConnection.ts).
import { formatFlags } from '../model/flags';

/** Header bytes of a message: the model's headers are a fixed share of small mails. */
export function headerBytes(size: number): number {
  return Math.min(size, 600);
}

/** One message in a FETCH reply. */
export interface FetchedMessage {
  readonly seq: number;
  readonly uid: number;
  /** The message's flags; `recent`: this session holds its \Recent (listed last, as Dovecot does). */
  readonly flags: number;
  readonly recent: boolean;
  /** The message's size: named as RFC822.SIZE when `sizeAsked`, and the literal's size. */
  readonly size: number;
  readonly sizeAsked: boolean;
  /** The literal after the head: the whole message (BODY[]), its headers (BODY[HEADER]), or none. */
  readonly literal: 'body' | 'header' | null;
  readonly mail: string;
}

/** The untagged part of a FETCH reply, kept as entries. */
export interface FetchLines {
  readonly fetched: readonly FetchedMessage[];
}

export const isFetchLines = (u: unknown): u is FetchLines => typeof u === 'object' && u !== null && !Array.isArray(u) && 'fetched' in u;

/** A FETCH's flag list, `\Recent` last as Dovecot lists it; written once per combination (every FETCH line has one). */
const flagTexts = new Map<number, string>();
export function flagListText(flags: number, recent: boolean): string {
  const key = recent ? flags | 0x10000 : flags;
  let text = flagTexts.get(key);
  if (text === undefined) flagTexts.set(key, (text = recent ? formatFlags(flags).replace(/\)$/, flags ? ' \\Recent)' : '\\Recent)') : formatFlags(flags)));
  return text;
}

/** The lines, as Dovecot 2.3 writes them: `* n FETCH (UID u FLAGS (…)[ RFC822.SIZE s]` and the literal, or `)`. */
export function fetchLinesText(reply: FetchLines): string[] {
  const out: string[] = [];
  for (const m of reply.fetched) {
    const head = `* ${m.seq} FETCH (UID ${m.uid} FLAGS ${flagListText(m.flags, m.recent)}${m.sizeAsked ? ` RFC822.SIZE ${m.size}` : ''}`;
    if (m.literal === 'body') out.push(`${head} BODY[] {${m.size}}`, `<message ${m.mail}, ${m.size} octets>`, ')');
    else if (m.literal === 'header') out.push(`${head} BODY[HEADER] {${headerBytes(m.size)}}`, `<headers of ${m.mail}>`, ')');
    else out.push(`${head})`);
  }
  return out;
}

const digits = (n: number): number => String(n).length;

/**
 * The bytes those lines take on the wire, counted as client/cost.ts's
 * lineBytes counts written lines (each line and its CRLF; a literal its
 * announced size), without writing them. A test holds the two equal.
 */
export function fetchLinesBytes(reply: FetchLines): number {
  let n = 0;
  for (const m of reply.fetched) {
    // "* " seq " FETCH (UID " uid " FLAGS " flags [" RFC822.SIZE " size]
    const head = 2 + digits(m.seq) + 12 + digits(m.uid) + 7 + flagListText(m.flags, m.recent).length + (m.sizeAsked ? 13 + digits(m.size) : 0);
    // " BODY[] {n}" / " BODY[HEADER] {n}", CRLF, the literal's announced octets, then ")" and CRLF.
    if (m.literal === 'body') n += head + 9 + digits(m.size) + 1 + 2 + m.size + 3;
    else if (m.literal === 'header') n += head + 15 + digits(headerBytes(m.size)) + 1 + 2 + headerBytes(m.size) + 3;
    else n += head + 1 + 2;
  }
  return n;
}
