// Rule 11: Dovecot's pop3_lock_session. While one POP3 session of an account
// is logged in, a second one is refused at PASS with Dovecot's words, and the
// server closes that connection; the lock goes with the first session however
// it ends. Without the setting (Dovecot's default) sessions overlap.
import { describe, expect, it } from 'vitest';
import { handlePop3, openPop3Session, pop3LocksOf, POP3_IN_USE, type Pop3Locks, type Pop3ServerSession } from '../../../../src/sim/server/pop3/pop3Server';
import { MailStore } from '../../../../src/sim/store/store';
import type { Pop3Command } from '../../../../src/sim/protocol/pop3';
import { ALICE, arrive, sim } from '../../harness';

function port(locks: Pop3Locks | null) {
  const store = new MailStore();
  store.apply({ op: 'meta', place: 'server/alice/INBOX', meta: { uidValidity: 1, uidNext: 1 } });
  return () => {
    let s: Pop3ServerSession = openPop3Session(store, 'alice', 'pw', true, locks).session;
    return {
      send(c: Pop3Command): string {
        const a = handlePop3(store, s, c);
        s = a.session;
        const r = typeof a.reply === 'function' ? a.reply() : a.reply;
        return r[0] ?? '';
      },
      drop() {
        s = handlePop3(store, s, { type: 'connection.drop' }).session;
      },
      state: () => s.machine.value,
    };
  };
}

const login = (c: ReturnType<ReturnType<typeof port>>) => {
  c.send({ type: 'client.user', name: 'alice' });
  return c.send({ type: 'client.pass', password: 'pw' });
};

describe('rule 11: the POP3 session lock (pop3_lock_session)', () => {
  it('rule 11: a second session is refused at PASS with -ERR [IN-USE] and closed; after QUIT the next one logs in', () => {
    const open = port(pop3LocksOf({}));
    const a = open();
    expect(login(a)).toBe('+OK Logged in.');
    const b = open();
    expect(login(b)).toBe(POP3_IN_USE);
    expect(POP3_IN_USE).toBe('-ERR [IN-USE] Mailbox is locked by another POP3 session.');
    expect(b.state()).toBe('closed');
    expect(a.send({ type: 'client.stat' })).toBe('+OK 0 0');
    expect(a.send({ type: 'client.quit' })).toBe('+OK Logging out.');
    expect(login(open())).toBe('+OK Logged in.');
  });

  it('rule 11: a wrong password is refused as a wrong password, lock or not', () => {
    const open = port(pop3LocksOf({}));
    login(open());
    const b = open();
    b.send({ type: 'client.user', name: 'alice' });
    expect(b.send({ type: 'client.pass', password: 'wrong' })).toBe('-ERR [AUTH] Authentication failed.');
  });

  it('rule 11: a dropped connection releases the lock too', () => {
    const open = port(pop3LocksOf({}));
    const a = open();
    login(a);
    a.drop();
    expect(login(open())).toBe('+OK Logged in.');
  });

  it('rule 11: without the lock (Dovecot\'s default) two sessions are logged in at once', () => {
    const open = port(null);
    login(open());
    expect(login(open())).toBe('+OK Logged in.');
  });

  it('rule 85: in a run, the locked-out device downloads nothing and gets the mail at its next check', () => {
    const world = (lock: boolean) => ({
      server: { pop3LockSession: lock },
      accounts: [ALICE],
      devices: [
        { id: 'laptop', kind: 'laptop' as const, account: 'alice', protocol: 'pop3' as const, pop3: { leaveOnServer: true, deleteAfterDays: null, deleteOnServerWhen: 'never' as const, headersOnly: false } },
        { id: 'phone', kind: 'phone' as const, account: 'alice', protocol: 'pop3' as const, pop3: { leaveOnServer: true, deleteAfterDays: null, deleteOnServerWhen: 'never' as const, headersOnly: false } },
      ],
    });
    const both = { do: 'device.check', device: 'laptop', meanwhile: 'phone' } as never;
    const locked = sim(world(true)).at('day 1, 08:00', arrive('m1')).at('day 1, 09:00', both);
    locked.run().expectLine(`S: ${POP3_IN_USE}`, 'POP3').expectMailIn('m1', ['device/laptop/Inbox', 'server/alice/INBOX']);
    locked.at('day 1, 09:30', { do: 'device.check', device: 'phone' } as never).run().expectMailIn('m1', ['device/laptop/Inbox', 'device/phone/Inbox', 'server/alice/INBOX']);
    sim(world(false)).at('day 1, 08:00', arrive('m1')).at('day 1, 09:00', both).run().expectNoLine(/IN-USE/).expectMailIn('m1', ['device/laptop/Inbox', 'device/phone/Inbox', 'server/alice/INBOX']);
  });
});

describe('rule 85: a POP3 client locked out tries again at its next check', () => {
  it('rule 85: the locked-out client sends nothing after the refusal and reports the lock, not a wrong password', () => {
    const dev = (id: string) => ({ id, kind: 'laptop' as const, account: 'alice', protocol: 'pop3' as const, pop3: { leaveOnServer: false, deleteAfterDays: null, deleteOnServerWhen: 'never' as const, headersOnly: false } });
    const r = sim({ server: { pop3LockSession: true }, accounts: [ALICE], devices: [dev('a'), dev('b')] })
      .at('day 1, 08:00', arrive('m1'))
      .at('day 1, 09:00', { do: 'device.check', device: 'a', meanwhile: 'b' } as never)
      .run();
    const lines = r.lines('POP3');
    const refused = lines.indexOf(`S: ${POP3_IN_USE}`);
    expect(refused).toBeGreaterThan(0);
    // The next line is the first session going on (STAT), not a QUIT of the refused one.
    expect(lines[refused + 1]).toBe('C: STAT');
    expect(lines.filter((l) => l === 'C: QUIT')).toHaveLength(1);
    const keys = r.timeline.frames.map((f) => f.narration?.key);
    expect(keys).toContain('pop3.locked');
    expect(keys).not.toContain('pop3.loginRefused');
    // Device a deleted on download (its own setting): b finds nothing at its retry, and nothing is lost.
    r.expectMailIn('m1', ['device/a/Inbox']);
  });
});
