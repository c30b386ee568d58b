// The IMAP server's port: (store, session, command) → { reply, ops }. The
// session machine decides whether the command is legal here; a legal one is
// carried out on a draft of the store (commands.ts). Nothing here changes the
// store: the caller applies the returned effects (run/apply.ts).
import { initialTransition, type SnapshotFrom } from 'xstate';
import type { ImapCommand, ImapReply } from '../../protocol/imap';
import { folderExists } from '../../store/mailbox';
import type { StoreView } from '../../store/store';
import { Draft, type Effects } from '../draft';
import { decider } from '../decide';
import { serverPlaceOf } from '../placeCache';
import { idleNews, IMAP_GREETING, IMAP_GREETING_PLAIN, PRE_LOGIN_CAPABILITIES, PRE_LOGIN_CAPABILITIES_PLAIN, runImapCommand, type ImapAccount } from './commands';
import { imapSessionMachine } from './imapSession.machine';
import { RecentUids } from './recent';

export { IMAP_GREETING, IMAP_GREETING_PLAIN, CAPABILITIES, headerBytes } from './commands';
export type { ImapAccount } from './commands';

export interface ImapServerSession {
  readonly machine: SnapshotFrom<typeof imapSessionMachine>;
  readonly account: ImapAccount;
  /** UIDs whose \Recent flag this session holds. */
  readonly recent: RecentUids;
  /** The tag of the IDLE command in progress (its OK comes after DONE). */
  readonly idleTag: string | null;
  /**
   * What the session last saw of its mailbox (rule 86): the store's change
   * version and the mailbox's UIDNEXT then. Changes after it were made by
   * another session and are still to be told (EXPUNGE, FETCH FLAGS).
   */
  readonly seen: { readonly version: number; readonly uidNext: number };
  /** When the client last sent a command (simulated minutes): Dovecot logs a session out after 30 minutes without one (rule 95). */
  readonly lastCommand: number;
  /** The server generation the connection was made to (learnt at its first command): a server that went down or was replaced has closed it (rule 96). */
  readonly generation: number;
  /**
   * Set when the client looked at a connection that is not idling and was told
   * nothing: the look that follows does not count as having seen the mailbox
   * (Dovecot tells a session of others' changes only at its next command).
   */
  readonly untold: boolean;
}

const UNKNOWN_GENERATION = -1;

/**
 * Dovecot's autologout: a session that sends no command for 30 minutes (not in
 * IDLE) is disconnected with `* BYE Disconnected for inactivity.` (imap-client's
 * CLIENT_IDLE_TIMEOUT_MSECS; RFC 9051 §5.4 asks for at least 30 minutes). Rule 95.
 */
export const AUTOLOGOUT_MINUTES = 30;
/**
 * How the transcript shows a connection the server closed while the client was
 * not looking: one line, written when the client next looks at the connection
 * (the model has no clock between steps; the line says when it happened).
 */
export const AUTOLOGOUT_LINE = '<connection closed by the server after 30 minutes without a command: * BYE Disconnected for inactivity.>';
export const SERVER_GONE_LINE = '<connection lost: the server went down>';

export interface ImapAnswer {
  readonly session: ImapServerSession;
  readonly reply: ImapReply;
  /** The tag the tagged status goes out with. */
  readonly tag: string;
  readonly effects: Effects;
}

const NO_EFFECTS: Effects = { ops: [], transfers: [] };

// The machine's answer depends on its state, the session's credentials and selection, and the event
// (LOGIN on what it names, SELECT on the mailbox and whether it exists; every other command on its type).
const decide = decider(
  imapSessionMachine,
  (s) => `${JSON.stringify(s.value)}|${s.context.account}|${s.context.password}|${s.context.selected}|${s.context.secured}`,
  (e) => (e.type === 'client.login' ? `${e.type}|${e.user}|${e.password}` : e.type === 'client.select' ? `${e.type}|${e.mailbox}|${e.mailboxExists}` : e.type),
);
const initial = new Map<string, ImapServerSession['machine']>();

