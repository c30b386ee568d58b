// An IMAP session as RFC 9051 §3 draws it: not authenticated → authenticated →
// selected → logout. Which commands are legal in which state is this machine's
// job; what a command does to the mailbox is the server's (imapServer.ts),
// reached through the port given as input. CLOSE expunges silently on the way
// back to authenticated; LOGOUT and a dropped connection expunge nothing (rule 16).
import { assign, setup } from 'xstate';
import type { Reply } from './pop3Session.machine';

export type ImapCommand =
  | { type: 'client.login'; user: string; password: string }
  | { type: 'client.select'; mailbox: string }
  | { type: 'client.fetch'; uids: string; items: string }
  | { type: 'client.store'; uids: string; change: string; silent: boolean }
  | { type: 'client.expunge' }
  | { type: 'client.uidExpunge'; uids: string }
  | { type: 'client.copy'; uids: string; mailbox: string }
  | { type: 'client.move'; uids: string; mailbox: string }
  | { type: 'client.append'; mailbox: string; flags: number; mail: string; source?: string }
  | { type: 'client.noop' }
  | { type: 'client.close' }
  | { type: 'client.logout' };

export type ImapEvent = ImapCommand | { type: 'client.idle' } | { type: 'client.done' } | { type: 'connection.drop' };

const isCommand = (e: ImapEvent): e is ImapCommand => e.type !== 'connection.drop' && e.type !== 'client.idle' && e.type !== 'client.done';

/** A flag listing of a whole folder, written out only when read (see timeline.ts ListingSource). */
export interface ListingRef {
  readonly listing: 'fetchFlags';
  readonly place: string;
  readonly upTo: number;
  /** Messages from this UID on carry \Recent in this session (null: none). */
  readonly recentFrom: number | null;
  /** How many lines it has, for the byte count. */
  readonly count: number;
}

/** Untagged lines and the tagged status text (without the tag) the server answers with. */
export interface ImapResult {
  readonly untagged: Reply | ListingRef;
  readonly status: string;
  /** Lines sent by the client after a continuation (an APPEND literal). */
  readonly continuation?: { readonly server: string; readonly client: string };
}

export interface ImapServerPort {
  readonly greeting: string;
  credentialsOk(user: string, password: string): boolean;
  mailboxExists(mailbox: string): boolean;
  execute(selected: string | null, command: ImapCommand): ImapResult;
  /** While IDLE (RFC 2177): what the server pushes about new mail in the selected mailbox since it last said. */
  notice(selected: string): string[];
  /** The command as the client writes it, without the tag. */
  commandText(command: ImapCommand): string;
}

export interface ImapExchange {
  readonly client: string;
  readonly result: ImapResult;
  readonly tag: string;
}

export interface ImapContext {
  readonly port: ImapServerPort;
  readonly tagNumber: number;
  /** The tag of the IDLE command in progress (its OK comes after DONE). */
  readonly idleTag: string | null;
  readonly selected: string | null;
  readonly last: ImapExchange | null;
}

const SELECTED_ONLY = ['client.fetch', 'client.store', 'client.expunge', 'client.uidExpunge', 'client.copy', 'client.move', 'client.close'] as const;

function exchange(context: ImapContext, command: ImapCommand, result: ImapResult): Partial<ImapContext> {
  const tag = `a${context.tagNumber}`;
  return { tagNumber: context.tagNumber + 1, last: { client: `${tag} ${context.port.commandText(command)}`, result, tag } };
}

