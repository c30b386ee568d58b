// Which explanation belongs to a transcript line: the command a client sent, or
// the kind of answer a server gave. Returns a key under "ui.cmd." (texts in both
// languages live in src/i18n/ui.*.ts), or null for lines that need none.
export type LineProtocol = 'POP3' | 'IMAP' | 'SMTP' | 'LMTP';

const POP3 = new Set(['USER', 'PASS', 'APOP', 'STAT', 'LIST', 'UIDL', 'RETR', 'TOP', 'DELE', 'RSET', 'NOOP', 'QUIT', 'CAPA', 'STLS', 'AUTH']);
const IMAP_TWO = new Set(['UID FETCH', 'UID STORE', 'UID COPY', 'UID MOVE', 'UID EXPUNGE', 'UID SEARCH']);
const IMAP = new Set(['CAPABILITY', 'LOGIN', 'AUTHENTICATE', 'STARTTLS', 'SELECT', 'EXAMINE', 'LIST', 'STATUS', 'FETCH', 'STORE', 'SEARCH', 'COPY', 'MOVE', 'EXPUNGE', 'APPEND', 'CLOSE', 'UNSELECT', 'LOGOUT', 'IDLE', 'DONE', 'NOOP', 'CREATE', 'DELETE', 'ENABLE', 'ID', 'GETQUOTAROOT', 'NAMESPACE']);
const SMTP = new Set(['EHLO', 'HELO', 'LHLO', 'MAIL', 'RCPT', 'DATA', 'QUIT', 'STARTTLS', 'AUTH', 'RSET', 'NOOP']);

const safe = (s: string) => s.replace(/[^A-Z0-9]/g, '_');

/**
 * Server lines about connection security and the size limit (keys under
 * "ui.cmd.wire."), asked before the general answers: the TLS handshake line,
 * what is offered before and after TLS, and the refusals.
 */
function wireKey(protocol: LineProtocol, line: string): string | null {
  if (/^<TLS handshake: /.test(line)) return 'wire.handshake';
  if (/Begin TLS negotiation now\.$|^220 2\.0\.0 Ready to start TLS$/.test(line)) return 'wire.beginTls';
  if (protocol === 'IMAP') {
    if (/\bLOGINDISABLED\b/.test(line)) return 'wire.loginDisabled';
    if (/^\* BAD \[ALERT\] Plaintext authentication/.test(line)) return 'wire.plaintextAlert';
    if (/\[PRIVACYREQUIRED\]/.test(line)) return 'wire.privacyRequired';
    if (/^\* OK \[CAPABILITY [^\]]*AUTH=PLAIN/.test(line)) return 'wire.authOffered';
  }
  if (protocol === 'POP3') {
    if (/^-ERR \[AUTH\] Plaintext authentication disallowed/.test(line)) return 'wire.pop3Plaintext';
    if (line === 'STLS') return 'wire.stlsOffered';
    if (line === 'USER') return 'wire.userOffered';
  }
  if (protocol === 'SMTP' || protocol === 'LMTP') {
    if (/^250[ -]STARTTLS$/.test(line)) return protocol === 'LMTP' ? 'wire.lmtpStarttls' : 'wire.smtpStarttls';
    if (/^250[ -]AUTH /.test(line)) return 'wire.smtpAuth';
    if (/^250[ -]SIZE \d+/.test(line)) return 'wire.smtpSize';
    if (/^552 5\.3\.4\b/.test(line)) return 'wire.smtp552size';
  }
  return null;
}

export function explainKey(protocol: LineProtocol, dir: 'C' | 'S', text: string): string | null {
  const line = text.trim();
  if (!line) return null;
  if (dir === 'S') {
    const wire = wireKey(protocol, line);
    if (wire) return wire;
  }
  if (dir === 'C') {
    const words = line.split(/\s+/);
    if (protocol === 'POP3') {
      const w = words[0].toUpperCase();
      return POP3.has(w) ? `pop3.${w}` : null;
    }
    if (protocol === 'IMAP') {
      if (words[0].toUpperCase() === 'DONE') return 'imap.DONE';
      const rest = words.slice(1).map((w) => w.toUpperCase());
      const two = `${rest[0]} ${rest[1] ?? ''}`.trim();
      if (IMAP_TWO.has(two)) return `imap.${safe(two)}`;
      return rest[0] && IMAP.has(rest[0]) ? `imap.${rest[0]}` : null;
    }
    const w = words[0].toUpperCase().replace(/:.*$/, '');
    return SMTP.has(w) ? `smtp.${w}` : null;
  }
  if (protocol === 'POP3') {
    if (/\[IN-USE\]/i.test(line)) return 'reply.inUse';
    if (line.startsWith('+OK')) return 'reply.pop3Ok';
    if (line.startsWith('-ERR')) return 'reply.pop3Err';
    return null;
  }
  if (protocol === 'IMAP') {
    if (/\[OVERQUOTA\]/i.test(line)) return 'reply.overquota';
    if (/\[TRYCREATE\]/i.test(line)) return 'reply.trycreate';
    if (/^\*\s+\d+\s+EXPUNGE/i.test(line)) return 'reply.untaggedExpunge';
    if (/^\*\s+\d+\s+EXISTS/i.test(line)) return 'reply.exists';
    if (/^\*\s+\d+\s+FETCH/i.test(line)) return 'reply.untaggedFetch';
    if (/^\*\s+VANISHED/i.test(line)) return 'reply.vanished';
    if (/\[COPYUID/i.test(line)) return 'reply.copyuid';
    if (/\[APPENDUID/i.test(line)) return 'reply.appenduid';
    if (/^\S+\s+NO\b/i.test(line)) return 'reply.imapNo';
    if (/^\S+\s+BAD\b/i.test(line)) return 'reply.imapBad';
    return null;
  }
  const code = /^(\d{3})[\s-]/.exec(line + ' ')?.[1];
  if (code === '552' || code === '452' || code === '550' || code === '354' || code === '250' || code === '221') return `reply.smtp${code}`;
  return null;
}
