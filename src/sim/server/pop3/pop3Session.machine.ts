// A POP3 session as RFC 1939 draws it: AUTHORIZATION → TRANSACTION → UPDATE.
// DELE only marks (§5); marked messages vanish from STAT/LIST/UIDL of this
// session; RSET unmarks; only QUIT from TRANSACTION reaches UPDATE (§6). A
// dropped connection ends in `dropped`, which commits nothing. The machine
// only decides (is the command legal here, does DELE mark, does RSET unmark,
// where does the session go); the port (pop3Server.ts) keeps the maildrop
// and the marks, words the answers and commits UPDATE. On a plain connection
// (port 110 before STLS) USER and PASS are refused: Dovecot's
// disable_plaintext_auth with ssl = required (RFC 2595 §4).
import { and, assertEvent, assign, not, setup } from 'xstate';
import type { Pop3Command } from '../../protocol/pop3';
import { POP3_IN_USE } from './pop3Lock';

export interface MaildropEntry {
  readonly uid: number;
  readonly uidl: string;
  readonly size: number;
  readonly mail: string;
}

/**
 * A command as the server receives it; DELE with whether message n is there to
 * mark (not yet marked); PASS with whether another session holds the maildrop
 * lock (only with pop3_lock_session, pop3Lock.ts).
 */
export type Pop3Event = (Pop3Command & { readonly markable?: boolean; readonly locked?: boolean }) | { type: 'connection.drop' };

/** The machine's decision about the last command. */
export type Pop3Verdict =
  | { readonly kind: 'greet' }
  | { readonly kind: 'execute' }
  | { readonly kind: 'mark' }
  | { readonly kind: 'unmarkAll' }
  | { readonly kind: 'loggedIn' }
  | { readonly kind: 'refuse'; readonly reply: string }
  | { readonly kind: 'quit' }
  /** STLS accepted: the handshake follows the +OK. */
  | { readonly kind: 'stls' }
  | { readonly kind: 'none' };

/** Dovecot 2.3's pop3-login refusing USER or PASS before STLS. */
export const POP3_PLAINTEXT_REFUSED = '-ERR [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.';

export interface Pop3Context {
  readonly account: string;
  readonly password: string;
  readonly user: string | null;
  /** The connection is encrypted (implicit TLS, or after STLS). */
  readonly secured: boolean;
  readonly verdict: Pop3Verdict;
}

const OK: Pop3Verdict = { kind: 'execute' };

export const pop3SessionMachine = setup({
  types: {
    context: {} as Pop3Context,
    events: {} as Pop3Event,
    input: {} as { account: string; password: string; secured?: boolean },
  },
  guards: {
    secured: ({ context }) => context.secured,
    passwordAccepted: ({ context, event }) => {
      assertEvent(event, 'client.pass');
      return context.user === context.account && event.password === context.password;
    },
    /** Another POP3 session of this account is logged in and the server locks sessions (rule 11). */
    lockedByOther: ({ event }) => {
      assertEvent(event, 'client.pass');
      return event.locked === true;
    },
    /** DELE n of a message that exists in this session and is not marked yet. */
    deletable: ({ event }) => {
      assertEvent(event, 'client.dele');
      return event.markable === true;
    },
  },
  actions: {
    execute: assign({ verdict: OK }),
    acceptUser: assign(({ event }) => {
      assertEvent(event, 'client.user');
      return { user: event.name, verdict: OK };
    }),
    login: assign({ verdict: { kind: 'loggedIn' } }),
    refuseLogin: assign({ user: null, verdict: { kind: 'refuse', reply: '-ERR [AUTH] Authentication failed.' } }),
    refusePlaintext: assign({ verdict: { kind: 'refuse', reply: POP3_PLAINTEXT_REFUSED } }),
    refuseInUse: assign({ verdict: { kind: 'refuse', reply: POP3_IN_USE } }),
    startTls: assign({ secured: true, verdict: { kind: 'stls' } }),
    notInThisState: assign({ verdict: { kind: 'refuse', reply: '-ERR Unknown command.' } }),
    markDeleted: assign({ verdict: { kind: 'mark' } }),
    unmarkAll: assign({ verdict: { kind: 'unmarkAll' } }),
    quitWithoutUpdate: assign({ verdict: { kind: 'quit' } }),
    enterUpdate: assign({ verdict: { kind: 'quit' } }),
    dropConnection: assign({ verdict: { kind: 'none' } }),
  },
}).createMachine({
  id: 'pop3Session',
  context: ({ input }) => ({ account: input.account, password: input.password, user: null, secured: input.secured ?? true, verdict: { kind: 'greet' } }),
  initial: 'authorization',
  states: {
    authorization: {
      on: {
        'client.capa': { actions: 'execute' },
        'client.stls': [{ guard: not('secured'), actions: 'startTls' }, { actions: 'notInThisState' }],
        'client.user': [{ guard: not('secured'), actions: 'refusePlaintext' }, { actions: 'acceptUser' }],
        'client.pass': [
          { guard: not('secured'), actions: 'refusePlaintext' },
          // The password is right but the maildrop is locked: refused, and Dovecot closes the connection (rule 11).
          { guard: and(['passwordAccepted', 'lockedByOther']), target: 'closed', actions: 'refuseInUse' },
          { guard: 'passwordAccepted', target: 'transaction', actions: 'login' },
          { actions: 'refuseLogin' },
        ],
        'client.quit': { target: 'closed', actions: 'quitWithoutUpdate' },
        'connection.drop': { target: 'dropped', actions: 'dropConnection' },
        '*': { actions: 'notInThisState' },
      },
    },
    transaction: {
      on: {
        'client.capa': { actions: 'execute' },
        'client.stat': { actions: 'execute' },
        'client.list': { actions: 'execute' },
        'client.uidl': { actions: 'execute' },
        'client.retr': { actions: 'execute' },
        'client.top': { actions: 'execute' },
        // DELE only marks (RFC 1939 §5); a DELE the port must refuse changes nothing.
        'client.dele': [{ guard: 'deletable', actions: 'markDeleted' }, { actions: 'execute' }],
        'client.rset': { actions: 'unmarkAll' },
        'client.noop': { actions: 'execute' },
        'client.quit': { target: 'update', actions: 'enterUpdate' },
        'connection.drop': { target: 'dropped', actions: 'dropConnection' },
        '*': { actions: 'notInThisState' },
      },
    },
    /** RFC 1939 §6: the only state in which messages are removed (pop3Server.ts commits it). */
    update: { type: 'final' },
    /** QUIT from AUTHORIZATION, or refused with [IN-USE] (the server closes the connection): nothing to commit. */
    closed: { type: 'final' },
    /** Connection lost: the server never enters UPDATE; nothing is removed. */
    dropped: { type: 'final' },
  },
});