/** A connection is accepted; `secured` when it is TLS from the start (993). */
export function openImapSession(account: ImapAccount, password: string, secured = true): { session: ImapServerSession; greeting: string } {
  const key = `${account.id}|${password}|${secured}`;
  let machine = initial.get(key);
  if (!machine) initial.set(key, (machine = initialTransition(imapSessionMachine, { account: account.id, password, secured })[0]));
  return { session: imapSession(machine, account, RecentUids.EMPTY, null, NOT_SEEN, 0, UNKNOWN_GENERATION, false), greeting: secured ? IMAP_GREETING : IMAP_GREETING_PLAIN };
}

const NOT_SEEN = { version: 0, uidNext: 0 };

/**
 * A session, every field set in one order: sessions are made for nearly every
 * command, and objects of one shape keep the code that reads them fast (a
 * spread with optional fields gave them several).
 */
function imapSession(
  machine: ImapServerSession['machine'],
  account: ImapAccount,
  recent: RecentUids,
  idleTag: string | null,
  seen: ImapServerSession['seen'],
  lastCommand: number,
  generation: number,
  untold: boolean,
): ImapServerSession {
  return { machine, account, recent, idleTag, seen, lastCommand, generation, untold };
}

/** The session after a command: the same object when nothing in it changed (the machine's snapshots are shared, see decide.ts). */
function afterCommand(session: ImapServerSession, machine: ImapServerSession['machine'], lastCommand: number, generation: number, recent: RecentUids, idleTag: string | null): ImapServerSession {
  if (machine === session.machine && lastCommand === session.lastCommand && generation === session.generation && recent === session.recent && idleTag === session.idleTag) return session;
  return imapSession(machine, session.account, recent, idleTag, session.seen, lastCommand, generation, session.untold);
}

/** Whether the connection is encrypted now (for the wire: a STARTTLS just accepted means a handshake follows). */
export const imapSecured = (session: ImapServerSession) => session.machine.context.secured;

export function handleImap(store: StoreView, session: ImapServerSession, tag: string, command: ImapCommand): ImapAnswer {
  const event = command.type === 'client.select' ? { type: command.type, mailbox: command.mailbox, mailboxExists: folderExists(store, session.account.id, command.mailbox) } : command;
  const machine = decide(session.machine, event);
  const verdict = machine.context.verdict;
  const lastCommand = store.state.time;
  const generation = session.generation === UNKNOWN_GENERATION ? store.state.serverGeneration : session.generation;
  const recent = session.recent;
  const idleTag = session.idleTag;
  switch (verdict.kind) {
    case 'refuse':
      return { session: afterCommand(session, machine, lastCommand, generation, machine.context.selected ? recent : RecentUids.EMPTY, idleTag), reply: { untagged: verdict.untagged ?? [], status: verdict.status }, tag, effects: NO_EFFECTS };
    case 'starttls':
      return { session: afterCommand(session, machine, lastCommand, generation, recent, idleTag), reply: { untagged: [], status: 'OK Begin TLS negotiation now.' }, tag, effects: NO_EFFECTS };
    case 'preLoginCapability':
      return { session: afterCommand(session, machine, lastCommand, generation, recent, idleTag), reply: { untagged: [`* CAPABILITY ${machine.context.secured ? PRE_LOGIN_CAPABILITIES : PRE_LOGIN_CAPABILITIES_PLAIN}`], status: 'OK Pre-login capabilities listed, post-login capabilities have more.' }, tag, effects: NO_EFFECTS };
    case 'idle':
      return { session: afterCommand(session, machine, lastCommand, generation, recent, tag), reply: IDLING, tag, effects: NO_EFFECTS };
    case 'done':
      return { session: afterCommand(session, machine, lastCommand, generation, recent, null), reply: IDLE_DONE, tag: idleTag ?? '', effects: NO_EFFECTS };
    case 'none':
      return { session: afterCommand(session, machine, lastCommand, generation, recent, idleTag), reply: NO_REPLY, tag, effects: NO_EFFECTS };
    case 'execute': {
      const d = new Draft(store);
      const selected = session.machine.context.selected;
      if (command.type === 'client.noop' && selected) {
        // NOOP in the selected state: what other sessions changed since this one last looked, as IDLE would have pushed it (rule 97).
        const news = idleNews(d, session.account.id, selected, recent, session.seen);
        return { session: afterCommand(session, machine, lastCommand, generation, news.recent, idleTag), reply: { untagged: news.lines, status: 'OK NOOP completed (0.001 + 0.000 secs).' }, tag, effects: d.effects() };
      }
      const r = runImapCommand(d, session.account, { selected, recent }, command);
      if (command.type === 'client.append' && selected === command.mailbox && r.reply.status.startsWith('OK')) {
        // APPEND into the selected mailbox: Dovecot syncs it at the end of the command, so the session is told
        // `* n EXISTS` (and takes the new message's \Recent) before the tagged OK (rule 98).
        const news = idleNews(d, session.account.id, selected, r.recent, session.seen);
        return { session: afterCommand(session, machine, lastCommand, generation, news.recent, idleTag), reply: { ...r.reply, untagged: [...(r.reply.untagged as readonly string[]), ...news.lines] }, tag, effects: d.effects() };
      }
      return { session: afterCommand(session, machine, lastCommand, generation, r.recent, idleTag), reply: r.reply, tag, effects: d.effects() };
    }
  }
}

