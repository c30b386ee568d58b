// What the timeline says happened must be what happened: nothing counted
// before the server answered, and no mail drawn leaving a place it is not in.
import { describe, expect, it } from 'vitest';
import { ALICE, arrive, check, del, send, sim, type SimResult } from './harness';

/** Every transfer out of a mailbox or a device folder starts where the mail was: a frame before, or brought there earlier in the same frame. */
function transfersStartWhereTheMailWas(r: SimResult): string[] {
  const wrong: string[] = [];
  const frames = r.timeline.frames;
  for (let i = 1; i < frames.length; i++) {
    const before = frames[i - 1].state;
    frames[i].transfers.forEach((t, k) => {
      if (!t.from || !/^(server|device)\//.test(t.from) || t.from === t.to) return;
      const there = [...(before.places.get(t.from)?.values() ?? [])].some((c) => c.mail === t.mail);
      const broughtHere = frames[i].transfers.slice(0, k).some((e) => e.to === t.from && e.mail === t.mail);
      if (!there && !broughtHere) wrong.push(`frame ${i} (${frames[i].label}): ${t.kind} of ${t.mail} from ${t.from}, where it was not`);
    });
  }
  return wrong;
}

describe('bookkeeping', () => {
  it('a delete the server refused (UID COPY → NO [OVERQUOTA]) is not counted as deleted by the user', () => {
    const r = sim({
      server: { quotaGracePercent: 0 },
      accounts: [{ ...ALICE, quota: { messages: 3 } }],
      devices: [{ id: 'laptop', kind: 'laptop', account: 'alice', protocol: 'imap', imap: { useMove: false, deleteAction: 'trash' } }],
    })
      .at('day 1, 09:00', arrive('m1'), arrive('m2'), arrive('m3'))
      .at('day 1, 09:10', check('laptop'))
      .at('day 1, 09:20', del('laptop', 'm1'))
      .run();
    r.expectLine(/^S: a\d+ NO \[OVERQUOTA\]/, 'IMAP').expectMailIn('m1', ['device/laptop/INBOX', 'server/alice/INBOX']).expectStatus('m1', 'present');
    expect(r.metrics.deletedByUser).toEqual([]);
    expect(r.metrics.views.find((v) => v.device === 'laptop')).toEqual({ device: 'laptop', shows: 3, of: 3 });
  });

  it('a mail refused at LMTP bounces from the MX, not out of the INBOX it never entered', () => {
    const r = sim({ server: { quotaGracePercent: 0 }, accounts: [{ ...ALICE, quota: { messages: 1 } }], devices: [] })
      .at('day 1, 09:00', arrive('m1'), arrive('m2'))
      .run();
    r.expectStatus('m2', 'bounced');
    const bounce = r.timeline.frames.flatMap((f) => f.transfers).find((t) => t.kind === 'bounce' && t.mail === 'm2');
    expect(bounce?.from).toBe('queue');
    expect(transfersStartWhereTheMailWas(r)).toEqual([]);
  });

  it('a sent mail is delivered from the submission server, not from the Outbox it already left', () => {
    for (const protocol of ['imap', 'pop3'] as const) {
      const r = sim({
        accounts: [ALICE, { id: 'bob', address: 'bob@example.org' }],
        devices: [{ id: 'laptop', kind: 'laptop', account: 'alice', protocol }],
      })
        .at('day 1, 09:00', send('laptop', 's1', ['bob'], { bccSelf: true }))
        .run();
      const delivery = r.timeline.frames.flatMap((f) => f.transfers).filter((t) => t.kind === 'deliver' && t.mail === 's1');
      expect(delivery.map((t) => t.from)).toEqual(['queue', 'queue']);
      expect(transfersStartWhereTheMailWas(r), protocol).toEqual([]);
    }
  });
});
