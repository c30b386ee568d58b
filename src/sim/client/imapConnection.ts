// A client's IMAP connection: it tags commands (a1, a2, …), waits for each
// reply and reads from it what a client can know: the capabilities, the
// selected mailbox's message count (EXISTS, EXPUNGE), and the bytes and
// round trips it cost. Thunderbird does not pipeline IMAP commands: each one
// waits for its tagged reply (nsImapProtocol runs one command at a time per
// connection), so every command is one round trip.
import { Flag } from '../model/flags';
import { imapCommandText, isListing, type ImapCommand, type ImapReply } from '../protocol/imap';
import { fetchLinesBytes, isFetchLines } from '../protocol/imapFetch';
import { Cost, lineBytes } from './cost';
import type { Account, ImapWire } from './host';

export interface Answer extends ImapReply {
  readonly ok: boolean;
}

const capabilitySets = new Map<string, ReadonlySet<string>>();
/** The capabilities a response code lists (the same few lines repeat at every login: read each once). */
function capabilityCode(text: string): ReadonlySet<string> | null {
  let caps = capabilitySets.get(text);
  if (!caps) {
    const m = /\[CAPABILITY ([^\]]+)\]/.exec(text);
    if (!m) return null;
    capabilitySets.set(text, (caps = new Set(m[1].split(' '))));
  }
  return caps;
}

export class ImapConnection {
  private tagNumber = 1;
  private idleTag: string | null = null;
  readonly cost = new Cost();
  capabilities: ReadonlySet<string> = new Set<string>();
  /** Messages in the selected mailbox, as the server last said. */
  exists = 0;
  selected: string | null = null;
  /** When the client last used the connection (simulated minutes), for its connection cache (rule 95). */
  lastUsed = 0;
  /** The server closed the connection (its BYE, or the socket gone): the client can only drop it. */
  closed = false;
  /** The type of the last command sent (a check on the selected mailbox needs no second NOOP right after one). */
  lastCommand: ImapCommand['type'] | null = null;

  constructor(private readonly wire: ImapWire) {
    this.cost.wait();
    this.cost.add(wire.greeting.length + 2);
    this.learnCapabilities(wire.greeting);
  }

  private learnCapabilities(text: string): void {
    const caps = capabilityCode(text);
    if (caps) this.capabilities = caps;
  }

  /** What untagged lines tell about the selected mailbox. */
  private learn(lines: readonly string[]): void {
    for (const l of lines) {
      // Only "* n EXISTS" and "* n EXPUNGE" end in S or E after a capital: rule the rest out before the regular expression.
      const last = l.charCodeAt(l.length - 1);
      if (last !== 83 /* S */ && last !== 69 /* E */) continue;
      const m = /^\* (\d+) (EXISTS|EXPUNGE)$/.exec(l);
      if (!m) continue;
      if (m[2] === 'EXISTS') this.exists = Number(m[1]);
      else this.exists--;
    }
  }

  send(command: ImapCommand): Answer {
    const tag = `a${this.tagNumber++}`;
    // Written once: the wire puts the same line into the transcript.
    const text = imapCommandText(command);
    const reply = this.wire.send(tag, command, text);
    this.cost.add(tag.length + 1 + text.length + 2);
    this.cost.wait();
    if (reply.continuation && command.type === 'client.append') {
      // The literal goes out after the server's "+" (no LITERAL+ use: Thunderbird waits for it).
      this.cost.add(reply.continuation.length + 2 + command.size + 2);
      this.cost.wait();
    }
    if (isListing(reply.untagged)) {
      // "* 1234 FETCH (UID 5678 FLAGS (\Seen))": estimated from the count, not written out.
      this.cost.add(reply.untagged.count * (30 + 2 * String(reply.untagged.upTo).length));
    } else if (isFetchLines(reply.untagged)) {
      // FETCH responses tell nothing of the message count (no EXISTS or EXPUNGE among them).
      this.cost.add(fetchLinesBytes(reply.untagged));
    } else {
      this.cost.add(lineBytes(reply.untagged));
      this.learn(reply.untagged);
    }
    this.cost.add(tag.length + reply.status.length + 3);
    const ok = reply.status.startsWith('OK');
    if (command.type === 'client.login' && ok) this.learnCapabilities(reply.status);
    if (command.type === 'client.select') this.selected = ok ? command.mailbox : null;
    if (command.type === 'client.close' && ok) this.selected = null;
    this.lastCommand = command.type;
    // Written out rather than spread: this runs for every command.
    return reply.continuation === undefined ? { untagged: reply.untagged, status: reply.status, ok } : { untagged: reply.untagged, status: reply.status, continuation: reply.continuation, ok };
  }

  /** The tagged status of the last LOGIN (to tell a refused plaintext login from a wrong password). */
  loginStatus = '';

