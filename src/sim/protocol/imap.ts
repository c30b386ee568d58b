// IMAP as it travels on the wire, shared by clients and the server: the
// commands a client can send, the reply a server gives, and how a command is
// written as a line. Plain data; neither side's logic lives here.
import { flagNames } from '../model/flags';
import type { FetchLines } from './imapFetch';

export type ImapCommand =
  | { type: 'client.login'; user: string; password: string }
  | { type: 'client.capability' }
  /** RFC 3501 §6.2.1: upgrade a plain connection (port 143) to TLS before login. */
  | { type: 'client.starttls' }
  | { type: 'client.status'; mailbox: string }
  /**
   * LIST (RFC 3501 §6.3.8). `subscribed`: the RFC 5258 form Thunderbird sends
   * to a LIST-EXTENDED, SPECIAL-USE server, `LIST (SUBSCRIBED) "" "*" RETURN (SPECIAL-USE)`.
   */
  | { type: 'client.list'; pattern: string; subscribed: boolean }
  | { type: 'client.select'; mailbox: string }
  | { type: 'client.fetch'; uids: string; items: string }
  | { type: 'client.store'; uids: string; change: string; silent: boolean }
  | { type: 'client.expunge' }
  | { type: 'client.uidExpunge'; uids: string }
  | { type: 'client.copy'; uids: string; mailbox: string }
  | { type: 'client.move'; uids: string; mailbox: string }
  /** `size`: the literal's length, which the client knows from the message it uploads. */
  | { type: 'client.append'; mailbox: string; flags: number; mail: string; size: number; source?: string }
  | { type: 'client.noop' }
  | { type: 'client.close' }
  | { type: 'client.logout' }
  | { type: 'client.idle' }
  | { type: 'client.done' };

/** A long reply kept by reference: `* n FETCH (UID u FLAGS (...))` for every message up to a UID, written out when read. */
export interface ListingRef {
  readonly listing: 'fetchFlags';
  readonly place: string;
  readonly upTo: number;
  /** Messages from this UID on carry \Recent in this session (null: none). */
  readonly recentFrom: number | null;
  /** How many lines it has, for the byte count. */
  readonly count: number;
  /**
   * Reading the listing against the one the reader remembers: the UIDs whose
   * line can differ since that listing (`since` is the `version` it carried),
   * each with its flags now, or null when the message is gone. Equal to a
   * line-by-line comparison of the two listings, without writing 10,000 lines.
   */
  readonly version: number;
  readonly changedSince: (since: number) => ReadonlyArray<{ readonly uid: number; readonly flags: number | null }>;
  /** Every line of the listing as UID and flags, in order (for a reader with nothing to compare against). */
  readonly entries: () => ReadonlyArray<{ readonly uid: number; readonly flags: number }>;
}

/** Untagged lines and the tagged status text (without the tag) the server answers with. */
export interface ImapReply {
  /** Lines; a long flag listing by reference; or a FETCH reply's messages as data (protocol/imapFetch.ts). */
  readonly untagged: readonly string[] | ListingRef | FetchLines;
  readonly status: string;
  /** The server's continuation request before the client's literal (APPEND), or before IDLE's wait. */
  readonly continuation?: string;
}

export const isListing = (u: ImapReply['untagged']): u is ListingRef => !Array.isArray(u) && typeof u === 'object' && 'listing' in u;

/** A mailbox name as an IMAP astring: as it is when it is an atom, else quoted (RFC 3501 §9, `astring`). */
export const quoteMailbox = (name: string) => (/^[^\s"%*(){}\\\]]+$/.test(name) ? name : `"${name.replace(/(["\\])/g, '\\$1')}"`);

/** The command as the client writes it, without the tag. */
export function imapCommandText(c: ImapCommand): string {
  switch (c.type) {
    case 'client.login':
      return `LOGIN ${c.user} ${c.password}`;
    case 'client.capability':
      return 'CAPABILITY';
    case 'client.starttls':
      return 'STARTTLS';
    case 'client.status':
      return `STATUS ${quoteMailbox(c.mailbox)} (MESSAGES UIDNEXT UIDVALIDITY)`;
    case 'client.list':
      return c.subscribed ? `LIST (SUBSCRIBED) "" "${c.pattern}" RETURN (SPECIAL-USE)` : `LIST "" "${c.pattern}"`;
    case 'client.select':
      return `SELECT ${quoteMailbox(c.mailbox)}`;
    case 'client.fetch':
      return `UID FETCH ${c.uids} (${c.items})`;
    case 'client.store':
      return `UID STORE ${c.uids} ${c.change.replace(/^([+-]?FLAGS)/, c.silent ? '$1.SILENT' : '$1')}`;
    case 'client.expunge':
      return 'EXPUNGE';
    case 'client.uidExpunge':
      return `UID EXPUNGE ${c.uids}`;
    case 'client.copy':
      return `UID COPY ${c.uids} ${quoteMailbox(c.mailbox)}`;
    case 'client.move':
      return `UID MOVE ${c.uids} ${quoteMailbox(c.mailbox)}`;
    case 'client.append': {
      const names = flagNames(c.flags).map((f) => `\\${f}`);
      return `APPEND ${quoteMailbox(c.mailbox)}${names.length ? ` (${names.join(' ')})` : ''} {${c.size}}`;
    }
    case 'client.noop':
      return 'NOOP';
    case 'client.close':
      return 'CLOSE';
    case 'client.logout':
      return 'LOGOUT';
    case 'client.idle':
      return 'IDLE';
    case 'client.done':
      return 'DONE';
  }
}

/** "2,4:6" from UIDs, the compact form IMAP uses in sequence sets and COPYUID. */
export function formatUidSet(uids: readonly number[]): string {
  // Clients ask for UIDs they hold in order: sort only a list that is not.
  let ascending = true;
  for (let i = 1; i < uids.length && ascending; i++) ascending = uids[i - 1] <= uids[i];
  const sorted = ascending ? uids : [...uids].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}:${sorted[j]}`);
    i = j;
  }
  return parts.join(',');
}

/** A literal as the transcript shows it: the message or its headers, by name and size. */
export const messageLiteral = (mail: string, size: number) => `<message ${mail}, ${size} octets>`;
export const headersLiteral = (mail: string) => `<headers of ${mail}>`;
