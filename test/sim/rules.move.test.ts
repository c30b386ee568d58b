// docs/rules.md rules 87–94: a provider move that takes days — the new mailbox,
// the MX switch and its TTL, the incremental copy, re-pointed devices and the
// old contract's end — each shown by a run of the model.
import { describe, expect, it } from 'vitest';
import { ALICE, arrive, check, send, sim } from './harness';
import { loadScenarioData } from '../../src/sim/scenario/load';
import { cacheExpiry } from '../../src/sim/run/stagedMove';
import { readFileSync } from 'node:fs';
import { frameLines, simulate } from '../../src/sim';

const pop3 = (id: string, pop3: Record<string, unknown> = { leaveOnServer: true }) => ({ id, kind: 'laptop' as const, account: 'alice', protocol: 'pop3' as const, pop3 });
const imap = (id: string) => ({ id, kind: 'phone' as const, account: 'alice', protocol: 'imap' as const, imap: { idle: false } });

/** A step body as the harness takes it (the move's steps are written as a file would write them). */
const step = (body: Record<string, unknown>) => body as unknown as ReturnType<typeof check>;
const newMailbox = (copyMailboxes: boolean, keepUidls = false) => step({ do: 'provider.newMailbox', copyMailboxes, keepUidls });
const dnsSwitch = (ttlHours: number) => step({ do: 'provider.dnsSwitch', ttlHours });
const repoint = (device: string) => step({ do: 'device.repoint', device });
const syncAgain = () => step({ do: 'provider.syncMailboxes' });
const contractEnd = () => step({ do: 'provider.contractEnd' });
/** bank.example's resolver learns the new MX 444 minutes after a switch with a 24-hour TTL; school.example's after 418 (FNV-1a of the domain). */
const FROM_BANK = { from: 'billing@bank.example' };
const FROM_SCHOOL = { from: 'office@school.example' };

const uidls = (lines: string[]) => lines.filter((l) => /^S: \d+ [0-9a-f]{16}$/.test(l));

