// The private Postfix's settings: defaults are Postfix's own, a run may set the
// queue's timing, and what Postfix would misread is refused with its name.
import { describe, expect, it } from 'vitest';
import { POSTFIX_DEFAULT_QUEUE, POSTFIX_DEFAULT_SIZE_LIMIT, postfixEnv, postfixSeconds } from '../../conformance/postfix-config';
import { base64EncodedBytes, messageWithAttachment } from '../../conformance/message';

describe('postfixEnv', () => {
  it("writes Postfix's defaults when the run says nothing", () => {
    const env = postfixEnv({ smtpPort: 2525, lmtpPort: 2424 });
    expect(env).toMatchObject({
      SMTP_PORT: '2525',
      SUBMISSION_PORT: '0',
      LMTP_PORT: '2424',
      MX_HOSTNAME: 'mx.example.org',
      DOMAINS: 'example.org example.com',
      MESSAGE_SIZE_LIMIT: '10240000',
      QUEUE_RUN_DELAY: '300s',
      MINIMAL_BACKOFF_TIME: '300s',
      MAXIMAL_BACKOFF_TIME: '4000s',
      MAXIMAL_QUEUE_LIFETIME: '5d',
      BOUNCE_QUEUE_LIFETIME: '5d',
      TLS_CERT: '',
      SASL_PATH: '',
    });
    expect(POSTFIX_DEFAULT_SIZE_LIMIT).toBe(10240000);
  });

  it('takes queue timing and a size limit per run', () => {
    const env = postfixEnv({ smtpPort: 2525, lmtpPort: 2424, messageSizeLimit: 52428800, queue: { minimalBackoffTime: '1m', maximalQueueLifetime: '1d' } });
    expect(env.MESSAGE_SIZE_LIMIT).toBe('52428800');
    expect(env.MINIMAL_BACKOFF_TIME).toBe('1m');
    expect(env.MAXIMAL_QUEUE_LIFETIME).toBe('1d');
    expect(env.QUEUE_RUN_DELAY).toBe(POSTFIX_DEFAULT_QUEUE.queueRunDelay);
  });

  it('refuses what Postfix would misread, naming the setting', () => {
    expect(() => postfixEnv({ smtpPort: 0, lmtpPort: 24 })).toThrow(/smtpPort must be a TCP port/);
    expect(() => postfixEnv({ smtpPort: 25, lmtpPort: 24, queue: { queueRunDelay: '5 min' } })).toThrow(/queue.queueRunDelay must be a Postfix time value/);
    expect(() => postfixEnv({ smtpPort: 25, lmtpPort: 24, queue: { minimalBackoffTime: '2h', maximalBackoffTime: '1h' } })).toThrow(/minimalBackoffTime \(2h\) exceeds/);
    expect(() => postfixEnv({ smtpPort: 25, lmtpPort: 24, messageSizeLimit: -1 })).toThrow(/messageSizeLimit/);
    expect(() => postfixEnv({ smtpPort: 25, lmtpPort: 24, domains: ['example.org; rm -rf /'] })).toThrow(/not a host name/);
    expect(() => postfixEnv({ smtpPort: 25, lmtpPort: 24, submissionPort: 587 })).toThrow(/needs tls and saslPath/);
  });

  it('counts Postfix time units', () => {
    expect(postfixSeconds('300')).toBe(300);
    expect(postfixSeconds('300s')).toBe(300);
    expect(postfixSeconds('5m')).toBe(300);
    expect(postfixSeconds('5d')).toBe(432000);
    expect(postfixSeconds('1w')).toBe(604800);
    expect(() => postfixSeconds('1y')).toThrow(/not a Postfix time value/);
  });
});

describe('the size Postfix counts', () => {
  it('is the attachment base64-encoded: about 4/3, plus line ends', () => {
    expect(base64EncodedBytes(3)).toBe(4 + 2);
    expect(base64EncodedBytes(57)).toBe(76 + 2); // one full line
    expect(base64EncodedBytes(58)).toBe(80 + 4);
    // a 25 MB attachment is about 34 MB as sent: more than three times the default limit
    const mb25 = 25_000_000;
    expect(base64EncodedBytes(mb25)).toBeGreaterThan((mb25 * 4) / 3);
    expect(base64EncodedBytes(mb25) / 1e6).toBeCloseTo(34.2, 1);
    expect(base64EncodedBytes(mb25) / POSTFIX_DEFAULT_SIZE_LIMIT).toBeGreaterThan(3);
  });

  it('matches the message the self-check sends', () => {
    const m = messageWithAttachment({ id: 'big', from: 'bob@example.com', to: ['anna@example.org'], subject: 'The file' }, 30000);
    const text = m.toString('latin1');
    const body = text.slice(text.indexOf('Content-Disposition'));
    const encoded = body.slice(body.indexOf('\r\n\r\n') + 4, body.lastIndexOf('--=_sandbox'));
    expect(encoded.length).toBe(base64EncodedBytes(30000));
    expect(Buffer.from(encoded.replace(/\r\n/g, ''), 'base64').length).toBe(30000);
  });
});