  login(account: Account): boolean {
    const r = this.send({ type: 'client.login', user: account.id, password: account.password });
    this.loginStatus = r.status;
    return r.ok;
  }

  /**
   * STARTTLS on port 143 (RFC 3501 §6.2.1), then CAPABILITY again: what the
   * server offered before TLS no longer counts (RFC 2595 §3.1; Thunderbird
   * re-issues CAPABILITY after STARTTLS, nsImapProtocol, "force re-issue of
   * capability"). False when the server did not agree: the client then stops
   * rather than send its password in clear.
   */
  startTls(): boolean {
    if (!this.capabilities.has('STARTTLS') || !this.send({ type: 'client.starttls' }).ok) return false;
    // The handshake's own round trip and certificate bytes are not counted (as on 993: README, "Sync figures").
    const r = this.send({ type: 'client.capability' });
    const line = (r.untagged as readonly string[]).find((l) => l.startsWith('* CAPABILITY '));
    if (line) this.capabilities = new Set(line.slice('* CAPABILITY '.length).split(' '));
    return true;
  }

  logout(): void {
    this.send({ type: 'client.logout' });
  }

  /** The connection breaks: nothing more is sent on it (see ImapWire.drop). */
  drop(dir: 'C' | 'S', line: string): void {
    this.wire.drop(dir, line);
    this.idleTag = null;
    this.closed = true;
  }

  /** IDLE (RFC 2177): the server answers "+ idling" and may push news until DONE. */
  idle(): void {
    const tag = `a${this.tagNumber++}`;
    const reply = this.wire.send(tag, { type: 'client.idle' });
    this.idleTag = tag;
    this.cost.add(tag.length + 7 + (reply.continuation?.length ?? 0) + 2);
    this.cost.wait();
  }

  /** DONE ends IDLE; the server closes the IDLE command with its tag. */
  done(): void {
    const reply = this.wire.send(this.idleTag ?? '', { type: 'client.done' });
    this.cost.add(6 + (this.idleTag?.length ?? 0) + reply.status.length + 3);
    this.cost.wait();
    this.idleTag = null;
  }

  get idling(): boolean {
    return this.idleTag !== null;
  }

  /** What the server pushed while idling; the client learns the new message count from it. */
  unasked(): readonly string[] {
    const lines = this.wire.unasked();
    this.cost.add(lineBytes(lines));
    this.learn(lines);
    // A closed connection shows as such when the client looks at it (rules 95, 96).
    if (lines.some((l) => l.startsWith('* BYE') || /^<connection (closed|lost)/.test(l))) this.closed = true;
    return lines;
  }
}

/** A FETCH response line as the client reads it. */
export interface FetchedLine {
  readonly seq: number;
  readonly uid: number;
  readonly flags: number;
  readonly size: number | null;
}

const FLAG_BITS: Record<string, number> = { '\\Answered': Flag.Answered, '\\Flagged': Flag.Flagged, '\\Deleted': Flag.Deleted, '\\Seen': Flag.Seen, '\\Draft': Flag.Draft };

/** `(\Seen \Recent)` → the flag bits a client keeps (\Recent is the session's, not the message's). */
export function parseFlagList(list: string): number {
  let flags = 0;
  let start = 0;
  // Words split on spaces by hand: this runs for every FETCH line a client reads.
  while (start < list.length) {
    let end = list.indexOf(' ', start);
    if (end < 0) end = list.length;
    if (end > start) flags |= FLAG_BITS[list.slice(start, end)] ?? 0;
    start = end + 1;
  }
  return flags;
}

/** The digits from `i` on as a number, and where they end (`end` = i: no digits). */
function digitsAt(line: string, i: number): { value: number; end: number } {
  let value = 0;
  let end = i;
  for (let c = line.charCodeAt(end); c >= 48 && c <= 57; c = line.charCodeAt(++end)) value = value * 10 + (c - 48);
  return { value, end };
}

/**
 * `* n FETCH (UID u FLAGS (…)[ RFC822.SIZE s]…`, read by hand (a client reads
 * one for every message a check looks at; a regular expression and its match
 * array cost more than the line). Null for any other line.
 */
function readFetchHead(line: string): { seq: number; uid: number; flags: number; size: number | null } | null {
  if (line.charCodeAt(0) !== 42 /* * */ || line.charCodeAt(1) !== 32) return null;
  const seq = digitsAt(line, 2);
  if (seq.end === 2 || !line.startsWith(' FETCH (UID ', seq.end)) return null;
  const uidAt = seq.end + ' FETCH (UID '.length;
  const uid = digitsAt(line, uidAt);
  if (uid.end === uidAt || !line.startsWith(' FLAGS (', uid.end)) return null;
  const open = uid.end + ' FLAGS ('.length;
  const close = line.indexOf(')', open);
  if (close < 0) return null;
  let size: number | null = null;
  if (line.startsWith(' RFC822.SIZE ', close + 1)) {
    const at = close + 1 + ' RFC822.SIZE '.length;
    const n = digitsAt(line, at);
    if (n.end > at) size = n.value;
  }
  return { seq: seq.value, uid: uid.value, flags: close === open ? 0 : parseFlagList(line.slice(open, close)), size };
}

