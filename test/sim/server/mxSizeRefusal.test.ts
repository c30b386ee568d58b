// Rule 67 at the MX: mail from another provider meets the same
// message_size_limit as submission. The refusal is a port-25 SMTP session in
// the transcript (server/mxRcpt.ts), so the conformance replay can put it to a
// real Postfix with the scenario's limit.
import { describe, expect, it } from 'vitest';
import { mxSizeRefusal, SIZE_REFUSED } from '../../../src/sim/server/mxRcpt';
import { ALICE, arrive, sim } from '../harness';

describe('the MX refuses mail over its size limit', () => {
  it('rule 67: an arrival over message_size_limit is refused at MAIL FROM with 552 5.3.4 — no RCPT, no DATA, no LMTP', () => {
    const r = sim({ accounts: [ALICE], devices: [] }).at('day 1, 09:00', arrive('m1', ['alice'], { sizeKB: 20_000 })).run();
    expect(r.lines('SMTP')).toEqual([
      'S: 220 mx.example.org ESMTP Postfix (Debian/GNU)',
      'C: EHLO mail.example.com',
      'S: 250-mx.example.org',
      'S: 250-PIPELINING',
      'S: 250-SIZE 10240000',
      'S: 250-VRFY',
      'S: 250-ETRN',
      'S: 250-STARTTLS',
      'S: 250-ENHANCEDSTATUSCODES',
      'S: 250-8BITMIME',
      'S: 250-DSN',
      'S: 250-SMTPUTF8',
      'S: 250 CHUNKING',
      `C: MAIL FROM:<bob@example.com> SIZE=${20_000 * 1024}`,
      'S: 552 5.3.4 Message size exceeds fixed limit',
      'C: QUIT',
      'S: 221 2.0.0 Bye',
    ]);
    expect(r.lines('LMTP')).toEqual([]);
    r.expectMailIn('m1', ['outside/bob@example.com']);
  });

  it('rule 67: with the limit raised the same arrival has no size refusal and is delivered over LMTP', () => {
    const r = sim({ server: { messageSizeLimit: 52_428_800 }, accounts: [ALICE], devices: [] }).at('day 1, 09:00', arrive('m1', ['alice'], { sizeKB: 20_000 })).run();
    expect(r.lines('SMTP').filter((l) => l.includes('552'))).toEqual([]);
    r.expectMailIn('m1', ['server/alice/INBOX']);
  });

  it('rule 67: the session states the size and the limit it is judged by', () => {
    const lines = mxSizeRefusal({ envelopeFrom: 'statik@example.net', senderHost: 'mail.example.net', size: 34_211_840, sizeLimit: 10_240_000 });
    expect(lines).toContainEqual({ dir: 'S', text: '250-SIZE 10240000' });
    expect(lines).toContainEqual({ dir: 'C', text: 'MAIL FROM:<statik@example.net> SIZE=34211840' });
    expect(lines.filter((l) => l.dir === 'C').map((l) => l.text.split(/[ :]/)[0])).toEqual(['EHLO', 'MAIL', 'QUIT']);
    expect(lines).toContainEqual({ dir: 'S', text: SIZE_REFUSED });
  });
});
