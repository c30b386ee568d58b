// Every state machine, asked purely: transition() computes the next snapshot
// and changes nothing else — no store, no transcript, no timeline.
import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { imapSessionMachine } from '../../../src/sim/server/imap/imapSession.machine';
import { pop3SessionMachine } from '../../../src/sim/server/pop3/pop3Session.machine';
import { deviceMachine, statusOf } from '../../../src/sim/run/device.machine';
import { serverMachine, serverStatusOf } from '../../../src/sim/run/server.machine';

describe('imapSession machine (RFC 9051 §3)', () => {
  const [start] = initialTransition(imapSessionMachine, { account: 'alice', password: 'pw' });
  it('refuses a bad login and stays not authenticated; a good one authenticates', () => {
    const [bad] = transition(imapSessionMachine, start, { type: 'client.login', user: 'alice', password: 'nope' });
    expect(bad.value).toBe('notAuthenticated');
    expect(bad.context.verdict).toEqual({ kind: 'refuse', status: 'NO [AUTHENTICATIONFAILED] Authentication failed.' });
    const [good] = transition(imapSessionMachine, start, { type: 'client.login', user: 'alice', password: 'pw' });
    expect(good.value).toBe('authenticated');
    expect(good.context.verdict.kind).toBe('execute');
  });
  it('FETCH before SELECT is refused; SELECT of a missing mailbox leaves the session authenticated; CLOSE leaves selected', () => {
    const [auth] = transition(imapSessionMachine, start, { type: 'client.login', user: 'alice', password: 'pw' });
    const [early] = transition(imapSessionMachine, auth, { type: 'client.fetch', uids: '1', items: 'FLAGS' });
    expect(early.context.verdict).toEqual({ kind: 'refuse', status: 'BAD No mailbox selected.' });
    const [missing] = transition(imapSessionMachine, auth, { type: 'client.select', mailbox: 'Nope', mailboxExists: false });
    expect(missing.value).toBe('authenticated');
    const [selected] = transition(imapSessionMachine, auth, { type: 'client.select', mailbox: 'INBOX', mailboxExists: true });
    expect(selected.value).toBe('selected');
    expect(selected.context.selected).toBe('INBOX');
    const [idling] = transition(imapSessionMachine, selected, { type: 'client.idle' });
    expect(idling.value).toBe('idling');
    const [back] = transition(imapSessionMachine, idling, { type: 'client.done' });
    expect(back.value).toBe('selected');
    const [closed] = transition(imapSessionMachine, selected, { type: 'client.close' });
    expect(closed.value).toBe('authenticated');
    expect(closed.context.selected).toBeNull();
  });
});

describe('connection security in the session machines (ssl = required)', () => {
  it('rule 73: a plain IMAP session refuses LOGIN, even with the right password, until STARTTLS', () => {
    const [plain] = initialTransition(imapSessionMachine, { account: 'alice', password: 'pw', secured: false });
    const [refused] = transition(imapSessionMachine, plain, { type: 'client.login', user: 'alice', password: 'pw' });
    expect(refused.value).toBe('notAuthenticated');
    expect(refused.context.verdict).toMatchObject({ kind: 'refuse', status: 'NO [PRIVACYREQUIRED] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.' });
    const [tls] = transition(imapSessionMachine, plain, { type: 'client.starttls' });
    expect(tls.context).toMatchObject({ secured: true, verdict: { kind: 'starttls' } });
    const [again] = transition(imapSessionMachine, tls, { type: 'client.starttls' });
    expect(again.context.verdict).toEqual({ kind: 'refuse', status: 'BAD TLS is already active.' });
    const [good] = transition(imapSessionMachine, tls, { type: 'client.login', user: 'alice', password: 'pw' });
    expect(good.value).toBe('authenticated');
  });
  it('rule 73: a plain POP3 session refuses USER and PASS until STLS', () => {
    const [plain] = initialTransition(pop3SessionMachine, { account: 'alice', password: 'pw', secured: false });
    const [user] = transition(pop3SessionMachine, plain, { type: 'client.user', name: 'alice' });
    expect(user.context.verdict).toEqual({ kind: 'refuse', reply: '-ERR [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.' });
    expect(user.context.user).toBeNull();
    const [tls] = transition(pop3SessionMachine, plain, { type: 'client.stls' });
    const [named] = transition(pop3SessionMachine, tls, { type: 'client.user', name: 'alice' });
    const [pass] = transition(pop3SessionMachine, named, { type: 'client.pass', password: 'pw' });
    expect(pass.value).toBe('transaction');
  });
});

describe('pop3Session machine (RFC 1939)', () => {
  const [start] = initialTransition(pop3SessionMachine, { account: 'alice', password: 'pw' });
  const login = () => {
    const [u] = transition(pop3SessionMachine, start, { type: 'client.user', name: 'alice' });
    return transition(pop3SessionMachine, u, { type: 'client.pass', password: 'pw' })[0];
  };
  it('enters TRANSACTION after USER/PASS; DELE marks only a markable message; QUIT reaches UPDATE', () => {
    const tx = login();
    expect(tx.value).toBe('transaction');
    expect(transition(pop3SessionMachine, tx, { type: 'client.dele', n: 1, markable: true })[0].context.verdict.kind).toBe('mark');
    expect(transition(pop3SessionMachine, tx, { type: 'client.dele', n: 9, markable: false })[0].context.verdict.kind).toBe('execute');
    expect(transition(pop3SessionMachine, tx, { type: 'client.quit' })[0].value).toBe('update');
  });
  it('QUIT from AUTHORIZATION closes without UPDATE; a dropped connection never updates', () => {
    expect(transition(pop3SessionMachine, start, { type: 'client.quit' })[0].value).toBe('closed');
    expect(transition(pop3SessionMachine, login(), { type: 'connection.drop' })[0].value).toBe('dropped');
  });
});

describe('device and server machines', () => {
  it('a device is network × disk', () => {
    const [d0] = initialTransition(deviceMachine);
    const [d1] = transition(deviceMachine, d0, { type: 'network.down' });
    const [d2] = transition(deviceMachine, d1, { type: 'disk.fail' });
    expect(statusOf(d2)).toEqual({ online: false, diskFailed: true });
    expect(statusOf(transition(deviceMachine, d2, { type: 'disk.replace' })[0])).toEqual({ online: false, diskFailed: false });
  });
  it('a server goes down with its disk and comes back with a restore; a break-in stays', () => {
    const [s0] = initialTransition(serverMachine);
    const [s1] = transition(serverMachine, s0, { type: 'disk.fail' });
    expect(serverStatusOf(s1)).toEqual({ down: true, breached: false });
    const [s2] = transition(serverMachine, transition(serverMachine, s1, { type: 'intruder.enter' })[0], { type: 'backup.restore' });
    expect(serverStatusOf(s2)).toEqual({ down: false, breached: true });
  });
});
