// Reading a bounce as Postfix 3.7 wrote it (fixture: the harness's delivery
// self-check, a 4 KB mail to a full mailbox with Dovecot's default quota_full_tempfail = no).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { headerFields, parseDsn } from '../../conformance/dsn';

const bounce = readFileSync(path.join(__dirname, 'fixtures', 'postfix-3.7-bounce-quota.eml'), 'latin1');

describe('parseDsn', () => {
  it('reads the status, action and diagnostic of a quota bounce', () => {
    const dsn = parseDsn(bounce);
    expect(dsn.from).toBe('Mail Delivery System <MAILER-DAEMON@mx.example.org>');
    expect(dsn.returnPath).toBe(''); // the null sender: a bounce never bounces
    expect(dsn.to).toBe('bob@example.com');
    expect(dsn.reportingMta).toBe('mx.example.org');
    expect(dsn.recipients).toEqual([
      {
        finalRecipient: 'anna@example.org',
        originalRecipient: 'anna@example.org',
        action: 'failed',
        status: '5.2.2',
        remoteMta: '127.0.0.1',
        // folded over two lines in the report, unfolded here
        diagnosticCode: '552 5.2.2 <anna@example.org> Quota exceeded (mailbox for user is full)',
      },
    ]);
  });

  it('reads one block per recipient', () => {
    const two = bounce.replace(
      'Diagnostic-Code: smtp; 552',
      'Diagnostic-Code: smtp; 550 5.1.1 unknown\r\n\r\nFinal-Recipient: rfc822; dave@example.org\r\nAction: delayed\r\nStatus: 4.2.2\r\nDiagnostic-Code: smtp; 552',
    );
    expect(parseDsn(two).recipients.map((r) => [r.finalRecipient, r.action, r.status])).toEqual([
      ['anna@example.org', 'failed', '5.2.2'],
      ['dave@example.org', 'delayed', '4.2.2'],
    ]);
  });

  it('says what is missing when the mail is no DSN', () => {
    expect(() => parseDsn('Subject: hi\r\n\r\nhello\r\n')).toThrow(/not multipart\/report/);
    expect(() => parseDsn('Subject: hi')).toThrow(/separator/);
    expect(() => parseDsn(bounce.replace('Content-Type: message/delivery-status', 'Content-Type: text/plain'))).toThrow(/no message\/delivery-status part/);
    expect(() => parseDsn(bounce.replace('Status: 5.2.2', 'X-Status: 5.2.2'))).toThrow(/recipient block 1 has no status/);
  });
});

describe('headerFields', () => {
  it('unfolds continuation lines and keeps the first of each name', () => {
    const f = headerFields('Content-Type: multipart/report;\r\n\tboundary="b"\r\nX-A: 1\r\nx-a: 2\r\n');
    expect(f.get('content-type')).toBe('multipart/report; boundary="b"');
    expect(f.get('x-a')).toBe('1');
  });
});
