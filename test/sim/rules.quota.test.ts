// semantics.md rules 27–34: quota, bounces and sending.
import { describe, expect, it } from 'vitest';
import { ALICE, arrive, check, del, emptyTrash, send, sim, wait } from './harness';

const imapLaptop = (imap: Record<string, unknown> = {}) => ({ id: 'laptop', kind: 'laptop' as const, account: 'alice', protocol: 'imap' as const, imap });
const pop3Laptop = (pop3: Record<string, unknown> = {}) => ({ id: 'laptop', kind: 'laptop' as const, account: 'alice', protocol: 'pop3' as const, pop3 });

describe('quota, bounces and sending', () => {
  it('rule 27: the send succeeds but APPEND to Sent fails (over quota) → delivered, no Sent copy, not sent again', () => {
    const r = sim({
      server: { quotaGracePercent: 0 },
      accounts: [{ ...ALICE, quota: { messages: 1 } }, { id: 'bob', address: 'bob@example.org' }],
      devices: [imapLaptop()],
    })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 1, 09:10', send('laptop', 's1', ['bob']))
      .run();
    r.expectMailIn('s1', ['server/bob/INBOX']).expectLine(/^S: a\d+ NO \[OVERQUOTA\]/, 'IMAP');
    expect(r.lines('SMTP').filter((l) => l.startsWith('C: DATA'))).toHaveLength(1);
  });

  it('rule 28: APPEND over quota is refused before the literal: no "+" continuation', () => {
    const r = sim({ server: { quotaGracePercent: 0 }, accounts: [{ ...ALICE, quota: { messages: 1 } }], devices: [imapLaptop()] })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 1, 09:10', send('laptop', 's1', [], { toAddress: 'carol@example.net' }))
      .run();
    expect(r.lines('IMAP').filter((l) => l.startsWith('S: + '))).toEqual([]);
    r.expectMailIn('s1', ['outside/carol@example.net']);
  });

  it('rule 29: over-quota delivery (Dovecot default) → 552 5.2.2 and an immediate bounce to the sender', () => {
    const r = sim({ server: { quotaGracePercent: 0 }, accounts: [{ ...ALICE, quota: { messages: 2 } }], devices: [] })
      .at('day 1, 09:00', arrive('m1'), arrive('m2'), arrive('m3'))
      .run();
    r.expectLine('S: 552 5.2.2 <alice@example.org> Quota exceeded (mailbox for user is full)', 'LMTP');
    r.expectMailIn('m3', ['outside/bob@example.com']).expectStatus('m3', 'bounced');
    expect(r.metrics.usage[0]).toMatchObject({ messages: 2 });
  });

  it('rule 30: with tempfail → 452 4.2.2; the MTA retries and delivers once space frees', () => {
    const r = sim({
      server: { quotaGracePercent: 0, quotaFull: 'temporary', retryEveryMinutes: 60 },
      accounts: [{ ...ALICE, quota: { messages: 1 } }],
      devices: [imapLaptop({ deleteAction: 'expunge' })],
    })
      .at('day 1, 09:00', arrive('m1'), arrive('m2'))
      .at('day 1, 09:30', check('laptop'), del('laptop', 'm1'))
      .at('day 1, 12:00', wait())
      .run();
    r.expectLine('S: 452 4.2.2 <alice@example.org> Quota exceeded (mailbox for user is full)', 'LMTP');
    r.after('LMTP → alice · m2 · 452').expectMailIn('m2', ['queue']).expectStatus('m2', 'queued');
    r.expectMailIn('m2', ['server/alice/INBOX']).expectStatus('m2', 'present');
  });

  it('rule 30: with tempfail and no space, the mail is bounced after the queue lifetime', () => {
    const r = sim({
      server: { quotaGracePercent: 0, quotaFull: 'temporary', retryEveryMinutes: 720, queueLifetimeDays: 2, backup: 'none' },
      accounts: [{ ...ALICE, quota: { messages: 1 } }],
      devices: [],
    })
      .at('day 1, 09:00', arrive('m1'), arrive('m2'))
      .at('day 2, 08:00', wait())
      .at('day 4, 09:00', wait())
      .run();
    r.after('time passes', 0).expectStatus('m2', 'queued');
    r.expectMailIn('m2', ['outside/bob@example.com']).expectStatus('m2', 'bounced');
  });

  it('rule 31: the message crossing the limit within the grace is accepted; the next is refused', () => {
    const r = sim({ server: { quotaGracePercent: 10 }, accounts: [{ ...ALICE, quota: { storageKB: 100 } }], devices: [] })
      .at('day 1, 09:00', arrive('m1', ['alice'], { sizeKB: 60 }), arrive('m2', ['alice'], { sizeKB: 45 }), arrive('m3', ['alice'], { sizeKB: 1 }))
      .run();
    r.expectStatus('m1', 'present').expectStatus('m2', 'present').expectStatus('m3', 'bounced');
    expect(r.metrics.usage[0].bytes).toBe(105 * 1024);
  });

  it('rule 32: Trash counts toward quota: delete to Trash frees nothing until Trash is emptied; a COPY-based move fails at the limit', () => {
    const base = (useMove: boolean) =>
      sim({ server: { quotaGracePercent: 0 }, accounts: [{ ...ALICE, quota: { messages: 2 } }], devices: [imapLaptop({ useMove })] })
        .at('day 1, 09:00', arrive('m1'), arrive('m2'))
        .at('day 1, 09:10', check('laptop'), del('laptop', 'm1'))
        .at('day 1, 09:20', arrive('m3'));
    const withMove = base(true).at('day 1, 09:30', emptyTrash('laptop')).at('day 1, 09:40', arrive('m4')).run();
    withMove.after('LMTP → alice · m3').expectStatus('m3', 'bounced');
    withMove.after('LMTP → alice · m3').expectMailIn('m1', ['device/laptop/Trash', 'server/alice/Trash']);
    withMove.expectStatus('m4', 'present').expectStatus('m1', 'deleted');
    const withCopy = base(false).run();
    withCopy.expectLine(/^S: a\d+ NO \[OVERQUOTA\]/, 'IMAP').expectMailIn('m1', ['device/laptop/INBOX', 'server/alice/INBOX']);
  });

  it('rule 33: a bounce to a sender with a mailbox here is a MAILER-DAEMON message with an empty return path in their INBOX', () => {
    const r = sim({
      server: { quotaGracePercent: 0 },
      accounts: [{ ...ALICE, quota: { messages: 1 } }, { id: 'bob', address: 'bob@example.org' }],
      devices: [{ id: 'bobpc', kind: 'desktop', account: 'bob', protocol: 'imap' }],
    })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 1, 09:10', send('bobpc', 's1', ['alice']))
      .run();
    r.expectStatus('s1', 'bounced').expectLine('C: MAIL FROM:<>', 'LMTP');
    r.expectMailIn('bounce-s1', ['server/bob/INBOX']);
    expect(r.frame.state.mails.get('bounce-s1')!.from).toMatch(/^MAILER-DAEMON@/);
  });

  it('rule 34: a POP3-only sender keeps sent mail on the device only; Bcc-to-self lands in the server INBOX', () => {
    const r = sim({ server: { backup: 'none' }, accounts: [ALICE], devices: [pop3Laptop()] })
      .at('day 1, 09:00', send('laptop', 's1', [], { toAddress: 'carol@example.net' }))
      .at('day 1, 09:10', send('laptop', 's2', [], { toAddress: 'carol@example.net', bccSelf: true }))
      .run();
    r.expectMailIn('s1', ['device/laptop/Sent', 'outside/carol@example.net']);
    r.expectMailIn('s2', ['device/laptop/Sent', 'outside/carol@example.net', 'server/alice/INBOX']);
  });

  it('rule 29: per-recipient replies when one of two recipients is full', () => {
    const r = sim({ server: { quotaGracePercent: 0 }, accounts: [{ ...ALICE, quota: { messages: 1 } }, { id: 'bob', address: 'bob@example.org' }], devices: [] })
      .at('day 1, 09:00', arrive('m1'), arrive('m2', ['bob', 'alice']))
      .run();
    r.expectLine('S: 250 2.1.5 OK', 'LMTP').expectMailIn('m2', ['outside/bob@example.com', 'server/bob/INBOX']);
  });
});

