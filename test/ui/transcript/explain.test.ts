import { describe, expect, it } from 'vitest';
import { explainKey } from '../../../src/ui/transcript/explain';
import { uiEn } from '../../../src/i18n/ui.en';
import { uiDe } from '../../../src/i18n/ui.de';

describe('explaining transcript lines', () => {
  it('finds POP3, IMAP (tagged, UID commands) and SMTP commands', () => {
    expect(explainKey('POP3', 'C', 'DELE 2')).toBe('pop3.DELE');
    expect(explainKey('IMAP', 'C', 'a7 UID EXPUNGE 4')).toBe('imap.UID_EXPUNGE');
    expect(explainKey('IMAP', 'C', 'a3 EXPUNGE')).toBe('imap.EXPUNGE');
    expect(explainKey('LMTP', 'C', 'RCPT TO:<anna@example.org>')).toBe('smtp.RCPT');
    expect(explainKey('LMTP', 'C', 'MAIL FROM:<ben@example.net>')).toBe('smtp.MAIL');
  });
  it('explains the answers that teach something', () => {
    expect(explainKey('LMTP', 'S', '552 5.2.2 <anna@example.org> Quota exceeded')).toBe('reply.smtp552');
    expect(explainKey('IMAP', 'S', 'a4 NO [OVERQUOTA] Quota exceeded')).toBe('reply.overquota');
    expect(explainKey('IMAP', 'S', '* 2 EXPUNGE')).toBe('reply.untaggedExpunge');
    expect(explainKey('POP3', 'S', '-ERR [IN-USE] Mailbox locked')).toBe('reply.inUse');
    expect(explainKey('POP3', 'S', 'Subject: hello')).toBeNull();
  });
  it('explains the TLS handshake, what is offered before and after TLS, and the refusals', () => {
    expect(explainKey('IMAP', 'S', '<TLS handshake: TLSv1.3, certificate mail.example.org>')).toBe('wire.handshake');
    expect(explainKey('IMAP', 'S', '* OK [CAPABILITY IMAP4rev1 LITERAL+ STARTTLS LOGINDISABLED] Dovecot (Debian) ready.')).toBe('wire.loginDisabled');
    expect(explainKey('IMAP', 'S', 'a1 NO [PRIVACYREQUIRED] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.')).toBe('wire.privacyRequired');
    expect(explainKey('POP3', 'S', '-ERR [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.')).toBe('wire.pop3Plaintext');
    expect(explainKey('POP3', 'S', '-ERR [AUTH] Authentication failed.')).toBe('reply.pop3Err');
    expect(explainKey('SMTP', 'S', '552 5.3.4 Message size exceeds fixed limit')).toBe('wire.smtp552size');
    expect(explainKey('LMTP', 'S', '552 5.2.2 <a@b> Quota exceeded (mailbox for user is full)')).toBe('reply.smtp552');
    expect(explainKey('SMTP', 'S', '220 2.0.0 Ready to start TLS')).toBe('wire.beginTls');
  });
  it('every key it can return has a text in both languages', () => {
    const lines: (readonly [Parameters<typeof explainKey>[0], 'C' | 'S', string])[] = [
      ...['USER a', 'PASS b', 'STAT', 'LIST', 'UIDL', 'RETR 1', 'TOP 1 0', 'DELE 1', 'RSET', 'QUIT', 'CAPA', 'STLS', 'NOOP', 'APOP a b', 'AUTH PLAIN'].map((l) => ['POP3', 'C', l] as const),
      ...['CAPABILITY', 'LOGIN a b', 'SELECT INBOX', 'EXAMINE INBOX', 'LIST "" *', 'STATUS INBOX', 'FETCH 1 BODY[]', 'UID FETCH 1 BODY[]', 'STORE 1 +FLAGS', 'UID STORE 1 +FLAGS', 'COPY 1 Trash', 'UID COPY 1 Trash', 'MOVE 1 Trash', 'UID MOVE 1 Trash', 'EXPUNGE', 'UID EXPUNGE 1', 'APPEND Sent', 'CLOSE', 'UNSELECT', 'LOGOUT', 'IDLE', 'NOOP', 'CREATE X', 'ENABLE QRESYNC', 'GETQUOTAROOT INBOX', 'SEARCH ALL', 'UID SEARCH ALL', 'STARTTLS', 'ID NIL', 'NAMESPACE', 'DELETE X', 'AUTHENTICATE PLAIN'].map((l) => ['IMAP', 'C', `a1 ${l}`] as const),
      ['IMAP', 'C', 'DONE'],
      ...['EHLO x', 'HELO x', 'LHLO x', 'MAIL FROM:<a@b>', 'RCPT TO:<a@b>', 'DATA', 'QUIT', 'STARTTLS', 'AUTH PLAIN', 'RSET', 'NOOP'].map((l) => ['SMTP', 'C', l] as const),
      ...['<TLS handshake: TLSv1.3, certificate mail.example.org>', 'a1 OK Begin TLS negotiation now.', '* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] x', '* BAD [ALERT] Plaintext authentication not allowed without SSL/TLS, but your client did it anyway.', 'a1 NO [PRIVACYREQUIRED] x', '* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN AUTH=LOGIN] x'].map((l) => ['IMAP', 'S', l] as const),
      ...['-ERR [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.', 'STLS', 'USER'].map((l) => ['POP3', 'S', l] as const),
      ...['250-STARTTLS', '250-AUTH PLAIN LOGIN', '250-SIZE 10240000', '552 5.3.4 Message size exceeds fixed limit', '220 2.0.0 Ready to start TLS'].map((l) => ['SMTP', 'S', l] as const),
      ['LMTP', 'S', '250 STARTTLS'],
    ];
    for (const [p, d, l] of lines) {
      const k = explainKey(p, d, l);
      expect(k, l).not.toBeNull();
      const [group, name] = k!.split('.');
      expect((uiEn.cmd as Record<string, Record<string, string>>)[group][name], l).toBeTruthy();
      expect((uiDe.cmd as Record<string, Record<string, string>>)[group][name], l).toBeTruthy();
    }
  });
});