describe('a provider move over days', () => {
  it('rule 87: the new provider has a mailbox of its own beside the old one, empty unless copied, with its own quota usage; devices still read the old one', () => {
    const r = sim({ accounts: [ALICE], devices: [imap('phone')] })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 2, 09:00', newMailbox(false))
      .at('day 2, 10:00', check('phone'))
      .run();
    r.expectMailIn('m1', ['backup/server/alice/INBOX', 'device/phone/INBOX', 'server/alice/INBOX']);
    for (const folder of ['INBOX', 'Sent', 'Drafts', 'Trash', 'Archive']) expect(r.frame.state.folderMeta.has(`server/alice@new/${folder}`)).toBe(true);
    expect(r.frame.state.folderMeta.get('server/alice@new/INBOX')!.uidValidity).not.toBe(r.frame.state.folderMeta.get('server/alice/INBOX')!.uidValidity);
    expect(r.metrics.usage.map((u) => [u.account, u.messages])).toEqual([
      ['alice', 1],
      ['alice@new', 0],
    ]);
  });

  it('rule 88: a copy with dsync keeps UIDs and UIDVALIDITY, so the POP3 UIDLs stay and a re-pointed leave-on-server device downloads nothing twice', () => {
    const r = sim({ server: { backup: 'none' }, accounts: [ALICE], devices: [pop3('laptop')] })
      .at('day 1, 09:00', arrive('m1'), arrive('m2'))
      .at('day 1, 10:00', check('laptop'))
      .at('day 2, 09:00', newMailbox(true, true))
      .at('day 2, 09:30', repoint('laptop'))
      .at('day 2, 10:00', check('laptop'))
      .run();
    const before = uidls(r.after('laptop · QUIT').lines('POP3'));
    const all = uidls(r.lines('POP3'));
    expect(all.slice(before.length)).toEqual(before);
    expect(r.frame.state.places.get('device/laptop/Inbox')!.size).toBe(2);
    r.expectMailIn('m1', ['device/laptop/Inbox', 'server/alice/INBOX', 'server/alice@new/INBOX']);
  });

  it('rule 88: an imapsync copy gives new UIDs under a new UIDVALIDITY: the re-pointed leave-on-server device downloads every message again', () => {
    const r = sim({ server: { backup: 'none' }, accounts: [ALICE], devices: [pop3('laptop')] })
      .at('day 1, 09:00', arrive('m1'), arrive('m2'))
      .at('day 1, 10:00', check('laptop'))
      .at('day 2, 09:00', newMailbox(true))
      .at('day 2, 09:30', repoint('laptop'))
      .at('day 2, 10:00', check('laptop'))
      .run();
    expect(r.frame.state.places.get('device/laptop/Inbox')!.size).toBe(4);
    r.expectLine(/^C: a\d+ APPEND INBOX( \(\\Seen\))? \{\d+\}$/, 'IMAP');
  });

  it('rule 89: for the TTL after the switch a sender reaches the old MX until its resolver\'s copy expires, fixed per sending domain; after the TTL every sender reaches the new one', () => {
    const dns = { at: 1440 + 600, ttlMinutes: 1440 };
    expect(cacheExpiry(dns, 'billing@bank.example')).toBe(dns.at + 444);
    expect(cacheExpiry(dns, 'someone-else@bank.example')).toBe(dns.at + 444);
    for (const sender of ['a@x.example', 'b@y.example', 'c@z.example']) {
      const t = cacheExpiry(dns, sender);
      expect(t).toBeGreaterThan(dns.at);
      expect(t).toBeLessThanOrEqual(dns.at + dns.ttlMinutes);
    }
    const r = sim({ server: { backup: 'none' }, accounts: [ALICE], devices: [] })
      .at('day 2, 09:00', newMailbox(false))
      .at('day 2, 10:00', dnsSwitch(24))
      .at('day 2, 12:00', arrive('m1', ['alice'], FROM_BANK), arrive('m2', ['alice'], FROM_SCHOOL))
      .at('day 2, 17:00', arrive('m3', ['alice'], FROM_BANK), arrive('m4', ['alice'], FROM_SCHOOL))
      .at('day 3, 10:00', arrive('m5', ['alice'], FROM_BANK))
      .run();
    r.expectMailIn('m1', ['server/alice/INBOX']);
    r.expectMailIn('m2', ['server/alice/INBOX']);
    r.expectMailIn('m3', ['server/alice/INBOX']);
    r.expectMailIn('m4', ['server/alice@new/INBOX']);
    r.expectMailIn('m5', ['server/alice@new/INBOX']);
    expect(r.timeline.frames.some((f) => f.narration.key === 'move.viaOldMx' && f.narration.params.domain === 'bank.example')).toBe(true);
  });

  it('rule 90: imapsync run again copies only what the new mailbox lacks: mail that reached the old MX during the switch', () => {
    const r = sim({ server: { backup: 'none' }, accounts: [ALICE], devices: [] })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 2, 09:00', newMailbox(true))
      .at('day 2, 10:00', dnsSwitch(24))
      .at('day 2, 12:00', arrive('m2', ['alice'], FROM_BANK))
      .at('day 3, 11:00', syncAgain())
      .run();
    r.expectMailIn('m1', ['server/alice/INBOX', 'server/alice@new/INBOX']);
    r.expectMailIn('m2', ['server/alice/INBOX', 'server/alice@new/INBOX']);
    const appends = r.lines('IMAP').filter((l) => / APPEND INBOX /.test(l));
    expect(appends).toHaveLength(2);
  });

  it('rule 91: devices are re-pointed one by one: the re-pointed one talks to the new provider, the other still to the old, and each sends through its own provider', () => {
    const r = sim({ server: { backup: 'none' }, accounts: [ALICE, { id: 'bob', address: 'bob@example.org' }], devices: [imap('phone'), { ...imap('tablet'), account: 'bob' }] })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 2, 09:00', newMailbox(true))
      .at('day 2, 09:30', repoint('phone'))
      .at('day 2, 10:00', check('phone'), check('tablet'))
      .at('day 2, 11:00', send('phone', 's1', ['bob']), send('tablet', 's2', ['alice']))
      .run();
    const accounts = r.timeline.frames.flatMap((f) => f.sessions.filter((s) => s.protocol === 'IMAP' && s.client !== 'imapsync').map((s) => `${s.client} ${s.account}`));
    expect(new Set(accounts)).toEqual(new Set(['phone alice@new', 'tablet bob']));
    // The phone's provider (the new one) delivers to its own mailbox for bob; the tablet's (the old one) to the old one for alice.
    expect(r.placesOf('s1')).toContain('server/bob@new/INBOX');
    expect(r.placesOf('s2')).toContain('server/alice/INBOX');
    // The re-pointed phone met a new UIDVALIDITY: it fetched m1 again from the new mailbox.
    r.expectMailIn('m1', ['device/phone/INBOX', 'server/alice/INBOX', 'server/alice@new/INBOX']);
  });

  it('rule 92: at the contract\'s end the old mailbox and its backups are gone, the new one is the account\'s only mailbox; a device still pointed there is refused at login as Dovecot refuses an unknown user', () => {
    const r = sim({ accounts: [ALICE], devices: [pop3('laptop'), imap('phone')] })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 2, 09:00', newMailbox(false))
      .at('day 2, 10:00', dnsSwitch(1))
      .at('day 3, 10:00', contractEnd())
      .at('day 3, 11:00', check('laptop'), check('phone'))
      .run();
    r.expectMailIn('m1', []).expectStatus('m1', 'lost');
    // The new provider's mailbox is the only one left and takes the account's plain id, with its own UIDVALIDITY.
    const newValidity = r.after('new provider · mailbox').frame.state.folderMeta.get('server/alice@new/INBOX')!.uidValidity;
    expect(r.frame.state.folderMeta.get('server/alice/INBOX')?.uidValidity).toBe(newValidity);
    expect([...r.frame.state.folderMeta.keys()].filter((p) => p.includes('@new'))).toEqual([]);
    expect(r.frame.state.serverGeneration).toBe(2);
    r.expectLine('S: -ERR [AUTH] Authentication failed.', 'POP3');
    r.expectLine(/^S: a\d+ NO \[AUTHENTICATIONFAILED\] Authentication failed\.$/, 'IMAP');
    expect(r.frame.state.devices.get('phone')?.pointsAt).toBe('gone');
  });

  it('rule 91: a connection kept to the old mailbox (rule 95) ends when the device is re-pointed: the next check, minutes later, logs in to the new provider', () => {
    const r = sim({ server: { backup: 'none' }, accounts: [ALICE], devices: [imap('phone')] })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 2, 09:00', newMailbox(true))
      .at('day 2, 09:10', check('phone'))
      .at('day 2, 09:15', repoint('phone'))
      .at('day 2, 09:20', check('phone'))
      .run();
    const sessions = r.timeline.frames.flatMap((f) => f.sessions.filter((s) => s.protocol === 'IMAP' && s.client === 'phone').map((s) => s.account));
    expect(sessions).toEqual(['alice', 'alice@new']);
    // The kept connection to the old mailbox was logged out at the re-point, not used for the check after it.
    const atRepoint = r.after('phone · re-pointed').lines('IMAP').slice(r.after('phone · connection kept').lines('IMAP').length);
    expect(atRepoint.filter((l) => / LOGOUT$/.test(l))).toHaveLength(1);
    r.expectMailIn('m1', ['device/phone/INBOX', 'server/alice/INBOX', 'server/alice@new/INBOX']);
  });

  it('rule 92: a connection kept to the old mailbox (rule 95) does not outlive the contract: a device nobody re-pointed is refused at its next login, minutes later', () => {
    const r = sim({ server: { backup: 'none' }, accounts: [ALICE], devices: [imap('phone')] })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 2, 09:00', newMailbox(false))
      .at('day 2, 10:00', dnsSwitch(1))
      .at('day 3, 10:00', check('phone'))
      .at('day 3, 10:05', contractEnd())
      .at('day 3, 10:10', check('phone'))
      .run();
    const lines = r.lines('IMAP');
    expect(lines.filter((l) => / LOGIN /.test(l))).toHaveLength(2);
    expect(lines[lines.length - 1]).toMatch(/^S: a\d+ NO \[AUTHENTICATIONFAILED\] Authentication failed\.$/);
    expect(r.frame.state.devices.get('phone')?.pointsAt).toBe('gone');
  });

  it('rule 93: mail that reached the old MX and was neither fetched nor copied before the contract\'s end is lost; what a device fetched stays', () => {
    const r = sim({ server: { backup: 'none' }, accounts: [ALICE], devices: [imap('phone')] })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 1, 10:00', check('phone'))
      .at('day 2, 09:00', newMailbox(false))
      .at('day 2, 09:30', repoint('phone'))
      .at('day 2, 10:00', dnsSwitch(24))
      .at('day 2, 12:00', arrive('m2', ['alice'], FROM_BANK))
      .at('day 3, 10:00', contractEnd())
      .run();
    r.expectStatus('m2', 'lost');
    r.expectStatus('m1', 'present');
    r.expectMailIn('m1', ['device/phone/INBOX']);
    const ended = r.timeline.frames.find((f) => f.narration.key === 'move.contractEnded')!;
    expect(ended.narration.params).toEqual({ count: 2, lost: 1 });
  });

  it('rule 94: a device nobody re-pointed gets no error while the old contract runs: its checks succeed and simply see no mail that reached the new MX', () => {
    const r = sim({ server: { backup: 'none' }, accounts: [ALICE], devices: [imap('phone')] })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 2, 09:00', newMailbox(true))
      .at('day 2, 10:00', dnsSwitch(1))
      .at('day 2, 12:00', arrive('m2', ['alice'], FROM_SCHOOL))
      .at('day 2, 13:00', check('phone'))
      .run();
    r.expectMailIn('m2', ['server/alice@new/INBOX']);
    expect(r.placesOf('m1')).toContain('device/phone/INBOX');
    r.expectNoLine(/AUTHENTICATIONFAILED/, 'IMAP');
    expect(r.metrics.views.find((v) => v.device === 'phone')).toEqual({ device: 'phone', shows: 1, of: 2 });
  });
});

