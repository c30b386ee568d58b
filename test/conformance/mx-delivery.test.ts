// The delivery check's account of the model (conformance/mx-delivery.ts):
// what the real MX must show for a refusal over LMTP.
import { describe, expect, it } from 'vitest';
import { expectedLines, queueFates } from '../../conformance/mx-delivery';

const mail = { id: 'm3', from: 'ben@example.net', to: ['anna@example.org'], subject: 'Meeting' };

describe('the delivery side through the real MX', () => {
  it('rule 30: a 452 over LMTP means the mail waits in the MX queue with that reply as its delay reason, and no bounce', () => {
    const reply = '452 4.2.2 <anna@example.org> Quota exceeded (mailbox for user is full)';
    expect(expectedLines({ from: 'ben@example.net', mail, size: 6144, refusals: [{ address: 'anna@example.org', reply }] }, 'mx.example.org')).toEqual([
      'S: 250 2.0.0 Ok: queued as {id}',
      `MX queue: deferred → anna@example.org: ${reply}`,
    ]);
  });

  it('rule 29: a 552 over LMTP means a bounce from the MX with Status 5.2.2 and the reply as Diagnostic-Code, nothing queued', () => {
    const reply = '552 5.2.2 <anna@example.org> Quota exceeded (mailbox for user is full)';
    expect(expectedLines({ from: 'ben@example.net', mail, size: 6144, refusals: [{ address: 'anna@example.org', reply }] }, 'mx.example.org')).toEqual([
      'S: 250 2.0.0 Ok: queued as {id}',
      'MX queue: nothing from <ben@example.net>',
      'bounce From: Mail Delivery System <MAILER-DAEMON@mx.example.org>',
      'bounce envelope sender: <> (null)',
      'bounce Reporting-MTA: mx.example.org',
      'bounce anna@example.org: Action failed, Status 5.2.2',
      `bounce anna@example.org: Diagnostic-Code ${reply}`,
    ]);
  });

  const temp = '452 4.2.2 <anna@example.org> Quota exceeded (mailbox for user is full)';
  const deferred = { from: 'ben@example.net', mail, size: 6144, refusals: [{ address: 'anna@example.org', reply: temp }] };

  it('rule 66: a deferred mail the model delivers once space is freed leaves the MX queue for the INBOX on postqueue -f', () => {
    expect(expectedLines(deferred, 'mx.example.org', 'delivered').slice(2)).toEqual(['after postqueue -f: MX queue: nothing from <ben@example.net>', 'after postqueue -f: anna@example.org INBOX holds "Meeting"']);
  });

  it('rule 66: a deferred mail the model lets expire comes back from the MX as failed, with the 4.2.2 of its last try', () => {
    expect(expectedLines(deferred, 'mx.example.org', 'expired').slice(2)).toEqual([
      'expired: MX queue: nothing from <ben@example.net>',
      'expired: bounce From: Mail Delivery System <MAILER-DAEMON@mx.example.org>',
      'expired: bounce envelope sender: <> (null)',
      'expired: bounce Reporting-MTA: mx.example.org',
      'expired: bounce anna@example.org: Action failed, Status 4.2.2',
      `expired: bounce anna@example.org: Diagnostic-Code ${temp}`,
    ]);
  });

  it("rule 66: a mail's fate is the model's first retry delivery or expiry of it", () => {
    const n = (key: string, mail: string) => ({ narration: { key, params: { mail } } });
    const fates = queueFates([n('delivery.tempRefused', 'm1'), n('delivery.retryRefused', 'm1'), n('delivery.expired', 'm1'), n('delivery.retryDelivered', 'm2'), n('delivery.expired', 'm2')]);
    expect([...fates]).toEqual([
      ['m1', 'expired'],
      ['m2', 'delivered'],
    ]);
  });
});
