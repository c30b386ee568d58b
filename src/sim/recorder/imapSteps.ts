// An IMAP exchange kept as data and written out only when someone reads the
// frame's lines: what a device in IDLE goes through at every push of new mail
// (the server's news, DONE and its OK, UID FETCH n:*, the header FETCH, IDLE
// and "+ idling"), ten thousand times in a year. Each step keeps what the wire
// had in hand anyway (the tag, the command as the client wrote it, the reply's
// untagged part and status); the lines are made from them exactly as the wire
// would have written them (run/wire.ts), so the transcript reads the same.
import { fetchLinesText, isFetchLines, type FetchedMessage, type FetchLines } from '../protocol/imapFetch';
import type { ProtocolLine } from '../timeline';

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
 * A step as a run of plain values appended to `out` (numbers, and strings the
 * wire had made anyway): a year of pushes keeps no object per step, reply or
 * FETCH entry, only one flat list per exchange.
 *   NEWS n line…  ·  DONE tag status  ·  IDLE tag continuation
 *   LINES tag text status n line…  ·  FETCHED tag text status n (seq uid flags recent size sizeAsked literal mail)…
 */
export function encodeStep(step: ImapStep, out: Array<string | number>): void {
  switch (step.kind) {
    case 'news':
      // Appended one by one, not spread: a reply of many lines would pass the limit of a call's arguments.
      out.push(NEWS, step.lines.length);
      for (const line of step.lines) out.push(line);
      return;
    case 'done':
      out.push(DONE, step.tag, step.status);
      return;
    case 'idle':
      out.push(IDLE, step.tag, step.continuation);
      return;
    case 'command': {
      const u = step.untagged;
      if (!isFetchLines(u)) {
        out.push(LINES, step.tag, step.text, step.status, u.length);
        for (const line of u) out.push(line);
        return;
      }
      out.push(FETCHED, step.tag, step.text, step.status, u.fetched.length);
      for (const m of u.fetched) out.push(m.seq, m.uid, m.flags, m.recent ? 1 : 0, m.size, m.sizeAsked ? 1 : 0, LITERALS.indexOf(m.literal), m.mail);
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
        const [seq, uid, flags, recent, size, sizeAsked, literal, mail] = [next(), next(), next(), next(), next(), next(), next(), next()];
        fetched.push({ seq: seq as number, uid: uid as number, flags: flags as number, recent: recent === 1, size: size as number, sizeAsked: sizeAsked === 1, literal: LITERALS[literal as number], mail: mail as string });
      }
      fetchLinesText({ fetched }).forEach(server);
    }
    server(`${tag} ${status}`);
  }
  return out;
}
