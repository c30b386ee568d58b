// The IMAP server's port: (store, session, command) → { reply, ops }. The
// session machine decides whether the command is legal here; a legal one is
// carried out on a draft of the store (commands.ts). Nothing here changes the
// store: the caller applies the returned effects (run/apply.ts).
import { initialTransition, type SnapshotFrom } from 'xstate';
import type { ImapCommand, ImapReply } from '../../protocol/imap';
import { folderExists, meta } from '../../store/mailbox';
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
}

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
  return { session: { machine, account, recent: RecentUids.EMPTY, idleTag: null, seen: { version: 0, uidNext: 0 } }, greeting: secured ? IMAP_GREETING : IMAP_GREETING_PLAIN };
}

/** Whether the connection is encrypted now (for the wire: a STARTTLS just accepted means a handshake follows). */
export const imapSecured = (session: ImapServerSession) => session.machine.context.secured;

export function handleImap(store: StoreView, session: ImapServerSession, tag: string, command: ImapCommand): ImapAnswer {
  const event = command.type === 'client.select' ? { ...command, mailboxExists: folderExists(store, session.account.id, command.mailbox) } : command;
  const machine = decide(session.machine, event);
  const verdict = machine.context.verdict;
  // A command that leaves the machine where it was (its snapshots are shared, see decide.ts) and patches nothing new leaves the session as it was.
  const next = (patch: Partial<ImapServerSession>): ImapServerSession => {
    let same = machine === session.machine;
    for (const k in patch) same &&= patch[k as keyof ImapServerSession] === session[k as keyof ImapServerSession];
    return same ? session : { ...session, machine, ...patch };
  };
  switch (verdict.kind) {
    case 'refuse':
      return { session: next(machine.context.selected ? {} : { recent: RecentUids.EMPTY }), reply: { untagged: verdict.untagged ?? [], status: verdict.status }, tag, effects: NO_EFFECTS };
    case 'starttls':
      return { session: next({}), reply: { untagged: [], status: 'OK Begin TLS negotiation now.' }, tag, effects: NO_EFFECTS };
    case 'preLoginCapability':
      return { session: next({}), reply: { untagged: [`* CAPABILITY ${machine.context.secured ? PRE_LOGIN_CAPABILITIES : PRE_LOGIN_CAPABILITIES_PLAIN}`], status: 'OK Pre-login capabilities listed, post-login capabilities have more.' }, tag, effects: NO_EFFECTS };
    case 'idle':
      return { session: next({ idleTag: tag }), reply: { untagged: [], status: '', continuation: '+ idling' }, tag, effects: NO_EFFECTS };
    case 'done':
      return { session: next({ idleTag: null }), reply: { untagged: [], status: 'OK Idle completed (0.001 + 0.000 secs).' }, tag: session.idleTag ?? '', effects: NO_EFFECTS };
    case 'none':
      return { session: next({}), reply: { untagged: [], status: '' }, tag, effects: NO_EFFECTS };
    case 'execute': {
      const d = new Draft(store);
      const r = runImapCommand(d, session.account, { selected: session.machine.context.selected, recent: session.recent }, command);
      return { session: next({ recent: r.recent }), reply: r.reply, tag, effects: d.effects() };
    }
  }
}

/**
 * The session has seen its mailbox as the store is now (after its own
 * command's effects were applied): its own changes are never told back to it
 * unasked, as Dovecot does not (rule 86).
 */
export function imapSessionLooked(store: StoreView, session: ImapServerSession): ImapServerSession {
  const selected = session.machine.context.selected;
  const uidNext = selected ? (store.folderMeta(serverPlaceOf(session.account.id, selected))?.uidNext ?? 0) : 0;
  // Looked again with nothing new: the same session (this runs twice for every command).
  if (session.seen.version === store.version && session.seen.uidNext === uidNext) return session;
  return { ...session, seen: { version: store.version, uidNext } };
}

/**
 * What the server pushes to an idling session (RFC 2177, rules 25 and 86):
 * other sessions' flag changes and expunges in its mailbox, then new mail.
 * The caller applies the effects and then calls imapSessionLooked.
 */
export function imapIdleNews(store: StoreView, session: ImapServerSession): { session: ImapServerSession; lines: string[]; effects: Effects } {
  const selected = session.machine.context.selected;
  // The machine's states are flat: its value is the state's name (matches() would build a state value to compare).
  if (!selected || session.machine.value !== 'idling') return { session, lines: [], effects: NO_EFFECTS };
  const d = new Draft(store);
  const news = idleNews(d, session.account.id, selected, session.recent, session.seen);
  return { session: { ...session, recent: news.recent }, lines: news.lines, effects: d.effects() };
}
