// Connection security and the size limit as a device meets them, run through
// the engine: the transcript a production Dovecot and Postfix would write, and
// where the mail ends up. Rules 35, 67, 70, 72 and 73 (docs/rules.md).
import { describe, expect, it } from 'vitest';
import { ALICE, arrive, check, send, sim } from '../harness';

type Tls = boolean | 'implicit' | 'starttls' | 'none';
const device = (id: string, protocol: 'imap' | 'pop3', tls: Tls) => ({ id, kind: 'laptop' as const, account: 'alice', protocol, tls });
const world = (devices: ReturnType<typeof device>[], server: Record<string, unknown> = {}) => ({ server, accounts: [ALICE], devices });
const HANDSHAKE = 'S: <TLS handshake: TLSv1.3, certificate mail.example.org>';

/** The lines of one session kind, in order, from the first line matching `from`. */
const after = (lines: string[], from: string, n: number) => {
  const i = lines.indexOf(from);
  expect(i, `a line ${from}`).toBeGreaterThanOrEqual(0);
  return lines.slice(i, i + n);
};

describe('connection security (TLS as deployed)', () => {
  it('rule 35: on 993 the handshake comes before the greeting, and LOGIN works at once', () => {
    const r = sim(world([device('laptop', 'imap', 'implicit')])).at('day 1, 09:00', arrive('m1')).at('day 1, 09:10', check('laptop')).run();
    const imap = r.lines('IMAP');
    expect(imap.slice(0, 3)).toEqual([HANDSHAKE, 'S: * OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ AUTH=PLAIN AUTH=LOGIN] Dovecot (Debian) ready.', 'C: a1 LOGIN alice secret']);
    r.expectMailIn('m1', ['device/laptop/INBOX', 'server/alice/INBOX']);
  });

  it('rule 35: on 143 the client sends STARTTLS, then CAPABILITY again, and only then LOGIN', () => {
    const r = sim(world([device('laptop', 'imap', 'starttls')])).at('day 1, 09:00', arrive('m1')).at('day 1, 09:10', check('laptop')).run();
    expect(r.lines('IMAP').slice(0, 8)).toEqual([
      'S: * OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ STARTTLS LOGINDISABLED] Dovecot (Debian) ready.',
      'C: a1 STARTTLS',
      'S: a1 OK Begin TLS negotiation now.',
      HANDSHAKE,
      'C: a2 CAPABILITY',
      'S: * CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ AUTH=PLAIN AUTH=LOGIN',
      'S: a2 OK Pre-login capabilities listed, post-login capabilities have more.',
      'C: a3 LOGIN alice secret',
    ]);
    r.expectMailIn('m1', ['device/laptop/INBOX', 'server/alice/INBOX']);
  });

  it('rule 73: a plaintext LOGIN on 143 is refused with [PRIVACYREQUIRED] and nothing is fetched', () => {
    const r = sim(world([device('laptop', 'imap', 'none')])).at('day 1, 09:00', arrive('m1')).at('day 1, 09:10', check('laptop')).run();
    expect(r.lines('IMAP')).toEqual([
      'S: * OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ STARTTLS LOGINDISABLED] Dovecot (Debian) ready.',
      'C: a1 LOGIN alice secret',
      'S: * BAD [ALERT] Plaintext authentication not allowed without SSL/TLS, but your client did it anyway. If anyone was listening, the password was exposed.',
      'S: a1 NO [PRIVACYREQUIRED] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.',
    ]);
    expect(r.timeline.frames.some((f) => f.narration?.key === 'transport.plaintextRefused')).toBe(true);
    r.expectMailIn('m1', ['server/alice/INBOX']);
  });

  it('rule 35: on 110 the client sends STLS, CAPA again, then USER and PASS', () => {
    const r = sim(world([device('phone', 'pop3', 'starttls')])).at('day 1, 09:00', arrive('m1')).at('day 1, 09:10', check('phone')).run();
    const pop = r.lines('POP3');
    expect(pop.slice(0, 12)).toEqual(['S: +OK Dovecot (Debian) ready.', 'C: CAPA', 'S: +OK', 'S: CAPA', 'S: TOP', 'S: UIDL', 'S: RESP-CODES', 'S: PIPELINING', 'S: AUTH-RESP-CODE', 'S: STLS', 'S: SASL', 'S: .']);
    expect(after(pop, 'C: STLS', 4)).toEqual(['C: STLS', 'S: +OK Begin TLS negotiation now.', HANDSHAKE, 'C: CAPA']);
    expect(after(pop, 'C: USER alice', 4)).toEqual(['C: USER alice', 'S: +OK', 'C: PASS secret', 'S: +OK Logged in.']);
    r.expectMailIn('m1', ['device/phone/Inbox']);
  });

  it('rule 73: USER before STLS on 110 is refused with -ERR [AUTH] and the password is not sent', () => {
    const r = sim(world([device('phone', 'pop3', 'none')])).at('day 1, 09:00', arrive('m1')).at('day 1, 09:10', check('phone')).run();
    const pop = r.lines('POP3');
    expect(pop.slice(-2)).toEqual(['C: USER alice', 'S: -ERR [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.']);
    r.expectNoLine(/^C: PASS/, 'POP3');
    r.expectMailIn('m1', ['server/alice/INBOX']);
  });

  it('rule 72: tls true means 993/995/465, false means 143/110/587 with STARTTLS (older files keep their meaning)', () => {
    const ports = (tls: Tls) => {
      const r = sim(world([device('laptop', 'imap', tls), device('phone', 'pop3', tls)]))
        .at('day 1, 09:00', arrive('m1'))
        .at('day 1, 09:10', check('laptop'), check('phone'), send('laptop', 's1', [], { toAddress: 'bob@example.com' }))
        // The check's connection is kept for saving s1 to Sent (rule 95); an hour later the laptop connects anew (rule 96).
        .at('day 1, 10:10', check('laptop'))
        .run();
      return r.timeline.frames.flatMap((f) => f.sessions.filter((s) => s.client !== 'mta').map((s) => `${s.protocol} ${s.port}`));
    };
    expect(ports(true)).toEqual(['IMAP 993', 'POP3 995', 'SMTP 465', 'IMAP 993']);
    expect(ports(false)).toEqual(['IMAP 143', 'POP3 110', 'SMTP 587', 'IMAP 143']);
    expect(ports('starttls')).toEqual(ports(false));
    expect(ports('implicit')).toEqual(ports(true));
  });
});

