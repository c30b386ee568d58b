// An IMAP session as RFC 9051 §3 draws it: not authenticated → authenticated →
// selected → logout, with IDLE (RFC 2177) inside selected. This machine only
// decides: is a command legal in this state, and where does the session go.
// What a legal command does to the mailboxes is the port's (commands.ts); the
// machine never touches the store, so a pure transition() changes nothing.
// CLOSE leaves selected (it expunges silently, rule 16); LOGOUT and a dropped
// connection expunge nothing. Before login the session is secured (TLS) or not:
// on a plain connection LOGIN is refused with [PRIVACYREQUIRED] until STARTTLS
// (Dovecot's ssl = required, disable_plaintext_auth; RFC 3501 §6.2.1, §7.1).
import { assertEvent, assign, not, setup } from 'xstate';
import type { ImapCommand } from '../../protocol/imap';

/** A command as the server receives it, with what the server knows about the named mailbox. */
export type ImapSessionEvent = (ImapCommand & { readonly mailboxExists?: boolean }) | { type: 'connection.drop' };

/** The machine's decision about the last command. */
export type Verdict =
  | { readonly kind: 'execute' }
  | { readonly kind: 'refuse'; readonly status: string; readonly untagged?: readonly string[] }
  /** STARTTLS accepted: the handshake follows the tagged OK. */
  | { readonly kind: 'starttls' }
  /** CAPABILITY before login: imap-login's own list. */
  | { readonly kind: 'preLoginCapability' }
  | { readonly kind: 'idle' }
  | { readonly kind: 'done' }
  | { readonly kind: 'none' };

export interface ImapSessionContext {
  readonly account: string;
  readonly password: string;
  readonly selected: string | null;
  /** The connection is encrypted (implicit TLS, or after STARTTLS). */
  readonly secured: boolean;
  readonly verdict: Verdict;
}

/** Dovecot 2.3 (login-common) refusing a plaintext LOGIN: the alert, then the tagged NO. */
export const PLAINTEXT_ALERT = '* BAD [ALERT] Plaintext authentication not allowed without SSL/TLS, but your client did it anyway. If anyone was listening, the password was exposed.';
export const PLAINTEXT_DISALLOWED = 'Plaintext authentication disallowed on non-secure (SSL/TLS) connections.'

const SELECTED_ONLY = ['client.fetch', 'client.store', 'client.expunge', 'client.uidExpunge', 'client.copy', 'client.move', 'client.close', 'client.idle'] as const;
const ANY_STATE = ['client.capability', 'client.noop'] as const;
const AUTHENTICATED = ['client.status', 'client.list', 'client.append'] as const;

export const imapSessionMachine = setup({
  types: {
    context: {} as ImapSessionContext,
    events: {} as ImapSessionEvent,
    input: {} as { account: string; password: string; secured?: boolean },
  },
  guards: {
    secured: ({ context }) => context.secured,
    credentialsOk: ({ context, event }) => {
      assertEvent(event, 'client.login');
      return event.user === context.account && event.password === context.password;
    },
    mailboxExists: ({ event }) => {
      assertEvent(event, 'client.select');
      return event.mailboxExists === true;
    },
  },
  actions: {
    execute: assign({ verdict: { kind: 'execute' } }),
    enterMailbox: assign(({ event }) => {
      assertEvent(event, 'client.select');
      return { selected: event.mailbox, verdict: { kind: 'execute' } as const };
    }),
    leaveMailbox: assign({ selected: null }),
    refuseLogin: assign({ verdict: { kind: 'refuse', status: 'NO [AUTHENTICATIONFAILED] Authentication failed.' } }),
    refusePlaintext: assign({ verdict: { kind: 'refuse', status: `NO [PRIVACYREQUIRED] ${PLAINTEXT_DISALLOWED}`, untagged: [PLAINTEXT_ALERT] } }),
    startTls: assign({ secured: true, verdict: { kind: 'starttls' } }),
    alreadySecured: assign({ verdict: { kind: 'refuse', status: 'BAD TLS is already active.' } }),
    preLoginCapability: assign({ verdict: { kind: 'preLoginCapability' } }),
    refuseSelect: assign(({ event }) => {
      assertEvent(event, 'client.select');
      return { selected: null, verdict: { kind: 'refuse', status: `NO Mailbox doesn't exist: ${event.mailbox}` } as const };
    }),
    noMailboxSelected: assign({ verdict: { kind: 'refuse', status: 'BAD No mailbox selected.' } }),
    notAuthenticated: assign({ verdict: { kind: 'refuse', status: 'BAD Error in IMAP command received by server.' } }),
    startIdle: assign({ verdict: { kind: 'idle' } }),
    endIdle: assign({ verdict: { kind: 'done' } }),
    hangUp: assign({ verdict: { kind: 'none' } }),
  },
}).createMachine({
  id: 'imapSession',
  context: ({ input }) => ({ account: input.account, password: input.password, selected: null, secured: input.secured ?? true, verdict: { kind: 'none' } }),
  initial: 'notAuthenticated',
  states: {
    notAuthenticated: {
      on: {
        // A password sent in clear is refused whether or not it is right (the check happens before the password is looked at).
        'client.login': [{ guard: not('secured'), actions: 'refusePlaintext' }, { guard: 'credentialsOk', target: 'authenticated', actions: 'execute' }, { actions: 'refuseLogin' }],
        'client.starttls': [{ guard: 'secured', actions: 'alreadySecured' }, { actions: 'startTls' }],
        'client.capability': { actions: 'preLoginCapability' },
        'client.logout': { target: 'logout', actions: 'execute' },
        'client.noop': { actions: 'execute' },
        'connection.drop': { target: 'logout', actions: 'hangUp' },
        '*': { actions: 'notAuthenticated' },
      },
    },
    authenticated: {
      on: {
        'client.select': [{ guard: 'mailboxExists', target: 'selected', actions: 'enterMailbox' }, { actions: 'refuseSelect' }],
        ...Object.fromEntries([...ANY_STATE, ...AUTHENTICATED].map((t) => [t, { actions: 'execute' }])),
        ...Object.fromEntries(SELECTED_ONLY.map((t) => [t, { actions: 'noMailboxSelected' }])),
        'client.logout': { target: 'logout', actions: 'execute' },
        'connection.drop': { target: 'logout', actions: 'hangUp' },
      },
    },
    selected: {
      on: {
        'client.select': [{ guard: 'mailboxExists', target: 'selected', reenter: true, actions: 'enterMailbox' }, { target: 'authenticated', actions: 'refuseSelect' }],
        ...Object.fromEntries([...ANY_STATE, ...AUTHENTICATED].map((t) => [t, { actions: 'execute' }])),
        ...Object.fromEntries(SELECTED_ONLY.filter((t) => t !== 'client.close' && t !== 'client.idle').map((t) => [t, { actions: 'execute' }])),
        /** CLOSE expunges \Deleted messages silently (RFC 9051 §6.4.1). */
        'client.close': { target: 'authenticated', actions: ['execute', 'leaveMailbox'] },
        'client.idle': { target: 'idling', actions: 'startIdle' },
        'client.logout': { target: 'logout', actions: 'execute' },
        'connection.drop': { target: 'logout', actions: 'hangUp' },
      },
    },
    /** IDLE on the selected mailbox: only DONE ends it. */
    idling: {
      on: {
        'client.done': { target: 'selected', actions: 'endIdle' },
        'connection.drop': { target: 'logout', actions: 'hangUp' },
      },
    },
    logout: { type: 'final' },
  },
});
