// The POP3 server's port, and the one place where POP3 removes mail: the
// UPDATE state (RFC 1939 §6). A session sees the INBOX as it was when it
// started (observed on Dovecot: a message expunged meanwhile by IMAP is still
// counted; RETR answers -ERR). The session machine decides (legal here? does
// DELE mark?); this port keeps the marks, answers in Dovecot 2.3's words, sets
// \Seen on RETR, and at QUIT from TRANSACTION `commitUpdate` removes the
// marked messages. Nothing here changes the store: the caller applies effects.
import { initialTransition, type SnapshotFrom } from 'xstate';
import { Flag } from '../../model/flags';
import { flat } from '../../model/flatString';
import { serverPlace } from '../../model/places';
import { metaWithRecent } from '../../model/state';
import type { ListingReply, Pop3Command, Reply } from '../../protocol/pop3';
import { meta, pop3Uidl } from '../../store/mailbox';
import type { StoreView } from '../../store/store';
import { decider } from '../decide';
import { Draft, type Effects } from '../draft';
import { pop3SessionMachine, type MaildropEntry } from './pop3Session.machine';
import { acquire, lockedByOther, release, type Pop3Locks } from './pop3Lock';
import { Pop3Marks, type Pop3MarksView } from './pop3Marks';

export type { MaildropEntry } from './pop3Session.machine';
export { POP3_IN_USE, pop3LocksOf, type Pop3Locks } from './pop3Lock';

/** Whether the connection is encrypted now. */
export const pop3Secured = (session: Pop3ServerSession) => session.machine.context.secured;

export interface Pop3ServerSession {
  readonly machine: SnapshotFrom<typeof pop3SessionMachine>;
  /** The maildrop as it was when the session started (message n = entry n-1). */
  readonly maildrop: readonly MaildropEntry[];
  /** Numbers marked by DELE (RFC 1939 §5); never changed in place. */
  readonly marked: Pop3MarksView;
  /** The run's lock table when the server locks POP3 sessions (pop3_lock_session), else null. */
  readonly locks?: Pop3Locks | null;
  /** This session, as the lock table names its holder. */
  readonly holder?: symbol;
}

/** Dovecot 2.3's CAPA on an encrypted connection (995, or 110 after STLS): USER and the plaintext SASL mechanisms, no STLS. */
export const POP3_CAPA = ['+OK', 'CAPA', 'TOP', 'UIDL', 'RESP-CODES', 'PIPELINING', 'AUTH-RESP-CODE', 'USER', 'SASL PLAIN LOGIN', '.'];
/** The same before STLS on 110 (ssl = required): STLS offered, no USER, no mechanism that would send a password in clear. */
export const POP3_CAPA_PLAIN = ['+OK', 'CAPA', 'TOP', 'UIDL', 'RESP-CODES', 'PIPELINING', 'AUTH-RESP-CODE', 'STLS', 'SASL', '.'];
export const POP3_GREETING = '+OK Dovecot (Debian) ready.';

const NO_EFFECTS: Effects = { ops: [], transfers: [] };

const decide = decider(
  pop3SessionMachine,
  (s) => `${JSON.stringify(s.value)}|${s.context.account}|${s.context.password}|${s.context.user}|${s.context.secured}`,
  (e) => (e.type === 'client.user' ? `${e.type}|${e.name}` : e.type === 'client.pass' ? `${e.type}|${e.password}|${e.locked}` : e.type === 'client.dele' ? `${e.type}|${e.markable}` : e.type),
);

const initial = new Map<string, Pop3ServerSession['machine']>();

/**
 * A connection is accepted; `secured` when it is TLS from the start (995);
 * `locks`: the run's lock table when the server refuses a second session
 * (pop3_lock_session, rule 11), null when it lets sessions overlap (Dovecot's default).
 */
