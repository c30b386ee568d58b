// Rule 95–97 (docs/rules.md): a device without IDLE keeps its connection for
// the next action (Thunderbird's connection cache), for less than 29 minutes;
// Dovecot logs an unused session out after 30; the client learns of it only
// when it looks at the connection again.
import { describe, expect, it } from 'vitest';
import { frameLines } from '../../../src/sim';
import { ALICE, arrive, check, del, diskFail, offline, read, send, sim } from '../harness';
import { AUTOLOGOUT_LINE, SERVER_GONE_LINE } from '../../../src/sim/server/imap/imapServer';

const laptop = { id: 'laptop', kind: 'laptop', account: 'alice', protocol: 'imap', imap: { idle: false, cache: 'headers' } } as const;
const webmail = { id: 'webmail', kind: 'webmail', account: 'alice', protocol: 'imap' } as const;

describe('a device without IDLE keeps its IMAP connection (rules 95–97)', () => {
  it('rule 95: an action 10 minutes after a check runs over the same connection: one LOGIN, no LOGOUT, the mail is read on the server', () => {
    const r = sim({ accounts: [ALICE], devices: [laptop] })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 1, 09:10', check('laptop'))
      .at('day 1, 09:20', read('laptop', 'm1'))
      .run();
    const imap = r.lines('IMAP');
    expect(imap.filter((l) => / LOGIN /.test(l))).toHaveLength(1);
    expect(imap.filter((l) => / LOGOUT$/.test(l))).toHaveLength(0);
    expect(r.flagsOf('server/alice/INBOX', 'm1')).toContain('Seen');
    // The check says it keeps the connection, not that it logs out.
    expect(r.timeline.frames.filter((f) => f.narration.key === 'imap.checkDone')).toEqual([]);
    expect(r.timeline.frames.find((f) => f.narration.key === 'imap.checkKept')?.narration.params).toMatchObject({ device: 'laptop', fetched: 1 });
    // On the connection that still has INBOX selected, the client asks for news first (NOOP), then fetches.
    const noop = imap.findIndex((l) => /^C: a\d+ NOOP$/.test(l));
    expect(noop).toBeGreaterThan(0);
    expect(imap.slice(noop + 1).some((l) => /^C: a\d+ UID FETCH \d+ \(BODY\[\]\)$/.test(l))).toBe(true);
  });

  it('rule 95: 29 minutes unused is too old for Thunderbird: it logs the old connection out and logs in anew', () => {
    const r = sim({ accounts: [ALICE], devices: [laptop] })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 1, 09:10', check('laptop'))
      .at('day 1, 09:39', read('laptop', 'm1'))
      .run();
    const imap = r.lines('IMAP');
    expect(imap.filter((l) => / LOGIN /.test(l))).toHaveLength(2);
    expect(imap.filter((l) => / LOGOUT$/.test(l))).toHaveLength(1);
    expect(imap).not.toContain(`S: ${AUTOLOGOUT_LINE}`);
  });

  it('rule 96: after 30 minutes Dovecot has logged the session out; the client sees it only when it comes back, and logs in anew', () => {
    const r = sim({ accounts: [ALICE], devices: [laptop] })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 1, 09:10', check('laptop'))
      .at('day 1, 11:00', read('laptop', 'm1'))
      .run();
    const imap = r.lines('IMAP');
    const closed = imap.indexOf(`S: ${AUTOLOGOUT_LINE}`);
    expect(closed).toBeGreaterThan(0);
    // No LOGOUT on the dead connection; the next line is a new connection's greeting, then LOGIN.
    expect(imap.filter((l) => / LOGOUT$/.test(l))).toHaveLength(0);
    expect(imap.slice(closed + 1).some((l) => / LOGIN /.test(l))).toBe(true);
    expect(imap.filter((l) => / LOGIN /.test(l))).toHaveLength(2);
    expect(r.flagsOf('server/alice/INBOX', 'm1')).toContain('Seen');
  });

  it('rule 97: the NOOP on a kept connection tells of another session\'s expunge, and the client drops the mail from its own view', () => {
    const r = sim({ accounts: [ALICE], devices: [laptop, webmail] })
      .at('day 1, 09:00', arrive('m1'), arrive('m2'))
      .at('day 1, 09:10', check('laptop'))
      .at('day 1, 09:12', del('webmail', 'm1'))
      .at('day 1, 09:15', read('laptop', 'm2'))
      .run();
    const imap = r.lines('IMAP');
    const noop = imap.findIndex((l) => /^C: a\d+ NOOP$/.test(l));
    expect(noop).toBeGreaterThan(0);
    expect(imap[noop + 1]).toBe('S: * 1 EXPUNGE');
    // m1 went to Trash on the server; the laptop learnt from the NOOP that it left INBOX before any check.
    expect(r.after(/laptop · read|laptop .*m2/).placesOf('m1')).not.toContain('device/laptop/INBOX');
  });

  it('rule 98: an APPEND into the mailbox the kept connection has selected is answered with EXISTS and RECENT: that session takes the \\Recent, the next device to select sees none', () => {
    const phone = { id: 'phone', kind: 'phone', account: 'alice', protocol: 'imap', imap: { idle: false, cache: 'headers', saveSent: true } } as const;
    const r = sim({ accounts: [ALICE, { id: 'bob', address: 'bob@example.org' }], devices: [{ ...laptop, imap: { ...laptop.imap, saveSent: true } }, phone] })
      .at('day 1, 09:00', send('laptop', 's1', ['bob']))
      .at('day 1, 09:10', check('phone'))
      .at('day 1, 09:30', send('phone', 's2', ['bob']))
      .at('day 1, 09:40', check('laptop'))
      .run();
    r.expectMailIn('s2', ['device/phone/Sent', 'device/laptop/Sent', 'server/alice/Sent', 'server/bob/INBOX']);
    const imap = r.lines('IMAP');
    // The phone's APPEND of s2 (its literal names it), over the connection its check left with Sent selected.
    const literal = imap.findIndex((l) => l.startsWith('C: <message s2,'));
    expect(imap[literal - 2]).toMatch(/^C: a\d+ APPEND Sent /);
    const tagged = imap.findIndex((l, i) => i > literal && /^S: a\d+ OK \[APPENDUID /.test(l));
    expect(imap.slice(literal + 1, tagged)).toEqual(['S: * 2 EXISTS', 'S: * 2 RECENT']);
    // The laptop's SELECT of Sent afterwards: both messages were taken (s1 by the phone's check, s2 by its APPEND).
    const select = imap.findIndex((l, i) => i > tagged && /^C: a\d+ SELECT Sent$/.test(l));
    expect(imap.slice(select).find((l) => /^S: \* \d+ RECENT$/.test(l))).toBe('S: * 0 RECENT');
  });

  it('rule 95: webmail opens a connection per request and logs out (it is not Thunderbird)', () => {
    const r = sim({ accounts: [ALICE], devices: [webmail] })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 1, 09:10', check('webmail'))
      .at('day 1, 09:15', read('webmail', 'm1'))
      .run();
    expect(r.lines('IMAP').filter((l) => / LOGOUT$/.test(l))).toHaveLength(2);
  });

  // How a kept or IDLE connection ends when the device or the server goes: nothing is sent
  // that could not arrive, and nothing is answered by a server that is gone.
  const phone = { id: 'phone', kind: 'phone', account: 'alice', protocol: 'imap', imap: { idle: true, cache: 'headers' } } as const;
  const serverDiskFail = { do: 'server.diskFail' } as never;

  it('rule 96: a device that goes offline 10 minutes after its check sends no LOGOUT: its side of the connection just breaks', () => {
    const r = sim({ accounts: [ALICE], devices: [laptop] })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 1, 09:10', check('laptop'))
      .at('day 1, 09:20', offline('laptop'))
      .run();
    const imap = r.lines('IMAP');
    expect(imap.filter((l) => / LOGOUT$/.test(l))).toHaveLength(0);
    expect(imap.at(-1)).toBe('C: <connection dropped>');
  });

  it('rule 96: a device that goes offline a day after its check finds the connection the server closed long ago, and sends nothing on it', () => {
    const r = sim({ accounts: [ALICE], devices: [laptop] })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 1, 09:10', check('laptop'))
      .at('day 2, 08:00', offline('laptop'))
      .run();
    const imap = r.lines('IMAP');
    expect(imap.filter((l) => / LOGOUT$/.test(l) || /Logout completed/.test(l))).toHaveLength(0);
    expect(imap.at(-1)).toBe(`S: ${AUTOLOGOUT_LINE}`);
  });

  it('rule 96: an idling phone whose disk fails sends neither DONE nor LOGOUT', () => {
    const r = sim({ accounts: [ALICE], devices: [phone] })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 1, 09:10', check('phone'))
      .at('day 1, 09:20', diskFail('phone'))
      .run();
    const imap = r.lines('IMAP');
    // After its last IDLE and the server's go-ahead, only the broken connection: no DONE, no LOGOUT.
    const lastIdle = imap.findLastIndex((l) => /^C: a\d+ IDLE$/.test(l));
    expect(lastIdle).toBeGreaterThan(0);
    expect(imap.slice(lastIdle + 1)).toEqual(['S: + idling', 'C: <connection dropped>']);
  });

  it('rule 96: when the server\'s disk fails, an idling phone\'s connection is lost on the server\'s side: no client logs out of a server that is gone', () => {
    const r = sim({ accounts: [ALICE], devices: [phone, laptop] })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 1, 09:10', check('phone'))
      .at('day 1, 09:10', check('laptop'))
      .at('day 1, 09:20', serverDiskFail)
      .run();
    const imap = r.lines('IMAP');
    expect(imap.filter((l) => / LOGOUT$/.test(l) || /Logout completed/.test(l))).toHaveLength(0);
    expect(imap.filter((l) => l === `S: ${SERVER_GONE_LINE}`)).toHaveLength(2);
  });

  it('rule 95: a check 10 minutes after a check asks for news with NOOP on the INBOX still selected, without selecting it again, and fetches what came', () => {
    const r = sim({ accounts: [ALICE], devices: [laptop] })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 1, 09:10', check('laptop'))
      .at('day 1, 09:15', arrive('m2'))
      .at('day 1, 09:20', check('laptop'))
      .run();
    const imap = r.lines('IMAP');
    expect(imap.filter((l) => /^C: a\d+ SELECT INBOX$/.test(l))).toHaveLength(1);
    const noop = imap.findIndex((l) => /^C: a\d+ NOOP$/.test(l));
    expect(imap[noop + 1]).toBe('S: * 2 EXISTS');
    expect(r.placesOf('m2')).toContain('device/laptop/INBOX');
  });

  it('rule 97: NOOP tells of new mail whose \\Recent another session took first (EXISTS without RECENT)', () => {
    const desktop = { ...laptop, id: 'desktop' } as const;
    const r = sim({ accounts: [ALICE], devices: [laptop, desktop] })
      .at('day 1, 09:00', check('laptop'))
      .at('day 1, 09:05', arrive('m1'))
      .at('day 1, 09:10', check('desktop'))
      .at('day 1, 09:15', check('laptop'))
      .run();
    const laptopSessions = new Set(r.timeline.frames.flatMap((f) => f.sessions.filter((x) => x.client === 'laptop').map((x) => x.id)));
    const laptopLines = r.timeline.frames.flatMap((f) => frameLines(f).filter((l) => laptopSessions.has(l.session)).map((l) => `${l.dir}: ${l.text}`));
    const noop = laptopLines.findIndex((l) => /^C: a\d+ NOOP$/.test(l));
    expect(noop).toBeGreaterThan(0);
    expect(laptopLines.slice(noop + 1, noop + 3)).toEqual(['S: * 1 EXISTS', expect.stringMatching(/^S: a\d+ OK NOOP completed/)]);
    expect(r.placesOf('m1')).toContain('device/laptop/INBOX');
  });
});