describe('submission (Postfix on 587 and 465)', () => {
  it('rule 73: on 587 AUTH is offered only after STARTTLS', () => {
    const r = sim(world([device('laptop', 'imap', 'starttls')])).at('day 1, 09:00', send('laptop', 's1', [], { toAddress: 'bob@example.com' })).run();
    const smtp = r.lines('SMTP');
    const first = smtp.slice(0, smtp.indexOf('C: STARTTLS'));
    expect(first).toContain('S: 250-STARTTLS');
    expect(first.some((l) => l.startsWith('S: 250-AUTH'))).toBe(false);
    expect(after(smtp, 'C: STARTTLS', 4)).toEqual(['C: STARTTLS', 'S: 220 2.0.0 Ready to start TLS', HANDSHAKE, 'C: EHLO laptop']);
    expect(smtp.slice(smtp.indexOf('C: STARTTLS'))).toContain('S: 250-AUTH PLAIN LOGIN');
    r.expectMailIn('s1', ['device/laptop/Sent', 'outside/bob@example.com', 'server/alice/Sent']);
  });

  it('rule 73: set up without encryption, the client finds no AUTH on 587 and the mail stays in the Outbox', () => {
    const r = sim(world([device('laptop', 'imap', 'none')])).at('day 1, 09:00', send('laptop', 's1', [], { toAddress: 'bob@example.com' })).run();
    const smtp = r.lines('SMTP');
    expect(smtp.slice(-2)).toEqual(['C: QUIT', 'S: 221 2.0.0 Bye']);
    expect(smtp.some((l) => l.startsWith('C: AUTH') || l.startsWith('C: MAIL'))).toBe(false);
    r.expectMailIn('s1', ['device/laptop/Outbox']);
  });

  it('rule 70: submission reads as Postfix 3.7 on Debian, with SIZE= in MAIL FROM', () => {
    const r = sim(world([device('laptop', 'imap', 'implicit')])).at('day 1, 09:00', send('laptop', 's1', [], { toAddress: 'bob@example.com', sizeKB: 10 })).run();
    expect(r.lines('SMTP').slice(0, 18)).toEqual([
      HANDSHAKE,
      'S: 220 mail.example.org ESMTP Postfix (Debian/GNU)',
      'C: EHLO laptop',
      'S: 250-mail.example.org',
      'S: 250-PIPELINING',
      'S: 250-SIZE 10240000',
      'S: 250-VRFY',
      'S: 250-ETRN',
      'S: 250-AUTH PLAIN LOGIN',
      'S: 250-ENHANCEDSTATUSCODES',
      'S: 250-8BITMIME',
      'S: 250-DSN',
      'S: 250-SMTPUTF8',
      'S: 250 CHUNKING',
      'C: AUTH PLAIN <credentials>',
      'S: 235 2.7.0 Authentication successful',
      'C: MAIL FROM:<alice@example.org> SIZE=10240',
      'S: 250 2.1.0 Ok',
    ]);
  });
});

