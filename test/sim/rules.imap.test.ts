// semantics.md, IMAP rules 14–26, shown by sessions against the model's server
// and by runs of whole scenarios.
import { describe, expect, it } from 'vitest';
import { Scenario } from '../../src/sim/scenario/schema';
import { Run } from '../../src/sim/run/run';
import { openImapWire } from '../../src/sim/run/wire';
import { createMailboxOps, messages as storeMessages } from '../../src/sim/store/mailbox';
import { Draft } from '../../src/sim/server/draft';
import { ImapConnection } from '../../src/sim/client/imapConnection';
import { Flag } from '../../src/sim/model/flags';
import { ALICE, arrive, check, del, move, offline, online, read, send, sim } from './harness';

/** A server with alice's mailbox holding m1..mN in INBOX, and two IMAP devices A and B. */
function server(n = 3, quota?: { storageKB?: number; messages?: number }) {
  const scenario = Scenario.parse({
    id: 'fixture',
    title: { de: 'x', en: 'x' },
    summary: { de: 'x', en: 'x' },
    world: {
      server: { quotaGracePercent: 0 },
      accounts: [{ ...ALICE, ...(quota ? { quota } : {}) }],
      devices: [
        { id: 'a', kind: 'laptop', account: 'alice', protocol: 'imap' },
        { id: 'b', kind: 'phone', account: 'alice', protocol: 'imap' },
      ],
    },
    steps: [],
  });
  const run = new Run(scenario, scenario.world, null);
  for (const op of createMailboxOps(['alice'], run.folders, 1)) run.apply(op);
  for (let i = 1; i <= n; i++) {
    run.apply({ op: 'mail', info: { id: `m${i}`, subject: `m${i}`, from: 'bob@example.com', to: ['alice@example.org'], sizeBytes: 1024, owners: ['alice'], createdAt: 0 } });
    const d = new Draft(run.store);
    d.appendMessage('server/alice/INBOX', `m${i}`, 0);
    run.applyEffects(d.effects());
  }
  const connect = (device: 'a' | 'b') => {
    const c = new ImapConnection(openImapWire(run, device, 'alice', true));
    c.login(run.account('alice'));
    return c;
  };
  const inbox = () => storeMessages(run.store, 'alice', 'INBOX').map((c) => `${c.mail}:${c.uid}:${c.flags}`);
  return { run, connect, inbox };
}

