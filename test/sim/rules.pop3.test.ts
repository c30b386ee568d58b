// semantics.md, POP3 rules 1–13, each shown by a run of the model.
import { describe, expect, it } from 'vitest';
import { initialTransition } from 'xstate';
import { pop3SessionMachine } from '../../src/sim/server/pop3/pop3Session.machine';
import { handlePop3, type Pop3ServerSession } from '../../src/sim/server/pop3/pop3Server';
import { MailStore } from '../../src/sim/store/store';
import type { Pop3Command, Reply } from '../../src/sim/protocol/pop3';
import { ALICE, arrive, check, del, diskFail, emptyTrash, move, offline, online, read, sim } from './harness';

const pop3 = (id: string, pop3: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({ id, kind: 'laptop' as const, account: 'alice', protocol: 'pop3' as const, pop3, ...extra });
const imap = (id: string, extra: Record<string, unknown> = {}) => ({ id, kind: 'phone' as const, account: 'alice', protocol: 'imap' as const, ...extra });

const NO_SERVER_BACKUP = { backup: 'none' as const };
const r5Retrs = (lines: string[]) => lines.filter((l) => l.startsWith('C: RETR'));

/** A session of the POP3 port on its own: commands in, the machine's state and the port's reply out. */
function session(maildrop = [1, 2, 3]) {
  const store = new MailStore();
  store.apply({ op: 'meta', place: 'server/alice/INBOX', meta: { uidValidity: 1, uidNext: 4 } });
  let s: Pop3ServerSession = {
    machine: initialTransition(pop3SessionMachine, { account: 'alice', password: 'pw' })[0],
    maildrop: maildrop.map((uid) => ({ uid, uidl: `u${uid}`, size: 100, mail: `m${uid}` })),
    marked: new Set(),
  };
  let last: Reply = [];
  const actor = {
    send(command: Pop3Command) {
      const a = handlePop3(store, s, command);
      s = a.session;
      last = a.reply;
    },
    getSnapshot: () => ({ value: s.machine.value, context: { marked: s.marked } }),
  };
  const reply = () => (typeof last === 'function' ? last() : [...last]);
  return { actor, reply };
}

describe('POP3 (RFC 1939)', () => {
  it('rule 1: DELE then a dropped connection (no QUIT) removes nothing', () => {
    sim({ accounts: [ALICE], devices: [pop3('laptop')] })
      .at('day 1, 09:00', arrive('m1'), arrive('m2'))
      .at('day 1, 10:00', check('laptop', true))
      .run()
      .expectLine('C: DELE 1')
      .expectNoLine('C: QUIT', 'POP3')
      .expectMailIn('m1', ['device/laptop/Inbox', 'server/alice/INBOX'])
      .expectMailIn('m2', ['device/laptop/Inbox', 'server/alice/INBOX']);
  });

  it('rule 1: after a dropped session the next check deletes them again and QUIT commits', () => {
    sim({ accounts: [ALICE], devices: [pop3('laptop')] })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 1, 10:00', check('laptop', true))
      .at('day 1, 11:00', check('laptop'))
      .run()
      .expectMailIn('m1', ['device/laptop/Inbox']);
  });

  it('rule 2: after DELE n, RETR/LIST/UIDL of n answer -ERR or leave n out; RSET unmarks all', () => {
    const { actor, reply } = session();
    actor.send({ type: 'client.user', name: 'alice' });
    actor.send({ type: 'client.pass', password: 'pw' });
    actor.send({ type: 'client.dele', n: 2 });
    expect(reply()).toEqual(['+OK Marked to be deleted.']);
    actor.send({ type: 'client.retr', n: 2 });
    expect(reply()).toEqual(['-ERR Message is deleted.']);
    actor.send({ type: 'client.list' });
    expect(reply()).toEqual(['+OK 2 messages:', '1 100', '3 100', '.']);
    actor.send({ type: 'client.uidl' });
    expect(reply()).toEqual(['+OK', '1 u1', '3 u3', '.']);
    actor.send({ type: 'client.stat' });
    expect(reply()).toEqual(['+OK 2 200']);
    actor.send({ type: 'client.rset' });
    actor.send({ type: 'client.stat' });
    expect(reply()).toEqual(['+OK 3 300']);
    actor.send({ type: 'client.quit' });
    expect(reply()).toEqual(['+OK Logging out.']);
    expect(actor.getSnapshot().value).toBe('update');
    expect(actor.getSnapshot().context.marked.size).toBe(0);
  });

  it('rule 3: QUIT from TRANSACTION removes the marked messages; QUIT from AUTHORIZATION removes nothing', () => {
    const a = session();
    a.actor.send({ type: 'client.user', name: 'alice' });
    a.actor.send({ type: 'client.pass', password: 'pw' });
    a.actor.send({ type: 'client.dele', n: 1 });
    a.actor.send({ type: 'client.dele', n: 3 });
    a.actor.send({ type: 'client.quit' });
    expect(a.reply()).toEqual(['+OK Logging out, messages deleted.']);
    expect(a.actor.getSnapshot().value).toBe('update');
    expect([...a.actor.getSnapshot().context.marked].sort()).toEqual([1, 3]);

    const b = session();
    b.actor.send({ type: 'client.user', name: 'alice' });
    b.actor.send({ type: 'client.quit' });
    expect(b.actor.getSnapshot().value).toBe('closed');
    expect(b.actor.getSnapshot().context.marked.size).toBe(0);
  });

  it('rule 3: a wrong password stays in AUTHORIZATION and TRANSACTION commands are refused there', () => {
    const { actor, reply } = session();
    actor.send({ type: 'client.user', name: 'alice' });
    actor.send({ type: 'client.pass', password: 'nope' });
    expect(reply()).toEqual(['-ERR [AUTH] Authentication failed.']);
    actor.send({ type: 'client.retr', n: 1 });
    expect(reply()[0]).toMatch(/^-ERR/);
    expect(actor.getSnapshot().value).toBe('authorization');
  });

  it('rule 4: a message left on the server keeps its UIDL in every session', () => {
    const r = sim({ accounts: [ALICE], devices: [pop3('laptop', { leaveOnServer: true })] })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 1, 10:00', check('laptop'))
      .at('day 1, 10:30', arrive('m2'))
      .at('day 1, 11:00', check('laptop'))
      .run();
    const uidlOfFirst = r.lines().filter((l) => /^S: 1 [0-9a-f]{16}$/.test(l));
    expect(uidlOfFirst).toHaveLength(2);
    expect(new Set(uidlOfFirst).size).toBe(1);
  });

  it('rule 5: leave-on-server downloads only unseen UIDLs and never sends DELE by itself', () => {
    sim({ accounts: [ALICE], devices: [pop3('laptop', { leaveOnServer: true, deleteOnServerWhen: 'never' })] })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 1, 10:00', check('laptop'))
      .at('day 1, 10:30', arrive('m2'))
      .at('day 1, 11:00', check('laptop'))
      .run()
      .expectNoLine(/^C: DELE/)
      .expectLine('C: RETR 2')
      .expectMailIn('m1', ['device/laptop/Inbox', 'server/alice/INBOX'])
      .expectMailIn('m2', ['device/laptop/Inbox', 'server/alice/INBOX']);
    expect(r5Retrs(sim({ accounts: [ALICE], devices: [pop3('laptop', { leaveOnServer: true })] }).at('day 1, 09:00', arrive('m1')).at('day 1, 10:00', check('laptop')).at('day 1, 10:30', arrive('m2')).at('day 1, 11:00', check('laptop')).run().lines('POP3'))).toEqual(['C: RETR 1', 'C: RETR 2']);
  });

  it('rule 6: "at most N days" deletes at a connect what was first downloaded N days ago; a device that never connects deletes nothing', () => {
    const r = sim({
      server: NO_SERVER_BACKUP,
      accounts: [ALICE],
      devices: [pop3('laptop', { leaveOnServer: true, deleteAfterDays: 3 }), pop3('desktop', { leaveOnServer: true, deleteAfterDays: 3 })],
    })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 1, 10:00', check('laptop'))
      .at('day 3, 10:00', check('laptop'))
      .at('day 4, 10:00', check('laptop'))
      .run();
    r.after('laptop · QUIT', 1).expectMailIn('m1', ['device/laptop/Inbox', 'server/alice/INBOX']);
    r.after('laptop · DELE 1').expectLine('C: DELE 1');
    r.expectMailIn('m1', ['device/laptop/Inbox']);
    // The desktop never connected: it deleted nothing (and never saw m1).
    expect(r.timeline.frames.some((f) => f.actor === 'desktop')).toBe(false);
  });

  it('rule 7: "until I delete them" sends DELE at the next check, not at once', () => {
    const r = sim({ accounts: [ALICE], devices: [pop3('laptop', { leaveOnServer: true, deleteOnServerWhen: 'deletedLocally' })] })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 1, 10:00', check('laptop'))
      .at('day 1, 11:00', del('laptop', 'm1'))
      .at('day 1, 12:00', check('laptop'))
      .run();
    r.after('laptop · delete m1').expectMailIn('m1', ['device/laptop/Trash', 'server/alice/INBOX']).expectNoLine(/^C: DELE/);
    r.expectMailIn('m1', ['device/laptop/Trash']).expectLine('C: DELE 1');
  });

  it('rule 8: "remove when deleted from Deleted Items": deleting into Deleted Items does nothing on the server', () => {
    const r = sim({ accounts: [ALICE], devices: [pop3('laptop', { leaveOnServer: true, deleteOnServerWhen: 'deletedFromTrash' })] })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 1, 10:00', check('laptop'))
      .at('day 1, 11:00', del('laptop', 'm1'))
      .at('day 1, 12:00', check('laptop'))
      .at('day 1, 13:00', emptyTrash('laptop'))
      .at('day 1, 14:00', check('laptop'))
      .run();
    r.after('laptop · QUIT', 1).expectMailIn('m1', ['device/laptop/Trash', 'server/alice/INBOX']);
    r.expectMailIn('m1', []).expectStatus('m1', 'deleted');
  });

  it('rule 9: device A downloads without leave-on-server and QUITs before B connects: B never sees those mails', () => {
    const r = sim({ accounts: [ALICE], devices: [pop3('laptop'), pop3('phone', {}, { kind: 'phone' })] })
      .at('day 1, 09:00', arrive('m1'), arrive('m2'))
      .at('day 1, 10:00', check('laptop'))
      .at('day 1, 10:05', check('phone'))
      .run();
    r.expectMailIn('m1', ['device/laptop/Inbox']).expectMailIn('m2', ['device/laptop/Inbox']);
    expect(r.metrics.views.find((v) => v.device === 'phone')).toEqual({ device: 'phone', shows: 0, of: 2 });
  });

  it('rule 10: with different N-day policies mail leaves the server at the smallest N; a device offline longer misses it', () => {
    const r = sim({
      server: NO_SERVER_BACKUP,
      accounts: [ALICE],
      devices: [pop3('laptop', { leaveOnServer: true, deleteAfterDays: 2 }), pop3('phone', { leaveOnServer: true, deleteAfterDays: 14 }, { kind: 'phone' })],
    })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 1, 10:00', check('laptop'), offline('phone'))
      .at('day 3, 10:00', check('laptop'))
      .at('day 5, 10:00', online('phone'))
      .run();
    r.after('laptop · QUIT', 1).expectMailIn('m1', ['device/laptop/Inbox']);
    r.expectMailIn('m1', ['device/laptop/Inbox']);
    expect(r.metrics.views.find((v) => v.device === 'phone')).toEqual({ device: 'phone', shows: 0, of: 1 });
  });

  it('rule 12: POP3 sees only INBOX; local read state and folder moves never reach the server', () => {
    const r = sim({ accounts: [ALICE], devices: [pop3('laptop', { leaveOnServer: true }, { localFolders: ['Projects'] }), imap('webmail', { kind: 'webmail' })] })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 1, 10:00', check('laptop'))
      .at('day 1, 10:10', read('laptop', 'm1'), move('laptop', 'm1', 'Projects'))
      .at('day 1, 10:20', check('laptop'), check('webmail'))
      .run();
    r.expectMailIn('m1', ['device/laptop/Projects', 'server/alice/INBOX']);
    expect(r.flagsOf('device/laptop/Projects', 'm1')).toEqual(['Seen']);
    // Dovecot marks \Seen when POP3 downloads (pop3_no_flag_updates=no): that is the only trace.
    expect(r.flagsOf('server/alice/INBOX', 'm1')).toEqual(['Seen']);
    const pop3Lines = r.timeline.frames.flatMap((f) => (f.sessions.some((s) => s.protocol === 'POP3') || f.actor === 'laptop' ? f.transfers : []));
    expect(pop3Lines.every((t) => [t.from, t.to].every((p) => !p || !p.startsWith('server/') || p === 'server/alice/INBOX'))).toBe(true);
  });

  it('rule 13: new UIDLs after a provider move: a leave-on-server client downloads everything again as new', () => {
    const r = sim({ server: NO_SERVER_BACKUP, accounts: [ALICE], devices: [pop3('laptop', { leaveOnServer: true })] })
      .at('day 1, 09:00', arrive('m1'), arrive('m2'))
      .at('day 1, 10:00', check('laptop'))
      .at('day 2, 10:00', { do: 'provider.move', copyMailboxes: true } as never)
      .at('day 2, 11:00', check('laptop'))
      .run();
    r.expectMailIn('m1', ['device/laptop/Inbox', 'device/laptop/Inbox', 'server/alice/INBOX']);
    expect(r.frame.state.places.get('device/laptop/Inbox')!.size).toBe(4);
  });

  it('a disk failure loses everything only that device held (P6)', () => {
    sim({ server: NO_SERVER_BACKUP, accounts: [ALICE], devices: [pop3('laptop')] })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 1, 10:00', check('laptop'))
      .at('day 2, 10:00', diskFail('laptop'))
      .run()
      .expectMailIn('m1', [])
      .expectStatus('m1', 'lost');
  });
});