describe("the size limit (Postfix's message_size_limit)", () => {
  // 7,700,000 bytes of attachment are 10,266,680 octets base64-encoded in lines of 76 (conformance/message.ts).
  const overOnceEncodedKB = 10_266_680 / 1024 + 1;

  it('rule 67: a message over message_size_limit is refused at MAIL FROM with 552 5.3.4 and never leaves the sender', () => {
    const r = sim(world([device('laptop', 'imap', 'implicit')])).at('day 1, 09:00', send('laptop', 'big', ['alice'], { sizeKB: overOnceEncodedKB })).run();
    const smtp = r.lines('SMTP');
    expect(smtp.slice(-4)).toEqual([`C: MAIL FROM:<alice@example.org> SIZE=${Math.round(overOnceEncodedKB * 1024)}`, 'S: 552 5.3.4 Message size exceeds fixed limit', 'C: QUIT', 'S: 221 2.0.0 Bye']);
    r.expectNoLine('C: DATA', 'SMTP');
    r.expectMailIn('big', ['device/laptop/Outbox']);
    expect(r.lines('LMTP')).toEqual([]);
  });

  it('rule 67: with the limit raised the same message is delivered, and EHLO advertises the raised SIZE', () => {
    const r = sim(world([device('laptop', 'imap', 'implicit')], { messageSizeLimit: 52_428_800 })).at('day 1, 09:00', send('laptop', 'big', ['alice'], { sizeKB: overOnceEncodedKB })).run();
    r.expectLine('S: 250-SIZE 52428800', 'SMTP');
    r.expectLine(/^S: 250 2\.0\.0 Ok: queued as /, 'SMTP');
    expect(r.placesOf('big')).toContain('server/alice/INBOX');
  });

  it('rule 67: mail from another provider over the limit is refused by the MX and stays with its sender', () => {
    const r = sim(world([device('laptop', 'imap', 'implicit')])).at('day 1, 09:00', arrive('m1', ['alice'], { sizeKB: 20_000 })).at('day 1, 09:10', check('laptop')).run();
    r.expectMailIn('m1', ['outside/bob@example.com']);
    expect(r.lines('LMTP')).toEqual([]);
    expect(r.timeline.frames.some((f) => f.narration?.key === 'transport.arrivalTooLarge')).toBe(true);
  });
});