// Replies that are the same every time (the wire and the client only read them).
const IDLING: ImapReply = { untagged: [], status: '', continuation: '+ idling' };
const IDLE_DONE: ImapReply = { untagged: [], status: 'OK Idle completed (0.001 + 0.000 secs).' };
const NO_REPLY: ImapReply = { untagged: [], status: '' };

/**
 * The session has seen its mailbox as the store is now (after its own
 * command's effects were applied): its own changes are never told back to it
 * unasked, as Dovecot does not (rule 86).
 */
export function imapSessionLooked(store: StoreView, session: ImapServerSession): ImapServerSession {
  const s = session;
  if (s.untold) return imapSession(s.machine, s.account, s.recent, s.idleTag, s.seen, s.lastCommand, s.generation, false);
  const selected = s.machine.context.selected;
  const uidNext = selected ? (store.folderMeta(serverPlaceOf(s.account.id, selected))?.uidNext ?? 0) : 0;
  // Looked again with nothing new: the same session (this runs twice for every command).
  if (s.seen.version === store.version && s.seen.uidNext === uidNext) return s;
  return imapSession(s.machine, s.account, s.recent, s.idleTag, { version: store.version, uidNext }, s.lastCommand, s.generation, s.untold);
}

/** The session waits in IDLE (what the server sends it now is pushed: rules 25, 86). */
export function imapIdling(session: ImapServerSession): boolean {
  return session.machine.status !== 'done' && session.machine.value === 'idling';
}

/** The session's connection broke (no LOGOUT): the session ends. */
export function imapDropped(session: ImapServerSession): ImapServerSession {
  const s = session;
  return imapSession(decide(s.machine, { type: 'connection.drop' }), s.account, s.recent, s.idleTag, s.seen, s.lastCommand, s.generation, s.untold);
}

/**
 * What the server pushes to an idling session (RFC 2177, rules 25 and 86):
 * other sessions' flag changes and expunges in its mailbox, then new mail.
 * The caller applies the effects and then calls imapSessionLooked.
 */
export function imapIdleNews(store: StoreView, session: ImapServerSession): { session: ImapServerSession; lines: string[]; effects: Effects } {
  if (session.machine.status !== 'done' && session.machine.value !== 'idling') {
    // A connection left open without IDLE: the server may have closed it meanwhile (rules 95, 96).
    const gone = session.generation === UNKNOWN_GENERATION ? null : store.state.serverGeneration !== session.generation || store.state.serverDown ? SERVER_GONE_LINE : store.state.time - session.lastCommand >= AUTOLOGOUT_MINUTES ? AUTOLOGOUT_LINE : null;
    const s = session;
    if (gone) return { session: imapDropped(s), lines: [gone], effects: NO_EFFECTS };
    return { session: imapSession(s.machine, s.account, s.recent, s.idleTag, s.seen, s.lastCommand, s.generation, true), lines: [], effects: NO_EFFECTS };
  }
  const selected = session.machine.context.selected;
  // The machine's states are flat: its value is the state's name (matches() would build a state value to compare).
  if (!selected || session.machine.value !== 'idling') return { session, lines: [], effects: NO_EFFECTS };
  const d = new Draft(store);
  const news = idleNews(d, session.account.id, selected, session.recent, session.seen);
  const s = session;
  return { session: news.recent === s.recent ? s : imapSession(s.machine, s.account, news.recent, s.idleTag, s.seen, s.lastCommand, s.generation, s.untold), lines: news.lines, effects: d.effects() };
}