describe('IMAP (RFC 9051)', () => {
  it('rule 14: \\Deleted without EXPUNGE stays visible to all and counts toward quota; the next EXPUNGE from any session removes it', () => {
    const { run, connect, inbox } = server();
    const a = connect('a');
    a.send({ type: 'client.select', mailbox: 'INBOX' });
    a.send({ type: 'client.store', uids: '1', change: '+FLAGS (\\Deleted)', silent: true });
    a.logout();
    expect(inbox()).toEqual([`m1:1:${Flag.Deleted}`, 'm2:2:0', 'm3:3:0']);
    expect(run.state.usage.get('alice')).toEqual({ bytes: 3072, messages: 3 });
    const b = connect('b');
    b.send({ type: 'client.select', mailbox: 'INBOX' });
    const r = b.send({ type: 'client.expunge' });
    expect(r.untagged).toEqual(['* 1 EXPUNGE']);
    expect(inbox()).toEqual(['m2:2:0', 'm3:3:0']);
    expect(run.state.usage.get('alice')).toEqual({ bytes: 2048, messages: 2 });
  });

  it('rule 15: UID EXPUNGE removes only the given \\Deleted messages', () => {
    const { connect, inbox } = server();
    const a = connect('a');
    a.send({ type: 'client.select', mailbox: 'INBOX' });
    a.send({ type: 'client.store', uids: '1:2', change: '+FLAGS (\\Deleted)', silent: true });
    const r = a.send({ type: 'client.uidExpunge', uids: '2' });
    // Dovecot follows the EXPUNGE with the session's new \Recent count (the messages were new to it).
    expect(r.untagged).toEqual(['* 2 EXPUNGE', '* 2 RECENT']);
    expect(inbox()).toEqual([`m1:1:${Flag.Deleted}`, 'm3:3:0']);
  });

  it('rule 16: LOGOUT (and a dropped connection) expunge nothing; CLOSE expunges silently', () => {
    const { connect, inbox } = server();
    const a = connect('a');
    a.send({ type: 'client.select', mailbox: 'INBOX' });
    a.send({ type: 'client.store', uids: '3', change: '+FLAGS (\\Deleted)', silent: true });
    a.logout();
    expect(inbox()).toHaveLength(3);
    const b = connect('b');
    b.send({ type: 'client.select', mailbox: 'INBOX' });
    const r = b.send({ type: 'client.close' });
    expect(r.untagged).toEqual([]);
    expect(r.status).toMatch(/^OK Close completed/);
    expect(inbox()).toEqual(['m1:1:0', 'm2:2:0']);
  });

  it('rule 17: FETCH BODY[] on one device sets \\Seen for all; BODY.PEEK[] leaves it unset', () => {
    const { connect, inbox } = server();
    const a = connect('a');
    a.send({ type: 'client.select', mailbox: 'INBOX' });
    a.send({ type: 'client.fetch', uids: '1', items: 'UID FLAGS RFC822.SIZE BODY.PEEK[]' });
    expect(inbox()[0]).toBe('m1:1:0');
    a.send({ type: 'client.fetch', uids: '2', items: 'BODY[]' });
    expect(inbox()[1]).toBe(`m2:2:${Flag.Seen}`);
  });

  it('rule 17: read on the phone → seen on the laptop and in webmail after their next check', () => {
    const r = sim({
      accounts: [ALICE],
      devices: [
        { id: 'phone', kind: 'phone', account: 'alice', protocol: 'imap' },
        { id: 'laptop', kind: 'laptop', account: 'alice', protocol: 'imap' },
        { id: 'webmail', kind: 'webmail', account: 'alice', protocol: 'imap' },
      ],
    })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 1, 09:10', check('phone'), check('laptop'), check('webmail'))
      .at('day 1, 09:20', read('phone', 'm1'))
      .at('day 1, 09:30', check('laptop'))
      .run();
    expect(r.flagsOf('server/alice/INBOX', 'm1')).toEqual(['Seen']);
    expect(r.flagsOf('device/laptop/INBOX', 'm1')).toEqual(['Seen']);
    expect(r.metrics.views.find((v) => v.device === 'webmail')).toEqual({ device: 'webmail', shows: 1, of: 1 });
  });

  it('rule 18: MOVE gives a new UID in the destination and removes the message from the source for everyone', () => {
    const { run, connect } = server();
    const a = connect('a');
    a.send({ type: 'client.select', mailbox: 'INBOX' });
    const r = a.send({ type: 'client.move', uids: '2', mailbox: 'Archive' });
    expect(r.untagged).toEqual([`* OK [COPYUID ${run.state.folderMeta.get('server/alice/Archive')!.uidValidity} 2 1] Moved UIDs.`, '* 2 EXPUNGE', '* 2 RECENT']);
    expect(storeMessages(run.store, 'alice', 'Archive').map((c) => [c.mail, c.uid])).toEqual([['m2', 1]]);
    expect(storeMessages(run.store, 'alice', 'INBOX').map((c) => c.mail)).toEqual(['m1', 'm3']);
    // Never missing from both: the transfer is one move, source to destination.
    const t = run.timeline;
    void t;
  });

  it('rule 19 and 28: a COPY or APPEND that would exceed quota answers NO [OVERQUOTA] and stores nothing; APPEND is refused before the literal', () => {
    const { run, connect } = server(3, { messages: 3 });
    const a = connect('a');
    a.send({ type: 'client.select', mailbox: 'INBOX' });
    const copy = a.send({ type: 'client.copy', uids: '1', mailbox: 'Trash' });
    expect(copy.status).toMatch(/^NO \[OVERQUOTA\] Quota exceeded \(mailbox for user is full\)/);
    expect(storeMessages(run.store, 'alice', 'Trash')).toEqual([]);
    run.apply({ op: 'mail', info: { id: 's1', subject: 's', from: 'alice@example.org', to: [], sizeBytes: 10, owners: ['alice'], createdAt: 0 } });
    const append = a.send({ type: 'client.append', mailbox: 'Sent', flags: Flag.Seen, mail: 's1', size: 10 });
    expect(append.status).toMatch(/^NO \[OVERQUOTA\]/);
    expect(append.continuation).toBeUndefined();
    expect(storeMessages(run.store, 'alice', 'Sent')).toEqual([]);
  });

  it('rule 28: a MOVE inside the same quota root changes no usage and succeeds at the limit', () => {
    const { run, connect } = server(3, { messages: 3 });
    const a = connect('a');
    a.send({ type: 'client.select', mailbox: 'INBOX' });
    expect(a.send({ type: 'client.move', uids: '1', mailbox: 'Trash' }).status).toMatch(/^OK Move completed/);
    expect(run.state.usage.get('alice')).toEqual({ bytes: 3072, messages: 3 });
  });

  it('rule 20: a replayed UID STORE/COPY/MOVE on a vanished UID answers OK and does nothing', () => {
    const { connect, inbox } = server();
    const a = connect('a');
    a.send({ type: 'client.select', mailbox: 'INBOX' });
    expect(a.send({ type: 'client.store', uids: '9', change: '+FLAGS (\\Seen)', silent: true }).status).toMatch(/^OK/);
    expect(a.send({ type: 'client.move', uids: '9', mailbox: 'Trash' }).status).toMatch(/^OK No messages found/);
    expect(a.send({ type: 'client.copy', uids: '9', mailbox: 'Trash' }).status).toMatch(/^OK No messages found/);
    expect(inbox()).toEqual(['m1:1:0', 'm2:2:0', 'm3:3:0']);
  });

  it('rule 21: B queues "move X to F" offline while A expunges X → on reconnect X is not in F and B drops X', () => {
    const r = sim({
      accounts: [ALICE],
      devices: [
        { id: 'laptop', kind: 'laptop', account: 'alice', protocol: 'imap', imap: { deleteAction: 'expunge' } },
        { id: 'phone', kind: 'phone', account: 'alice', protocol: 'imap' },
      ],
    })
      .at('day 1, 09:00', arrive('m1'), arrive('m2'))
      .at('day 1, 09:10', check('laptop'), check('phone'))
      .at('day 1, 09:20', offline('phone'), move('phone', 'm1', 'Archive'))
      .at('day 1, 09:30', del('laptop', 'm1'))
      .at('day 1, 10:00', online('phone'))
      .run();
    r.expectMailIn('m1', []).expectMailIn('m2', ['device/laptop/INBOX', 'device/phone/INBOX', 'server/alice/INBOX', 'backup/server/alice/INBOX'].filter((p) => !p.startsWith('backup')));
    r.expectLine(/^S: a\d+ OK No messages found/);
  });

  it('rule 24: a new UIDVALIDITY makes the client discard cached UIDs and queued UID actions, and download again', () => {
    const r = sim({ server: { backup: 'none' }, accounts: [ALICE], devices: [{ id: 'laptop', kind: 'laptop', account: 'alice', protocol: 'imap' }] })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 1, 09:10', check('laptop'))
      .at('day 1, 09:20', offline('laptop'), read('laptop', 'm1'))
      .at('day 2, 09:00', { do: 'provider.move', copyMailboxes: true } as never)
      .at('day 2, 09:10', online('laptop'))
      .run();
    r.expectMailIn('m1', ['device/laptop/INBOX', 'server/alice/INBOX']);
    expect(r.timeline.frames.some((f) => f.narration.key === 'imap.uidValidityChanged' && f.narration.params.dropped === 1)).toBe(true);
    // The queued \Seen was dropped with the old UIDs: the server copy stays unread.
    expect(r.flagsOf('server/alice/INBOX', 'm1')).toEqual([]);
  });

  it('rule 25: an IDLE device gets new INBOX mail at once; a plain device waits for its next check', () => {
    const r = sim({
      accounts: [ALICE],
      devices: [
        { id: 'phone', kind: 'phone', account: 'alice', protocol: 'imap', imap: { idle: true } },
        { id: 'laptop', kind: 'laptop', account: 'alice', protocol: 'imap' },
      ],
    })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 1, 09:30', arrive('m2'))
      .run();
    r.expectMailIn('m1', ['device/phone/INBOX', 'server/alice/INBOX']).expectMailIn('m2', ['device/phone/INBOX', 'server/alice/INBOX']);
    // One connection stays open in IDLE; the second mail is pushed to it (EXISTS), the client says DONE, fetches, idles again.
    const phone = r.lines('IMAP');
    expect(phone.filter((l) => / LOGIN /.test(l))).toHaveLength(1);
    expect(phone).toContain('S: + idling');
    expect(phone).toContain('S: * 2 EXISTS');
    expect(phone).toContain('C: DONE');
    expect(phone.some((l) => /^S: a\d+ OK Idle completed/.test(l))).toBe(true);
  });

  it('rule 83: a device in IDLE checks, reads, moves and deletes over its open connection: one LOGIN, DONE before each action, IDLE again on INBOX after', () => {
    const r = sim({
      accounts: [ALICE],
      devices: [{ id: 'phone', kind: 'phone', account: 'alice', protocol: 'imap', imap: { idle: true, cache: 'headers' } }],
    })
      .at('day 1, 09:00', arrive('m1'), arrive('m2'), arrive('m3'))
      .at('day 1, 09:10', read('phone', 'm1'))
      .at('day 1, 09:20', move('phone', 'm2', 'Archive'))
      .at('day 1, 09:30', del('phone', 'm3'))
      .at('day 1, 09:40', check('phone'))
      .run();
    r.expectMailIn('m1', ['device/phone/INBOX', 'server/alice/INBOX'])
      .expectMailIn('m2', ['device/phone/Archive', 'server/alice/Archive'])
      .expectMailIn('m3', ['device/phone/Trash', 'server/alice/Trash']);
    const phone = r.lines('IMAP');
    // One session from the first mail on: a single LOGIN, never a LOGOUT.
    expect(phone.filter((l) => / LOGIN /.test(l))).toHaveLength(1);
    expect(phone.filter((l) => / LOGOUT$/.test(l))).toHaveLength(0);
    // Each action and the check end IDLE first and go back to it on INBOX afterwards.
    const dones = phone.filter((l) => l === 'C: DONE').length;
    expect(dones).toBeGreaterThanOrEqual(4);
    const idles = phone.filter((l) => /^C: a\d+ IDLE$/.test(l)).length;
    expect(idles).toBe(dones + 1);
    // The check over the open connection says so.
    expect(r.timeline.frames.some((f) => f.narration.key === 'imap.checkIdle')).toBe(true);
    // The session stays open at the end: the last line of the phone's session is the server's "+ idling".
    expect(phone[phone.length - 1]).toBe('S: + idling');
  });

  it('rule 83: a device in IDLE saves a sent mail to Sent over its open connection: DONE, APPEND, IDLE again, no second LOGIN', () => {
    const r = sim({
      accounts: [ALICE, { id: 'bob', address: 'bob@example.org' }],
      devices: [{ id: 'phone', kind: 'phone', account: 'alice', protocol: 'imap', imap: { idle: true, cache: 'headers', saveSent: true } }],
    })
      .at('day 1, 09:00', check('phone'))
      .at('day 1, 09:10', send('phone', 's1', ['bob']))
      .run();
    r.expectMailIn('s1', ['device/phone/Sent', 'server/alice/Sent', 'server/bob/INBOX']);
    const imap = r.lines('IMAP');
    expect(imap.filter((l) => / LOGIN /.test(l))).toHaveLength(1);
    expect(imap.filter((l) => / LOGOUT$/.test(l))).toHaveLength(0);
    const append = imap.findIndex((l) => /^C: a\d+ APPEND Sent /.test(l));
    expect(append).toBeGreaterThan(0);
    expect(imap.slice(append - 2, append)).toEqual(['C: DONE', expect.stringMatching(/^S: a\d+ OK Idle completed/)]);
    expect(imap[imap.length - 1]).toBe('S: + idling');
  });

  it('rule 83: a device without IDLE saves a sent mail over the connection its check kept (rule 95): no second LOGIN, no LOGOUT', () => {
    const r = sim({
      accounts: [ALICE, { id: 'bob', address: 'bob@example.org' }],
      devices: [{ id: 'laptop', kind: 'laptop', account: 'alice', protocol: 'imap', imap: { idle: false, saveSent: true } }],
    })
      .at('day 1, 09:00', check('laptop'))
      .at('day 1, 09:10', send('laptop', 's1', ['bob']))
      .run();
    r.expectMailIn('s1', ['device/laptop/Sent', 'server/alice/Sent', 'server/bob/INBOX']);
    const imap = r.lines('IMAP');
    expect(imap.filter((l) => / LOGIN /.test(l))).toHaveLength(1);
    expect(imap.filter((l) => / LOGOUT$/.test(l))).toHaveLength(0);
    expect(imap[imap.length - 1]).toMatch(/^S: a\d+ OK \[APPENDUID \d+ 1\] Append completed/);
  });

  it('rule 83: a device without IDLE whose kept connection is 30 minutes old saves a sent mail over a connection of its own (rule 96)', () => {
    const r = sim({
      accounts: [ALICE, { id: 'bob', address: 'bob@example.org' }],
      devices: [{ id: 'laptop', kind: 'laptop', account: 'alice', protocol: 'imap', imap: { idle: false, saveSent: true } }],
    })
      .at('day 1, 09:00', check('laptop'))
      .at('day 1, 09:40', send('laptop', 's1', ['bob']))
      .run();
    r.expectMailIn('s1', ['device/laptop/Sent', 'server/alice/Sent', 'server/bob/INBOX']);
    const imap = r.lines('IMAP');
    expect(imap.filter((l) => / LOGIN /.test(l))).toHaveLength(2);
    // The new connection has no folder selected: it appends at once (tag a2, after LOGIN).
    expect(imap.slice(imap.findLastIndex((l) => / LOGIN /.test(l)) + 2)[0]).toMatch(/^C: a2 APPEND Sent /);
  });

  it('rule 26: moving to a folder that does not exist answers NO [TRYCREATE] and creates nothing', () => {
    const r = sim({ accounts: [ALICE], devices: [{ id: 'laptop', kind: 'laptop', account: 'alice', protocol: 'imap' }] })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 1, 09:10', check('laptop'), move('laptop', 'm1', 'Projects'))
      .run();
    r.expectLine(/^S: a\d+ NO \[TRYCREATE\] Mailbox doesn't exist: Projects/).expectMailIn('m1', ['device/laptop/INBOX', 'server/alice/INBOX']);
    expect(r.frame.state.folderMeta.has('server/alice/Projects')).toBe(false);
  });

  it('claim I5: moving to a local folder removes the mail from the server and from every other device', () => {
    const r = sim({
      accounts: [ALICE],
      devices: [
        { id: 'laptop', kind: 'laptop', account: 'alice', protocol: 'imap', localFolders: ['Archive2026'] },
        { id: 'phone', kind: 'phone', account: 'alice', protocol: 'imap' },
      ],
    })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 1, 09:10', check('laptop'), check('phone'))
      .at('day 1, 09:20', move('laptop', 'm1', 'Archive2026', true))
      .at('day 1, 09:30', check('phone'))
      .run();
    r.expectMailIn('m1', ['device/laptop/Archive2026']);
  });

  it('claim I13: deleting to Trash on one device moves it for every device; emptying Trash removes it everywhere', () => {
    const r = sim({
      accounts: [ALICE],
      devices: [
        { id: 'laptop', kind: 'laptop', account: 'alice', protocol: 'imap' },
        { id: 'phone', kind: 'phone', account: 'alice', protocol: 'imap' },
      ],
    })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 1, 09:10', check('laptop'), check('phone'))
      .at('day 1, 09:20', del('phone', 'm1'))
      .at('day 1, 09:30', check('laptop'))
      .run();
    r.expectMailIn('m1', ['device/laptop/Trash', 'device/phone/Trash', 'server/alice/Trash']);
  });

  it('rule 84: the first login lists the folders as Dovecot answers (subscribed with special-use, then INBOX); later logins do not list again', () => {
    const r = sim({ accounts: [ALICE], devices: [{ id: 'laptop', kind: 'laptop', account: 'alice', protocol: 'imap' }], folders: ['Projects'] })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 1, 09:10', check('laptop'))
      // An hour later the kept connection is gone (rule 96): the second check logs in anew.
      .at('day 1, 10:10', check('laptop'))
      .run();
    const lines = r.lines('IMAP');
    const listed = lines.slice(lines.findIndex((l) => / LIST \(SUBSCRIBED\)/.test(l)));
    expect(listed.slice(0, 10)).toEqual([
      'C: a2 LIST (SUBSCRIBED) "" "*" RETURN (SPECIAL-USE)',
      'S: * LIST (\\Subscribed) "/" Projects',
      'S: * LIST (\\Subscribed \\Sent) "/" Sent',
      'S: * LIST (\\Subscribed \\Drafts) "/" Drafts',
      'S: * LIST (\\Subscribed \\Trash) "/" Trash',
      'S: * LIST (\\Subscribed \\Archive) "/" Archive',
      'S: a2 OK List completed (0.001 + 0.000 secs).',
      'C: a3 LIST "" "INBOX"',
      'S: * LIST (\\HasNoChildren) "/" INBOX',
      'S: a3 OK List completed (0.001 + 0.000 secs).',
    ]);
    // Two checks, two logins, one discovery.
    expect(lines.filter((l) => / LOGIN /.test(l))).toHaveLength(2);
    expect(lines.filter((l) => /^C: a\d+ LIST /.test(l))).toHaveLength(2);
    // The folder LIST named is the one the client asks about.
    expect(lines.some((l) => /^C: a\d+ STATUS Projects /.test(l))).toBe(true);
  });
});

describe('rule 86: another session\'s changes pushed to a session in IDLE', () => {
  it('rule 86: the idling session is told of another session\'s \\Deleted flag, its expunge, and a batch flagged and expunged at once, in Dovecot 2.3.19\'s words', () => {
    const { connect } = server(4);
    const a = connect('a');
    a.send({ type: 'client.select', mailbox: 'INBOX' });
    a.idle();
    const b = connect('b');
    b.send({ type: 'client.select', mailbox: 'INBOX' });
    b.send({ type: 'client.store', uids: '2', change: '+FLAGS (\\Deleted)', silent: true });
    // A holds \Recent for all four (it selected first); the FETCH carries no UID.
    expect(a.unasked()).toEqual(['* 2 FETCH (FLAGS (\\Deleted \\Recent))']);
    b.send({ type: 'client.expunge' });
    expect(a.unasked()).toEqual(['* 2 EXPUNGE', '* 3 RECENT']);
    // Flagged and expunged before the push: only the expunges, highest sequence number first.
    b.send({ type: 'client.store', uids: '1,4', change: '+FLAGS (\\Deleted)', silent: true });
    b.send({ type: 'client.expunge' });
    b.logout();
    expect(a.unasked()).toEqual(['* 3 EXPUNGE', '* 1 EXPUNGE', '* 1 RECENT']);
    expect(a.unasked()).toEqual([]);
  });

  it('rule 86: flag changes, an expunge and new mail in one push: FETCH numbered before the expunge, then EXPUNGE, then EXISTS, and no RECENT when its count is unchanged', () => {
    const { run, connect } = server(4);
    const a = connect('a');
    a.send({ type: 'client.select', mailbox: 'INBOX' });
    a.idle();
    const b = connect('b');
    b.send({ type: 'client.select', mailbox: 'INBOX' });
    b.send({ type: 'client.store', uids: '1', change: '+FLAGS (\\Seen)', silent: true });
    b.send({ type: 'client.store', uids: '3', change: '+FLAGS (\\Deleted)', silent: true });
    b.send({ type: 'client.expunge' });
    b.send({ type: 'client.store', uids: '4', change: '+FLAGS (\\Flagged)', silent: true });
    b.logout();
    run.apply({ op: 'mail', info: { id: 'm5', subject: 'm5', from: 'bob@example.com', to: ['alice@example.org'], sizeBytes: 1024, owners: ['alice'], createdAt: 0 } });
    const d = new Draft(run.store);
    d.appendMessage('server/alice/INBOX', 'm5', 0);
    run.applyEffects(d.effects());
    // Observed on Dovecot 2.3.19 with the same commands: A held \Recent for four, lost one and gained one.
    expect(a.unasked()).toEqual(['* 1 FETCH (FLAGS (\\Seen \\Recent))', '* 4 FETCH (FLAGS (\\Flagged \\Recent))', '* 3 EXPUNGE', '* 4 EXISTS']);
  });

  it('rule 86: a session\'s own changes are not pushed back to it after IDLE', () => {
    const { connect } = server(2);
    const a = connect('a');
    a.send({ type: 'client.select', mailbox: 'INBOX' });
    a.idle();
    a.done();
    a.send({ type: 'client.store', uids: '1', change: '+FLAGS (\\Seen)', silent: true });
    a.send({ type: 'client.store', uids: '2', change: '+FLAGS (\\Deleted)', silent: true });
    a.send({ type: 'client.expunge' });
    a.idle();
    expect(a.unasked()).toEqual([]);
  });

  it('rule 86: a device in IDLE loses a mail another device expunged at once, without a check of its own; a device without IDLE keeps it until its next check', () => {
    const r = sim({
      accounts: [ALICE],
      devices: [
        { id: 'laptop', kind: 'laptop', account: 'alice', protocol: 'imap', imap: { idle: true, cache: 'full' } },
        { id: 'tablet', kind: 'tablet', account: 'alice', protocol: 'imap', imap: { idle: false, cache: 'full' } },
        { id: 'phone', kind: 'phone', account: 'alice', protocol: 'imap', imap: { idle: false, deleteAction: 'expunge' } },
      ],
    })
      .at('day 1, 09:00', arrive('m1'), arrive('m2'), check('tablet'), check('phone'))
      .at('day 1, 09:10', del('phone', 'm1'))
      .run();
    // The laptop was told "* 1 EXPUNGE" while idling and dropped m1; the tablet still shows it.
    r.expectMailIn('m1', ['device/tablet/INBOX']).expectMailIn('m2', ['device/laptop/INBOX', 'device/phone/INBOX', 'device/tablet/INBOX', 'server/alice/INBOX']);
    const imap = r.lines('IMAP');
    expect(imap).toContain('S: * 1 EXPUNGE');
    expect(r.timeline.frames.some((f) => f.narration.key === 'idlePushed.expunged' && f.narration.params.device === 'laptop')).toBe(true);
  });

  it('rule 86: a mail read on another device shows as read on the idling device at once', () => {
    const r = sim({
      accounts: [ALICE],
      devices: [
        { id: 'laptop', kind: 'laptop', account: 'alice', protocol: 'imap', imap: { idle: true, cache: 'full' } },
        { id: 'phone', kind: 'phone', account: 'alice', protocol: 'imap', imap: { idle: false } },
      ],
    })
      .at('day 1, 09:00', arrive('m1'), arrive('m2'))
      .at('day 1, 09:10', read('phone', 'm2'))
      .run();
    expect(r.flagsOf('device/laptop/INBOX', 'm2')).toEqual(['Seen']);
    expect(r.flagsOf('device/laptop/INBOX', 'm1')).toEqual([]);
    expect(r.lines('IMAP')).toContain('S: * 2 FETCH (FLAGS (\\Seen \\Recent))');
  });
});
