// Rule 64: the provider's MX asks Dovecot's quota-status service at RCPT TO
// (world.server.quotaCheck = 'rcpt'): a full mailbox refuses the mail before
// any data, so it waits in (452) or goes back from (552) the sender's server.
import { describe, expect, it } from 'vitest';
import { ALICE, arrive, check, del, sim, wait } from '../harness';

const laptop = { id: 'laptop', kind: 'laptop' as const, account: 'alice', protocol: 'imap' as const, imap: { deleteAction: 'expunge' as const } };

describe('quota-status at RCPT TO', () => {
  it('rule 64: with 452 at RCPT TO the mail waits in the sender\'s queue, never in the MX queue, and arrives once space frees', () => {
    const r = sim({ server: { quotaGracePercent: 0, quotaFull: 'temporary', quotaCheck: 'rcpt' }, accounts: [{ ...ALICE, quota: { messages: 1 } }], devices: [laptop] })
      .at('day 1, 09:00', arrive('m1'), arrive('m2'))
      .at('day 1, 09:30', check('laptop'), del('laptop', 'm1'))
      .at('day 1, 12:00', wait())
      .run();
    r.expectLine('S: 452 4.2.2 <alice@example.org>: Recipient address rejected: Mailbox is full', 'SMTP');
    // Refused before DATA: the sending server sends no data for m2 at that try.
    // The scorecard counts it as waiting, as it does a mail in the MX's own queue.
    r.after('MX → mail.example.com · RCPT m2 · 452').expectMailIn('m2', ['queue/example.com']).expectStatus('m2', 'queued');
    r.expectMailIn('m2', ['server/alice/INBOX']);
    expect(r.lines('LMTP').filter((l) => l.includes('452'))).toEqual([]);
  });

  it('rule 64: with 552 at RCPT TO the sending server returns the mail itself; the MX never held it', () => {
    const r = sim({ server: { quotaGracePercent: 0, quotaCheck: 'rcpt' }, accounts: [{ ...ALICE, quota: { messages: 1 } }], devices: [] })
      .at('day 1, 09:00', arrive('m1'), arrive('m2'))
      .run();
    r.expectLine('S: 552 5.2.2 <alice@example.org>: Recipient address rejected: Mailbox is full', 'SMTP');
    r.expectMailIn('m2', ['outside/bob@example.com']).expectStatus('m2', 'bounced');
    expect(r.lines('LMTP').filter((l) => l.includes('m2'))).toEqual([]);
  });

  it('rule 64: left at its default (lmtp) the refusal comes over LMTP after the MX took the mail', () => {
    const r = sim({ server: { quotaGracePercent: 0, quotaFull: 'temporary' }, accounts: [{ ...ALICE, quota: { messages: 1 } }], devices: [] })
      .at('day 1, 09:00', arrive('m1'), arrive('m2'))
      .run();
    r.expectLine('S: 452 4.2.2 <alice@example.org> Quota exceeded (mailbox for user is full)', 'LMTP');
    r.expectMailIn('m2', ['queue']);
    expect(r.lines('SMTP')).toEqual([]);
  });
});
