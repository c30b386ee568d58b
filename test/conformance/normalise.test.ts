// The comparator, checked against a real Dovecot 2.3.19 session log
// (dovecot-2.3.19-observed.txt beside this file): every observed reply must
// compare equal to itself and to itself with the unknowable values changed
// consistently, and a changed status, code or count must be caught.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareReply, formatDiff, Mapper, sameLine, skeleton, type Protocol } from '../../conformance/normalise';

interface Reply {
  readonly session: string;
  readonly protocol: Protocol;
  readonly command: string | null;
  readonly lines: string[];
}

function protocolOf(label: string): Protocol {
  if (label === 'LMTP') return 'LMTP';
  if (/^(POP|DEV)/.test(label)) return 'POP3';
  return 'IMAP';
}

/** The log's replies: the S lines after each C line (or after connecting), per session label. */
function replies(): Reply[] {
  const text = readFileSync(new URL('./dovecot-2.3.19-observed.txt', import.meta.url), 'utf8');
  const out: Reply[] = [];
  const open = new Map<string, Reply>();
  for (const raw of text.split('\n')) {
    const m = /^ {2}(\S+) ([CS]): (.*)$/.exec(raw);
    if (!m) continue;
    const [, label, dir, line] = m;
    if (dir === 'C') {
      const r: Reply = { session: label, protocol: protocolOf(label), command: line, lines: [] };
      out.push(r);
      open.set(label, r);
    } else {
      let r = open.get(label);
      if (!r || (r.command !== null && /^(\+OK Dovecot|\* OK \[CAPABILITY|220 )/.test(line))) {
        r = { session: label, protocol: protocolOf(label), command: null, lines: [] };
        out.push(r);
        open.set(label, r);
      }
      r.lines.push(line);
    }
  }
  return out.filter((r) => r.lines.length > 0);
}

/** Change the values the model cannot know the way another run of Dovecot would. */
function otherRun(line: string): string {
  return line
    .replace(/\((\d+\.\d{3}) \+ (\d+\.\d{3})( \+ \d+\.\d{3})? secs\)/, '(0.042 + 0.007 secs)')
    .replace(/179531109(\d)/g, (_, d) => String(1600000000 + Number(d) - 2))
    .replace(/^((?:\+OK )?\d+ [0-9a-f]{8})6b0245f4$/, '$15f5e1000')
    .replace(/([A-Za-z0-9+/]{22})( Saved)$/, (_, id, rest) => [...id].reverse().join('') + rest)
    .replace(/^(\tid )([A-Za-z0-9+/]{22})$/, (_, head, id) => head + [...id].reverse().join(''))
    .replace(/\d\d:\d\d:\d\d \+0000/, '23:59:59 +0000');
}

const all = replies();

describe('normaliser on the observed Dovecot 2.3.19 log', () => {
  it('finds the log and its replies', () => {
    expect(all.length).toBeGreaterThan(100);
    expect(all.some((r) => r.protocol === 'LMTP')).toBe(true);
    expect(all.some((r) => r.protocol === 'POP3')).toBe(true);
  });

  it('every observed reply compares equal to itself', () => {
    const mapper = new Mapper();
    for (const r of all) expect(compareReply(r.lines, r.lines, r.protocol, mapper), `${r.session} ${r.command}`).toBeNull();
  });

  it('a second run with other UIDVALIDITY, UIDL hex, LMTP ids, timings and dates compares equal', () => {
    const mapper = new Mapper();
    for (const r of all) {
      const diff = compareReply(r.lines, r.lines.map(otherRun), r.protocol, mapper);
      expect(diff, `${r.session} ${r.command}\n${diff ? formatDiff(diff) : ''}`).toBeNull();
    }
  });

  it('a changed status is caught in every protocol', () => {
    const flips: [RegExp, string][] = [
      [/^\+OK/, '-ERR'],
      [/^(\S+) OK /, '$1 NO '],
      [/^250 2\.0\.0/, '552 5.2.2'],
      [/^552 5\.2\.2/, '452 4.2.2'],
    ];
    let caught = 0;
    for (const r of all) {
      r.lines.forEach((line, i) => {
        for (const [re, to] of flips) {
          if (!re.test(line)) continue;
          const changed = [...r.lines];
          changed[i] = line.replace(re, to);
          expect(compareReply(r.lines, changed, r.protocol, new Mapper()), `${r.session} ${line}`).not.toBeNull();
          caught++;
        }
      });
    }
    expect(caught).toBeGreaterThan(100);
  });

  it('response codes, counts and sizes are compared, not masked', () => {
    const m = new Mapper();
    expect(sameLine('a3 NO [OVERQUOTA] Quota exceeded (mailbox for user is full) (0.006 + 0.000 + 0.005 secs).', 'a3 NO [TRYCREATE] Mailbox doesn\'t exist: Foo (0.001 + 0.000 secs).', 'IMAP', m)).toBe(false);
    expect(sameLine('+OK 3 1047', '+OK 3 1048', 'POP3', m)).toBe(false);
    expect(sameLine('+OK 349 octets', '+OK 350 octets', 'POP3', m)).toBe(false);
    expect(sameLine('* 3 EXISTS', '* 4 EXISTS', 'IMAP', m)).toBe(false);
    expect(sameLine('* OK [COPYUID 7 4 1] Moved UIDs.', '* OK [COPYUID 9 4 2] Moved UIDs.', 'IMAP', m)).toBe(false);
    expect(sameLine('-ERR Message is deleted.', '-ERR Message 1 expunged.', 'POP3', m)).toBe(false);
    expect(sameLine('a5 OK Move completed (0.008 + 0.000 + 0.007 secs).', 'a5 OK Move completed.', 'IMAP', m)).toBe(false);
  });

  it('a missing or extra line is caught and shown as a diff', () => {
    const r = all.find((x) => x.command === 'LIST' && x.protocol === 'POP3')!;
    const diff = compareReply(r.lines, r.lines.slice(1), 'POP3', new Mapper());
    expect(diff).not.toBeNull();
    expect(formatDiff(diff!)).toContain('model   | +OK 3 messages:');
  });

  it('UIDVALIDITY maps one to one across IMAP and the POP3 UIDL', () => {
    const m = new Mapper();
    expect(sameLine('* OK [UIDVALIDITY 1] UIDs valid', '* OK [UIDVALIDITY 1795311092] UIDs valid', 'IMAP', m)).toBe(true);
    // Dovecot's UIDL is %08Xu%08Xv: 0x6b0245f4 = 1795311092
    expect(sameLine('2 0000000200000001', '2 000000026b0245f4', 'POP3', m)).toBe(true);
    // another model value for the same real one, or another real one for the same model value: caught
    expect(sameLine('* OK [UIDVALIDITY 2] UIDs valid', '* OK [UIDVALIDITY 1795311092] UIDs valid', 'IMAP', m)).toBe(false);
    expect(sameLine('* OK [UIDVALIDITY 1] UIDs valid', '* OK [UIDVALIDITY 1795311093] UIDs valid', 'IMAP', m)).toBe(false);
    // the UID part of a UIDL is compared
    expect(sameLine('2 0000000300000001', '2 000000026b0245f4', 'POP3', m)).toBe(false);
  });

  it('rule 107: HIGHESTMODSEQ is compared for being named, not for its count', () => {
    const m = new Mapper();
    expect(sameLine('* OK [HIGHESTMODSEQ 3] Highest', '* OK [HIGHESTMODSEQ 41] Highest', 'IMAP', m)).toBe(true);
    expect(skeleton('* OK [HIGHESTMODSEQ 3] Highest', 'IMAP').text).toBe('* OK [HIGHESTMODSEQ ⟨modseq⟩] Highest');
    // named on one side only: a missing line, caught by the reply's comparison
    expect(compareReply(['* OK [UIDNEXT 4] Predicted next UID', 'a2 OK [READ-WRITE] Select completed.'], ['* OK [UIDNEXT 4] Predicted next UID', '* OK [HIGHESTMODSEQ 41] Highest', 'a2 OK [READ-WRITE] Select completed.'], 'IMAP', m)).not.toBeNull();
  });

  it('a line with an unknowable value keeps the rest of its text', () => {
    expect(skeleton('a2 OK [READ-WRITE] Select completed (0.002 + 0.000 + 0.001 secs).', 'IMAP').text).toBe('a2 OK [READ-WRITE] Select completed ⟨time⟩.');
    expect(skeleton('250 2.0.0 <alice@example.org> oAVmEvRFAmv6awAAg+zDdQ Saved', 'LMTP').text).toBe('250 2.0.0 <alice@example.org> ⟨lmtp-id⟩ Saved');
  });
  it("pairs values within one account: two users' folders may share a real UIDVALIDITY", () => {
    const server = new Mapper().within('server1');
    const anna = server.within('anna');
    const ines = server.within('ines');
    expect(sameLine('* OK [UIDVALIDITY 1001] UIDs valid', '* OK [UIDVALIDITY 77] UIDs valid', 'IMAP', anna)).toBe(true);
    // Another account: another model value may stand for the same real one.
    expect(sameLine('* OK [UIDVALIDITY 1006] UIDs valid', '* OK [UIDVALIDITY 77] UIDs valid', 'IMAP', ines)).toBe(true);
    // Within one account it may not.
    expect(sameLine('* OK [UIDVALIDITY 1002] UIDs valid', '* OK [UIDVALIDITY 77] UIDs valid', 'IMAP', anna)).toBe(false);
  });
  it('maps Postfix queue ids one to one', () => {
    const m = new Mapper();
    expect(sameLine('250 2.0.0 Ok: queued as 4F2A1B3C5D', '250 2.0.0 Ok: queued as 9A8B7C6D5E', 'SMTP', m)).toBe(true);
    expect(sameLine('250 2.0.0 Ok: queued as 1111111111', '250 2.0.0 Ok: queued as 9A8B7C6D5E', 'SMTP', m)).toBe(false);
  });
});