export const imapSessionMachine = setup({
  types: {
    context: {} as ImapContext,
    events: {} as ImapEvent,
    input: {} as { port: ImapServerPort },
  },
  guards: {
    credentialsOk: ({ context, event }) => event.type === 'client.login' && context.port.credentialsOk(event.user, event.password),
    mailboxExists: ({ context, event }) => event.type === 'client.select' && context.port.mailboxExists(event.mailbox),
  },
  actions: {
    execute: assign(({ context, event }) => {
      if (!isCommand(event)) return {};
      const result = context.port.execute(context.selected, event);
      return { ...exchange(context, event, result), ...(event.type === 'client.select' ? { selected: event.mailbox } : {}) };
    }),
    leaveMailbox: assign({ selected: null }),
    /** IDLE: the server answers "+ idling" and pushes news until DONE (RFC 2177). */
    startIdle: assign(({ context }) => {
      const tag = `a${context.tagNumber}`;
      return { tagNumber: context.tagNumber + 1, idleTag: tag, last: { client: `${tag} IDLE`, result: { untagged: [], status: '', continuation: { server: '+ idling', client: '' } }, tag } };
    }),
    endIdle: assign(({ context }) => ({
      idleTag: null,
      last: { client: 'DONE', result: { untagged: [], status: 'OK Idle completed (0.001 + 0.000 secs).' }, tag: context.idleTag ?? '' },
    })),
    refuseLogin: assign(({ context, event }) =>
      event.type === 'client.login' ? exchange(context, event, { untagged: [], status: 'NO [AUTHENTICATIONFAILED] Authentication failed.' }) : {},
    ),
    refuseSelect: assign(({ context, event }) =>
      event.type === 'client.select'
        ? { ...exchange(context, event, { untagged: [], status: `NO Mailbox doesn't exist: ${event.mailbox}` }), selected: null }
        : {},
    ),
    noMailboxSelected: assign(({ context, event }) => (isCommand(event) ? exchange(context, event, { untagged: [], status: 'BAD No mailbox selected.' }) : {})),
    notAuthenticated: assign(({ context, event }) => (isCommand(event) ? exchange(context, event, { untagged: [], status: 'BAD Error in IMAP command received by server.' }) : {})),
  },
}).createMachine({
  id: 'imapSession',
  context: ({ input }) => ({ port: input.port, tagNumber: 1, idleTag: null, selected: null, last: null }),
  initial: 'notAuthenticated',
  states: {
    notAuthenticated: {
      on: {
        'client.login': [{ guard: 'credentialsOk', target: 'authenticated', actions: 'execute' }, { actions: 'refuseLogin' }],
        'client.logout': { target: 'logout', actions: 'execute' },
        'connection.drop': 'logout',
        '*': { actions: 'notAuthenticated' },
      },
    },
    authenticated: {
      on: {
        'client.select': [{ guard: 'mailboxExists', target: 'selected', actions: 'execute' }, { actions: 'refuseSelect' }],
        'client.append': { actions: 'execute' },
        'client.noop': { actions: 'execute' },
        'client.logout': { target: 'logout', actions: 'execute' },
        'connection.drop': 'logout',
        ...Object.fromEntries(SELECTED_ONLY.map((t) => [t, { actions: 'noMailboxSelected' }])),
      },
    },
    selected: {
      on: {
        'client.select': [{ guard: 'mailboxExists', target: 'selected', reenter: true, actions: 'execute' }, { target: 'authenticated', actions: 'refuseSelect' }],
        'client.fetch': { actions: 'execute' },
        'client.store': { actions: 'execute' },
        'client.expunge': { actions: 'execute' },
        'client.uidExpunge': { actions: 'execute' },
        'client.copy': { actions: 'execute' },
        'client.move': { actions: 'execute' },
        'client.append': { actions: 'execute' },
        'client.noop': { actions: 'execute' },
        /** CLOSE expunges \Deleted messages silently (RFC 9051 §6.4.1). */
        'client.close': { target: 'authenticated', actions: ['execute', 'leaveMailbox'] },
        'client.logout': { target: 'logout', actions: 'execute' },
        'client.idle': { target: 'idling', actions: 'startIdle' },
        'connection.drop': 'logout',
      },
    },
    /** IDLE on the selected mailbox: only DONE ends it. */
    idling: {
      on: {
        'client.done': { target: 'selected', actions: 'endIdle' },
        'connection.drop': 'logout',
      },
    },
    logout: { type: 'final' },
  },
});