export function openPop3Session(store: StoreView, account: string, password: string, secured = true, locks: Pop3Locks | null = null): { session: Pop3ServerSession; greeting: Reply } {
  const place = serverPlace(account, 'INBOX');
  const m = meta(store, account, 'INBOX');
  const maildrop: MaildropEntry[] = [...store.folder(place).values()].map((c) => ({ uid: c.uid!, uidl: pop3Uidl(c.uid!, m.uidValidity), size: store.state.mails.get(c.mail)?.sizeBytes ?? 0, mail: c.mail }));
  const key = `${account}|${password}|${secured}`;
  let machine = initial.get(key);
  if (!machine) initial.set(key, (machine = initialTransition(pop3SessionMachine, { account, password, secured })[0]));
  return { session: pop3Session(machine, maildrop, NOTHING_MARKED, locks, Symbol('pop3 session')), greeting: [POP3_GREETING] };
}

const NOTHING_MARKED = Pop3Marks.NONE;

/** The marks after one more DELE: a new value, made without copying the earlier marks (pop3Marks.ts). */
function withMark(marked: Pop3MarksView, n: number): Pop3MarksView {
  return Pop3Marks.from(marked).with(n);
}

/** A session, every field set in one order (one is made for every command: objects of one shape keep the code that reads them fast). */
function pop3Session(machine: Pop3ServerSession['machine'], maildrop: readonly MaildropEntry[], marked: Pop3MarksView, locks: Pop3Locks | null | undefined, holder: symbol | undefined): Pop3ServerSession {
  return { machine, maildrop, marked, locks, holder };
}

function lookup(s: Pop3ServerSession, n: number): { entry?: MaildropEntry; error?: string } {
  if (!Number.isInteger(n) || n < 1 || n > s.maildrop.length) return { error: "-ERR There's no message " + n + '.' };
  if (s.marked.has(n)) return { error: '-ERR Message is deleted.' };
  return { entry: s.maildrop[n - 1] };
}

/**
 * LIST or UIDL: every message not marked, one line each. The timeline keeps the
 * reply all year, so it keeps only the listing's text in one piece (a few hundred
 * bytes, one object), not the session's maildrop with an object and a UIDL per
 * message; the lines are split out of it when read.
 */
function listing(s: Pop3ServerSession, head: string, uidl: boolean): ListingReply {
  let text = head;
  for (let i = 0; i < s.maildrop.length; i++) {
    if (s.marked.has(i + 1)) continue;
    const m = s.maildrop[i];
    text += `\n${i + 1} ${uidl ? m.uidl : m.size}`;
  }
  const listed = flat(text);
  return Object.assign(listingLines.bind(null, listed), { each: eachListed.bind(null, listed) });
}

/** A listing's lines: its text split, and the closing dot. */
function listingLines(text: string): string[] {
  const lines = text.split('\n');
  lines.push('.');
  return lines;
}

/** Each line of a listing after its head: the message number and the rest (size or UIDL). */
function eachListed(text: string, visit: (n: number, value: string) => void): void {
  let start = text.indexOf('\n') + 1;
  while (start > 0) {
    const space = text.indexOf(' ', start);
    const end = text.indexOf('\n', space);
    visit(Number(text.slice(start, space)), text.slice(space + 1, end < 0 ? undefined : end));
    start = end + 1;
  }
}

/** The messages not marked by DELE. */
function live(s: Pop3ServerSession): MaildropEntry[] {
  return s.maildrop.filter((_, i) => !s.marked.has(i + 1));
}

/** The answer to a command the machine let through. */
function answer(s: Pop3ServerSession, command: Pop3Command): Reply {
  switch (command.type) {
    case 'client.capa':
      return s.machine.context.secured ? POP3_CAPA : POP3_CAPA_PLAIN;
    case 'client.stat': {
      const l = live(s);
      return [`+OK ${l.length} ${l.reduce((sum, m) => sum + m.size, 0)}`];
    }
    case 'client.list':
      return listing(s, `+OK ${live(s).length} messages:`, false);
    case 'client.uidl':
      return listing(s, '+OK', true);
    case 'client.retr': {
      const { entry, error } = lookup(s, command.n);
      return entry ? [`+OK ${entry.size} octets`, `<message ${entry.mail}, ${entry.size} octets>`, '.'] : [error!];
    }
    case 'client.top': {
      const { entry, error } = lookup(s, command.n);
      return entry ? ['+OK', `<headers of ${entry.mail}>`, '.'] : [error!];
    }
    case 'client.dele':
      return [lookup(s, command.n).error!];
    default:
      return ['+OK'];
  }
}