// The provider's MX retries deferred mail as Postfix's queue manager does (rule 66).
describe("Postfix's retry schedule", () => {
  const full = (server: Record<string, unknown> = {}) =>
    sim({ server: { quotaGracePercent: 0, quotaFull: 'temporary', backup: 'none', ...server }, accounts: [{ ...ALICE, quota: { messages: 1 } }], devices: [] })
      .at('day 1, 00:00', arrive('m1'), arrive('m2'))
      .at('day 7, 00:00', wait())
      .run();
  const tries = (r: ReturnType<typeof full>) => r.timeline.frames.filter((f) => /LMTP → alice · m2/.test(f.label)).map((f) => f.time);

  it('rule 66: with the defaults the waits double from minimal_backoff_time (300 s) up to maximal_backoff_time (4000 s), each try at a queue scan (queue_run_delay 300 s)', () => {
    const t = tries(full());
    // Arrival at 0, then 5, 10, 20, 40 and 80 minutes, then 66⅔ minutes rounded up to the next 5-minute scan.
    expect(t.slice(0, 9)).toEqual([0, 5, 10, 20, 40, 80, 150, 220, 290]);
  });

  it('rule 66: after maximal_queue_lifetime (5 days) the next failed try returns the mail to the sender', () => {
    const r = full();
    const t = tries(r);
    // The last try is the first at or after 5 days (7,200 minutes); it fails, and the MX bounces the mail.
    expect(t[t.length - 1]).toBe(7220);
    expect(t).toHaveLength(108);
    const expiredAt = r.timeline.frames.find((f) => f.narration.key === 'delivery.expired')!;
    expect(expiredAt.time).toBe(7220);
    r.expectMailIn('m2', ['outside/bob@example.com']).expectStatus('m2', 'bounced');
  });

  it('rule 66: the settings are the scenario\'s: a faster queue and a shorter lifetime', () => {
    const t = tries(full({ queueRunDelaySeconds: 60, minimalBackoffSeconds: 60, maximalBackoffSeconds: 600, queueLifetimeDays: 1 }));
    expect(t.slice(0, 7)).toEqual([0, 1, 2, 4, 8, 16, 26]);
    // Every 10 minutes from 16 on: 1,436 is still within the day, 1,446 the first try after it.
    expect(t[t.length - 1]).toBe(1446);
  });

  it('rule 66: a fixed retryEveryMinutes replaces the backoff (the simplification some scenarios choose)', () => {
    const t = tries(full({ retryEveryMinutes: 720, queueLifetimeDays: 2 }));
    expect(t).toEqual([0, 720, 1440, 2160]);
  });
});

