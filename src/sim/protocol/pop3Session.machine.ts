// A POP3 session as RFC 1939 draws it: AUTHORIZATION → TRANSACTION → UPDATE.
// DELE only marks (§5); marked messages vanish from STAT/LIST/UIDL of this
// session; RSET unmarks; only QUIT from TRANSACTION reaches UPDATE, where the
// marked messages are removed (§6). A dropped connection ends in `dropped`,
// which commits nothing. Replies use Dovecot 2.3's wording.
import { assign, setup } from 'xstate';

export interface MaildropEntry {
  readonly uid: number;
  readonly uidl: string;
  readonly size: number;
  readonly mail: string;
}

export type Pop3Event =
  | { type: 'client.user'; name: string }
  | { type: 'client.pass'; password: string }
  | { type: 'client.stat' }
  | { type: 'client.list' }
  | { type: 'client.uidl' }
  | { type: 'client.retr'; n: number }
  | { type: 'client.top'; n: number; lines: number }
  | { type: 'client.dele'; n: number }
  | { type: 'client.rset' }
  | { type: 'client.noop' }
  | { type: 'client.quit' }
  | { type: 'connection.drop' };

/** A reply: its lines, with a long listing kept as a function until someone reads it. */
export type Reply = readonly string[] | (() => string[]);

export interface Pop3Context {
  readonly account: string;
  readonly password: string;
  /** The maildrop as it was when the session entered TRANSACTION (message n = entry n-1). */
  readonly maildrop: readonly MaildropEntry[];
  /** Numbers marked by DELE. */
  readonly marked: ReadonlySet<number>;
  readonly user: string | null;
  readonly reply: Reply;
  /** Set on entering UPDATE: the UIDs to remove. */
  readonly committed: readonly number[] | null;
}

const live = (c: Pop3Context) => c.maildrop.filter((_, i) => !c.marked.has(i + 1));
const liveBytes = (c: Pop3Context) => live(c).reduce((sum, m) => sum + m.size, 0);

function lookup(c: Pop3Context, n: number): { entry?: MaildropEntry; error?: string } {
  if (!Number.isInteger(n) || n < 1 || n > c.maildrop.length) return { error: '-ERR There\'s no message ' + n + '.' };
  if (c.marked.has(n)) return { error: '-ERR Message is deleted.' };
  return { entry: c.maildrop[n - 1] };
}

export const pop3SessionMachine = setup({
  types: {
    context: {} as Pop3Context,
    events: {} as Pop3Event,
    input: {} as { account: string; password: string; maildrop: readonly MaildropEntry[] },
  },
  guards: {
    passwordAccepted: ({ context, event }) => event.type === 'client.pass' && context.user === context.account && event.password === context.password,
  },
  actions: {
    greet: assign({ reply: ['+OK Dovecot (Debian) ready.'] }),
    acceptUser: assign(({ event }) => ({ user: event.type === 'client.user' ? event.name : null, reply: ['+OK'] })),
    login: assign({ reply: ['+OK Logged in.'] }),
    refuseLogin: assign({ user: null, reply: ['-ERR [AUTH] Authentication failed.'] }),
    notInThisState: assign({ reply: ['-ERR Unknown command.'] }),
    stat: assign(({ context }) => ({ reply: [`+OK ${live(context).length} ${liveBytes(context)}`] })),
    list: assign(({ context }) => ({
      reply: () => [
        `+OK ${live(context).length} messages:`,
        ...context.maildrop.flatMap((m, i) => (context.marked.has(i + 1) ? [] : [`${i + 1} ${m.size}`])),
        '.',
      ],
    })),
    uidl: assign(({ context }) => ({
      reply: () => ['+OK', ...context.maildrop.flatMap((m, i) => (context.marked.has(i + 1) ? [] : [`${i + 1} ${m.uidl}`])), '.'],
    })),
    retr: assign(({ context, event }) => {
      if (event.type !== 'client.retr') return {};
      const { entry, error } = lookup(context, event.n);
      return { reply: entry ? [`+OK ${entry.size} octets`, `<message ${entry.mail}, ${entry.size} octets>`, '.'] : [error!] };
    }),
    top: assign(({ context, event }) => {
      if (event.type !== 'client.top') return {};
      const { entry, error } = lookup(context, event.n);
      return { reply: entry ? ['+OK', `<headers of ${entry.mail}>`, '.'] : [error!] };
    }),
    markDeleted: assign(({ context, event }) => {
      if (event.type !== 'client.dele') return {};
      const { entry, error } = lookup(context, event.n);
      if (!entry) return { reply: [error!] };
      return { marked: new Set([...context.marked, event.n]), reply: ['+OK Marked to be deleted.'] };
    }),
    unmarkAll: assign({ marked: () => new Set<number>(), reply: ['+OK'] }),
    noop: assign({ reply: ['+OK'] }),
    quitWithoutUpdate: assign({ reply: ['+OK Logging out.'], committed: [] }),
    enterUpdate: assign(({ context }) => ({
      committed: [...context.marked].sort((a, b) => a - b).map((n) => context.maildrop[n - 1].uid),
      reply: [context.marked.size ? '+OK Logging out, messages deleted.' : '+OK Logging out.'],
    })),
    dropConnection: assign({ reply: [], committed: null }),
  },
}).createMachine({
  id: 'pop3Session',
  context: ({ input }) => ({
    account: input.account,
    password: input.password,
    maildrop: input.maildrop,
    marked: new Set<number>(),
    user: null,
    reply: [],
    committed: null,
  }),
  initial: 'authorization',
  entry: 'greet',
  states: {
    authorization: {
      on: {
        'client.user': { actions: 'acceptUser' },
        'client.pass': [{ guard: 'passwordAccepted', target: 'transaction', actions: 'login' }, { actions: 'refuseLogin' }],
        'client.quit': { target: 'closed', actions: 'quitWithoutUpdate' },
        'connection.drop': { target: 'dropped', actions: 'dropConnection' },
        '*': { actions: 'notInThisState' },
      },
    },
    transaction: {
      on: {
        'client.stat': { actions: 'stat' },
        'client.list': { actions: 'list' },
        'client.uidl': { actions: 'uidl' },
        'client.retr': { actions: 'retr' },
        'client.top': { actions: 'top' },
        'client.dele': { actions: 'markDeleted' },
        'client.rset': { actions: 'unmarkAll' },
        'client.noop': { actions: 'noop' },
        'client.quit': { target: 'update', actions: 'enterUpdate' },
        'connection.drop': { target: 'dropped', actions: 'dropConnection' },
        '*': { actions: 'notInThisState' },
      },
    },
    /** RFC 1939 §6: the only state in which messages are removed. */
    update: { type: 'final' },
    /** QUIT from AUTHORIZATION: nothing to commit. */
    closed: { type: 'final' },
    /** Connection lost: the server never enters UPDATE; nothing is removed. */
    dropped: { type: 'final' },
  },
});