export function handlePop3(store: StoreView, session: Pop3ServerSession, command: Pop3Command | { type: 'connection.drop' }): { session: Pop3ServerSession; reply: Reply; effects: Effects } {
  const account = session.machine.context.account;
  const event =
    command.type === 'client.dele'
      ? { type: command.type, n: command.n, markable: !lookup(session, command.n).error }
      : command.type === 'client.pass'
        ? { type: command.type, password: command.password, locked: lockedByOther(session.locks, account, session.holder) }
        : command;
  const machine = decide(session.machine, event);
  const verdict = machine.context.verdict;
  const next = machine === session.machine ? session : pop3Session(machine, session.maildrop, session.marked, session.locks, session.holder);
  // The lock is held from a successful PASS until the session ends, however it ends (rule 11).
  if (verdict.kind === 'loggedIn') acquire(session.locks, account, session.holder);
  if (machine.status === 'done') release(session.locks, account, session.holder);
  switch (verdict.kind) {
    case 'none':
    case 'greet':
      return { session: next, reply: [], effects: NO_EFFECTS };
    case 'refuse':
      return { session: next, reply: [verdict.reply], effects: NO_EFFECTS };
    case 'stls':
      return { session: next, reply: ['+OK Begin TLS negotiation now.'], effects: NO_EFFECTS };
    case 'loggedIn':
      return { session: next, reply: ['+OK Logged in.'], effects: NO_EFFECTS };
    case 'mark':
      return { session: pop3Session(machine, session.maildrop, withMark(session.marked, (command as { n: number }).n), session.locks, session.holder), reply: ['+OK Marked to be deleted.'], effects: NO_EFFECTS };
    case 'unmarkAll':
      return { session: pop3Session(machine, session.maildrop, NOTHING_MARKED, session.locks, session.holder), reply: ['+OK'], effects: NO_EFFECTS };
    case 'quit':
      if (!machine.matches('update')) return { session: next, reply: ['+OK Logging out.'], effects: NO_EFFECTS };
      return { session: next, reply: [session.marked.size ? '+OK Logging out, messages deleted.' : '+OK Logging out.'], effects: commitUpdate(store, machine.context.account, session.maildrop, session.marked) };
    case 'execute': {
      const c = command as Pop3Command;
      const reply = answer(session, c);
      if (c.type === 'client.retr' && Array.isArray(reply) && reply[0]?.startsWith('+OK')) {
        // Dovecot sets \Seen when POP3 downloads (pop3_no_flag_updates=no), visible to IMAP and webmail.
        const d = new Draft(store);
        const place = serverPlace(machine.context.account, 'INBOX');
        const uid = String(session.maildrop[c.n - 1].uid);
        const copy = d.copyAt(place, uid);
        if (copy) d.setFlags(place, uid, copy.flags | Flag.Seen);
        return { session: next, reply, effects: d.effects() };
      }
      return { session: next, reply, effects: NO_EFFECTS };
    }
  }
}

/**
 * The UPDATE state: the marked messages are removed from the INBOX (rule 3),
 * those another session removed meanwhile are skipped, and the \Recent flag
 * of everything new goes to this session (it was the first to see them).
 */
export function commitUpdate(store: StoreView, account: string, maildrop: readonly MaildropEntry[], marked: Iterable<number>): Effects {
  const d = new Draft(store);
  const place = serverPlace(account, 'INBOX');
  const m = meta(d, account, 'INBOX');
  if ((m.recentUid ?? 1) < m.uidNext) d.setMeta(place, metaWithRecent(m, m.uidNext));
  for (const n of [...marked].sort((a, b) => a - b)) {
    const uid = maildrop[n - 1].uid;
    const copy = d.copyAt(place, String(uid));
    if (!copy) continue;
    d.del(place, String(uid));
    d.transfer('expunge', copy.mail, place, null, String(uid));
  }
  return d.effects();
}
