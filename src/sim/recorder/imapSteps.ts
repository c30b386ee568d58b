// An IMAP exchange kept as data and written out only when someone reads the
// frame's lines: what a device in IDLE goes through at every push of new mail
// (the server's news, DONE and its OK, UID FETCH n:*, the header FETCH, IDLE
// and "+ idling"), ten thousand times in a year. Each step keeps what the wire
// had in hand anyway (the tag, the command as the client wrote it, the reply's
// untagged part and status); the lines are made from them exactly as the wire
// would have written them (run/wire.ts), so the transcript reads the same.
import { fetchLinesText, isFetchLines, type FetchedMessage, type FetchLines } from '../protocol/imapFetch';
import type { ProtocolLine } from '../timeline';
import { flat } from '../model/flatString';

/** One step of the exchange. */
export type ImapStep =
  /** Lines the server sent unasked (the news of an IDLE push). */
  | { readonly kind: 'news'; readonly lines: readonly string[] }
  /** DONE, and the IDLE command's tagged OK. */
  | { readonly kind: 'done'; readonly tag: string; readonly status: string }
  /** IDLE, and the server's "+ idling". */
  | { readonly kind: 'idle'; readonly tag: string; readonly continuation: string }
  /** A command, its untagged reply (lines, or a FETCH reply's entries) and its tagged status. */
  | { readonly kind: 'command'; readonly tag: string; readonly text: string; readonly untagged: readonly string[] | FetchLines; readonly status: string };

/** How many lines a FETCH reply's entries write (a literal takes three: the head, the literal, the closing parenthesis). */
export function fetchLineCount(reply: FetchLines): number {
  let n = 0;
  for (const m of reply.fetched) n += m.literal === null ? 1 : 3;
  return n;
}

/** How many lines a step writes (the run's work cap counts them as if written). */
export function stepLineCount(step: ImapStep): number {
  switch (step.kind) {
    case 'news':
      return step.lines.length;
    case 'done':
    case 'idle':
      return 2;
    case 'command':
      return 2 + (isFetchLines(step.untagged) ? fetchLineCount(step.untagged) : step.untagged.length);
  }
}

/** What a step is, first in its run of values (see encodeStep). */
const NEWS = 0;
const DONE = 1;
const IDLE = 2;
const LINES = 3;
const FETCHED = 4;
const LITERALS: ReadonlyArray<FetchedMessage['literal']> = [null, 'header', 'body'];

/**
 * A FETCH entry's flags, \Recent, whether its size was asked and its literal, in
 * one small integer: a year of FETCH entries kept as values then keeps five
 * values each instead of eight. Flags take the low bits (model/flags.ts).
 */
const FLAG_BITS = 0xffff;
const RECENT = 1 << 16;
const SIZE_ASKED = 1 << 17;
const LITERAL_SHIFT = 18;
function packFetchFacts(m: FetchedMessage): number {
  return (m.flags & FLAG_BITS) | (m.recent ? RECENT : 0) | (m.sizeAsked ? SIZE_ASKED : 0) | (LITERALS.indexOf(m.literal) << LITERAL_SHIFT);
}

/**
 * A step as a run of plain values appended to `out` (numbers, and strings the
 * wire had made anyway): a year of pushes keeps no object per step, reply or
 * FETCH entry, only one flat list per exchange.
 *   NEWS n line…  ·  DONE tag status  ·  IDLE tag continuation
 *   LINES tag text status n line…  ·  FETCHED tag text status n (seq uid facts size mail)…
 * where `facts` packs an entry's flags, \Recent, whether its size was asked and its literal (packFetchFacts).
 * Texts are kept in one piece (flatString.ts): a year keeps them all.
 */
export function encodeStep(step: ImapStep, out: Array<string | number>): void {
  writeStep(step, out, out.length);
}

/** How many values a step is encoded as (see encodeStep). */
export function stepValueCount(step: ImapStep): number {
  switch (step.kind) {
    case 'news':
      return 2 + step.lines.length;
    case 'done':
    case 'idle':
      return 3;
    case 'command':
      return isFetchLines(step.untagged) ? 5 + 5 * step.untagged.fetched.length : 5 + step.untagged.length;
  }
}

/**
 * encodeStep's values written into `out` from index `at` (stored by index: into
 * a list made with room for them, or appended at its end); returns the index
 * after them.
 */
export function writeStep(step: ImapStep, out: Array<string | number>, at: number): number {
  switch (step.kind) {
    case 'news':
      out[at++] = NEWS;
      out[at++] = step.lines.length;
      for (const line of step.lines) out[at++] = flat(line);
      return at;
    case 'done':
      out[at++] = DONE;
      out[at++] = step.tag;
      out[at++] = flat(step.status);
      return at;
    case 'idle':
      out[at++] = IDLE;
      out[at++] = step.tag;
      out[at++] = flat(step.continuation);
      return at;
    case 'command': {
      const u = step.untagged;
      const fetch = isFetchLines(u);
      out[at++] = fetch ? FETCHED : LINES;
      out[at++] = step.tag;
      out[at++] = flat(step.text);
      out[at++] = flat(step.status);
      if (!fetch) {
        out[at++] = u.length;
        for (const line of u) out[at++] = flat(line);
        return at;
      }
      out[at++] = u.fetched.length;
      for (const m of u.fetched) {
        out[at++] = m.seq;
        out[at++] = m.uid;
        out[at++] = packFetchFacts(m);
        out[at++] = m.size;
        out[at++] = m.mail;
      }
      return at;
    }
  }
}

/** The lines of encoded steps, in order, as the wire writes them. */
export function imapStepLines(session: string, values: ReadonlyArray<string | number>): ProtocolLine[] {
  const out: ProtocolLine[] = [];
  const server = (text: string) => out.push({ session, dir: 'S', text });
  let i = 0;
  const next = () => values[i++];
  while (i < values.length) {
    const kind = next();
    if (kind === NEWS) {
      for (let n = next() as number; n > 0; n--) server(next() as string);
      continue;
    }
    const tag = next() as string;
    if (kind === DONE) {
      out.push({ session, dir: 'C', text: 'DONE' });
      server(`${tag} ${next() as string}`);
      continue;
    }
    if (kind === IDLE) {
      out.push({ session, dir: 'C', text: `${tag} IDLE` });
      server(next() as string);
      continue;
    }
    out.push({ session, dir: 'C', text: `${tag} ${next() as string}` });
    const status = next() as string;
    const count = next() as number;
    if (kind === LINES) for (let n = 0; n < count; n++) server(next() as string);
    else {
      const fetched: FetchedMessage[] = [];
      for (let n = 0; n < count; n++) {
        const [seq, uid, facts, size, mail] = [next() as number, next() as number, next() as number, next() as number, next() as string];
        fetched.push({ seq, uid, flags: facts & FLAG_BITS, recent: (facts & RECENT) !== 0, size, sizeAsked: (facts & SIZE_ASKED) !== 0, literal: LITERALS[facts >> LITERAL_SHIFT], mail });
      }
      fetchLinesText({ fetched }).forEach(server);
    }
    server(`${tag} ${status}`);
  }
  return out;
}
