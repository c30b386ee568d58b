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
  return { session: { machine, account, recent: RecentUids.EMPTY, idleTag: null }, greeting: secured ? IMAP_GREETING : IMAP_GREETING_PLAIN };
}

/** Whether the connection is encrypted now (for the wire: a STARTTLS just accepted means a handshake follows). */
export const imapSecured = (session: ImapServerSession) => session.machine.context.secured;

export function handleImap(store: StoreView, session: ImapServerSession, tag: string, command: ImapCommand): ImapAnswer {
  const event = command.type === 'client.select' ? { ...command, mailboxExists: folderExists(store, session.account.id, command.mailbox) } : command;
  const machine = decide(session.machine, event);
  const verdict = machine.context.verdict;
  const next = (patch: Partial<ImapServerSession>): ImapServerSession => ({ ...session, machine, ...patch });
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

/** What the server pushes to an idling session: new mail in its mailbox (RFC 2177). */
export function imapIdleNews(store: StoreView, session: ImapServerSession): { session: ImapServerSession; lines: string[]; effects: Effects } {
  const selected = session.machine.context.selected;
  if (!selected || !session.machine.matches('idling')) return { session, lines: [], effects: NO_EFFECTS };
  const d = new Draft(store);
  const news = idleNews(d, session.account.id, selected, session.recent);
  return { session: { ...session, recent: news.recent }, lines: news.lines, effects: d.effects() };
}