export function parseFetch(line: string): FetchedLine | null {
  return readFetchHead(line);
}

const MESSAGE_PREFIX = '<message ';
const HEADERS_PREFIX = '<headers of ';

/** The mail a literal placeholder names: `<message m1, 4096 octets>`, `<headers of m1>`. */
function literalMail(line: string): string | null {
  if (line.charCodeAt(0) !== 60 /* < */ || line.charCodeAt(line.length - 1) !== 62 /* > */) return null;
  if (line.startsWith(HEADERS_PREFIX)) {
    const mail = line.slice(HEADERS_PREFIX.length, -1);
    return mail && mail.indexOf(' ') < 0 ? mail : null;
  }
  if (line.startsWith(MESSAGE_PREFIX)) {
    const comma = line.indexOf(', ', MESSAGE_PREFIX.length);
    if (comma <= MESSAGE_PREFIX.length || !line.endsWith(' octets>')) return null;
    const mail = line.slice(MESSAGE_PREFIX.length, comma);
    return mail.indexOf(' ') < 0 && /^\d+$/.test(line.slice(comma + 2, -' octets>'.length)) ? mail : null;
  }
  return null;
}

/** The mail a literal names, as `literalMail` reads it from the placeholder line (a name with a space reads as none). */
const namedMail = (mail: string): string | null => (mail && mail.indexOf(' ') < 0 ? mail : null);

/** The messages a FETCH reply carried, with the mail each literal names (`<message m1, …>`, `<headers of m1>`). */
export function readFetched(untagged: ImapReply['untagged']): Array<FetchedLine & { mail: string | null }> {
  const out: Array<FetchedLine & { mail: string | null }> = [];
  if (isListing(untagged)) throw new Error('a flag listing is read by reference, not as FETCH lines');
  if (isFetchLines(untagged)) {
    // The server's reply as data: the same facts its lines state, read without writing them.
    for (const m of untagged.fetched) out.push({ seq: m.seq, uid: m.uid, flags: m.flags, size: m.sizeAsked ? m.size : null, mail: m.literal ? namedMail(m.mail) : null });
    return out;
  }
  const lines = untagged;
  for (let i = 0; i < lines.length; i++) {
    const f = readFetchHead(lines[i]);
    if (!f) continue;
    const next = lines[i + 1];
    out.push({ seq: f.seq, uid: f.uid, flags: f.flags, size: f.size, mail: next === undefined ? null : literalMail(next) });
  }
  return out;
}

/** The UIDs a FETCH reply names, in its order (what `UID FETCH n:* (UID FLAGS)` is asked for). */
export function fetchedUids(untagged: ImapReply['untagged']): number[] {
  const out: number[] = [];
  if (isFetchLines(untagged)) {
    for (const m of untagged.fetched) out.push(m.uid);
    return out;
  }
  if (isListing(untagged)) throw new Error('a flag listing is read by reference, not as FETCH lines');
  for (const line of untagged) {
    const f = readFetchHead(line);
    if (f) out.push(f.uid);
  }
  return out;
}

/** SELECT's answer as the client reads it (RFC 9051 §6.3.2). */
export interface Selected {
  readonly exists: number;
  readonly uidValidity: number;
  readonly uidNext: number;
}

export function readSelect(lines: readonly string[]): Selected {
  let exists = 0;
  let uidValidity = 0;
  let uidNext = 0;
  for (const l of lines) {
    let m = /^\* (\d+) EXISTS$/.exec(l);
    if (m) exists = Number(m[1]);
    m = /\[UIDVALIDITY (\d+)\]/.exec(l);
    if (m) uidValidity = Number(m[1]);
    m = /\[UIDNEXT (\d+)\]/.exec(l);
    if (m) uidNext = Number(m[1]);
  }
  return { exists, uidValidity, uidNext };
}

/** The folders a LIST reply names, in its order (RFC 3501 §7.2.2: `* LIST (attributes) "delimiter" name`). */
export function readList(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    const m = /^\* LIST \([^)]*\) (?:"[^"]*"|NIL) (.+)$/.exec(l);
    if (!m) continue;
    const name = m[1];
    out.push(name.startsWith('"') ? name.slice(1, -1).replace(/\\(["\\])/g, '$1') : name);
  }
  return out;
}