describe('the order of a move over days, checked when a scenario loads', () => {
  const load = (steps: unknown[]) => {
    const r = loadScenarioData('t', { id: 't', title: { de: 'T', en: 'T' }, summary: { de: 'T', en: 'T' }, world: { accounts: [ALICE], devices: [imap('phone')] }, steps } as never);
    return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
  };

  it('rule 92: the old contract ends only after the TTL window (mail the old MX would refuse is not modelled), and after a switch', () => {
    expect(load([{ at: 'day 1, 09:00', ...newMailbox(false) }, { at: 'day 1, 10:00', ...dnsSwitch(24) }, { at: 'day 1, 20:00', ...contractEnd() }])).toEqual([
      expect.stringMatching(/^steps\[2\]\.at: senders may still use the old MX until 24 hours after steps\[1\]/),
    ]);
    expect(load([{ at: 'day 1, 09:00', ...newMailbox(false) }, { at: 'day 3, 10:00', ...contractEnd() }])).toEqual([expect.stringMatching(/^steps\[1\]\.do: switch the MX record first/)]);
  });

  it('rule 87: the new mailbox comes first; UIDLs are kept only by a copy; the move in one go and the move over days do not mix', () => {
    expect(load([{ at: 'day 1, 09:00', ...repoint('phone') }, { at: 'day 1, 10:00', ...dnsSwitch(1) }])).toEqual([
      expect.stringMatching(/^steps\[0\]\.do: set up the new mailbox first/),
      expect.stringMatching(/^steps\[1\]\.do: set up the new mailbox first/),
    ]);
    expect(load([{ at: 'day 1, 09:00', ...newMailbox(false, true) }])).toEqual([expect.stringMatching(/^steps\[0\]\.keepUidls: UIDLs can only be kept by a copy/)]);
    expect(load([{ at: 'day 1, 09:00', do: 'provider.move', copyMailboxes: true }, { at: 'day 1, 10:00', ...newMailbox(true) }])).toEqual([expect.stringMatching(/^steps\[1\]\.do: steps\[0\] moves the provider in one go/)]);
  });

  it('rule 92: a device the old provider no longer knows cannot send until it is re-pointed', () => {
    const steps = [{ at: 'day 1, 09:00', ...newMailbox(false) }, { at: 'day 1, 10:00', ...dnsSwitch(1) }, { at: 'day 2, 10:00', ...contractEnd() }, { at: 'day 2, 11:00', ...send('phone', 's1', [], { toAddress: 'x@example.net' }) }];
    expect(load(steps)).toEqual([expect.stringMatching(/^steps\[3\]\.device: "phone" still points at the old provider/)]);
  });
});

describe('modseqs after a dsync copy', () => {
  const replies = (id: string): string[] => {
    const loaded = loadScenarioData(`${id}.json`, JSON.parse(readFileSync(`scenarios/${id}.json`, 'utf8')));
    if (!loaded.ok) throw new Error(`${id} does not load`);
    return simulate(loaded.scenario).frames.flatMap((f) => frameLines(f).filter((l) => l.dir === 'S').map((l) => l.text));
  };
  it('rule 107: a folder dsync copied names HIGHESTMODSEQ in SELECT; an imapsync copy and the old mailbox do not', () => {
    // provider-move-forgot-phone copies with dsync (keepUidls): the re-pointed laptop's SELECT names it.
    expect(replies('provider-move-forgot-phone').filter((l) => /^\* OK \[HIGHESTMODSEQ \d+\] Highest$/.test(l)).length).toBeGreaterThan(0);
    // provider-move-over-days copies with imapsync: never named.
    expect(replies('provider-move-over-days').some((l) => l.includes('HIGHESTMODSEQ'))).toBe(false);
  });
});
