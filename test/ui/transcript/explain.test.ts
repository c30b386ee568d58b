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
  it('every key it can return has a text in both languages', () => {
    const lines: (readonly [Parameters<typeof explainKey>[0], 'C' | 'S', string])[] = [
      ...['USER a', 'PASS b', 'STAT', 'LIST', 'UIDL', 'RETR 1', 'TOP 1 0', 'DELE 1', 'RSET', 'QUIT', 'CAPA', 'STLS', 'NOOP', 'APOP a b', 'AUTH PLAIN'].map((l) => ['POP3', 'C', l] as const),
      ...['CAPABILITY', 'LOGIN a b', 'SELECT INBOX', 'EXAMINE INBOX', 'LIST "" *', 'STATUS INBOX', 'FETCH 1 BODY[]', 'UID FETCH 1 BODY[]', 'STORE 1 +FLAGS', 'UID STORE 1 +FLAGS', 'COPY 1 Trash', 'UID COPY 1 Trash', 'MOVE 1 Trash', 'UID MOVE 1 Trash', 'EXPUNGE', 'UID EXPUNGE 1', 'APPEND Sent', 'CLOSE', 'UNSELECT', 'LOGOUT', 'IDLE', 'NOOP', 'CREATE X', 'ENABLE QRESYNC', 'GETQUOTAROOT INBOX', 'SEARCH ALL', 'UID SEARCH ALL', 'STARTTLS', 'ID NIL', 'NAMESPACE', 'DELETE X', 'AUTHENTICATE PLAIN'].map((l) => ['IMAP', 'C', `a1 ${l}`] as const),
      ['IMAP', 'C', 'DONE'],
      ...['EHLO x', 'HELO x', 'LHLO x', 'MAIL FROM:<a@b>', 'RCPT TO:<a@b>', 'DATA', 'QUIT', 'STARTTLS', 'AUTH PLAIN', 'RSET', 'NOOP'].map((l) => ['SMTP', 'C', l] as const),
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
