// The IMAP client knows the server only from its replies: run against a
// scripted server (no store, no run), it does what the replies say, even when
// they are wrong.
import { describe, expect, it } from 'vitest';
import { idlePush, imapCheck, type IdleSlot } from '../../../src/sim/client/imapClient';
import type { ClientHost, ImapWire } from '../../../src/sim/client/host';
import { emptyMemory } from '../../../src/sim/client/memory';
import type { ImapCommand, ImapReply } from '../../../src/sim/protocol/imap';
import { imapCommandText } from '../../../src/sim/protocol/imap';
import type { Copy } from '../../../src/sim/model/state';
import { Device } from '../../../src/sim/scenario/schema';
import { Flag } from '../../../src/sim/model/flags';
import type { Narration } from '../../../src/sim/timeline';
import { narrateClient } from '../../../src/sim/recorder/narrateClient';

const OK = (text: string): ImapReply => ({ untagged: [], status: `OK ${text}` });

/** A server that answers from a script: command text → reply. Every command the client sends is kept. */
function scriptedServer(script: Array<[RegExp, ImapReply]>) {
  const sent: string[] = [];
  const wire: ImapWire = {
    greeting: '* OK [CAPABILITY IMAP4rev1 IDLE MOVE UIDPLUS] Scripted server ready.',
    send(tag: string, command: ImapCommand): ImapReply {
      const text = imapCommandText(command);
      sent.push(text);
      const hit = script.find(([re]) => re.test(text));
      return hit ? hit[1] : { untagged: [], status: 'BAD not in the script' };
    },
    unasked: () => [],
    drop: (_dir: 'C' | 'S', line: string) => void sent.push(line),
  };
  return { wire, sent };
}

/** A device with a disk and a memory, and nothing else: no store, no server but the wire. */
function device(wire: ImapWire, cache: 'none' | 'headers' | 'full' = 'headers', idles = false) {
  const places = new Map<string, Map<string, Copy>>();
  const told: Narration[] = [];
  let idle = null as ReturnType<IdleSlot['get']>;
  const host: ClientHost & IdleSlot = {
    device: Device.parse({ id: 'laptop', kind: 'laptop', account: 'alice', protocol: 'imap', imap: { cache, idle: idles } }),
    account: { id: 'alice', address: 'alice@example.org', password: 'secret' },
    time: 0,
    memory: emptyMemory(),
    status: () => ({ online: true, diskFailed: false }),
    devicePlaces: () => [...places.keys()],
    folder: (p) => places.get(p) ?? new Map(),
    copyAt: (p, k) => places.get(p)?.get(k),
    put: (p, k, c) => void (places.get(p) ?? places.set(p, new Map()).get(p)!).set(k, c),
    del: (p, k) => void places.get(p)?.delete(k),
    setFlags: (p, k, flags) => void places.get(p)?.set(k, { ...places.get(p)!.get(k)!, flags }),
    freeKey: (_p, mail) => ({ key: mail }),
    transfer: () => {},
    deletedByUser: () => {},
    sizeOf: () => 0,
    report: (fact) => void told.push(narrateClient('laptop', fact).narration),
    hasPending: () => true,
    recordSync: () => {},
    openImap: () => wire,
    openPop3: () => null,
    serverReachable: () => true,
    submit: () => ({ port: 465 }),
    deliverSubmitted: () => {},
    compose: () => {},
    get: () => idle,
    set: (c) => void (idle = c),
  };
  return { host, places, told };
}

/** An hour passes: a connection kept by the last action is too old for Thunderbird to reuse (rule 95, 29 minutes). */
const later = (host: { time: number }) => void (host.time += 60);

const header = (seq: number, uid: number, mail: string) => [`* ${seq} FETCH (UID ${uid} FLAGS () RFC822.SIZE 2048 BODY[HEADER] {600}`, `<headers of ${mail}>`, ')'];

describe('an IMAP client learns only from replies', () => {
  it('a SELECT that answers with a wrong EXISTS makes the client act on the wrong number', () => {
    // The "server" says INBOX holds 3 messages and UIDNEXT 4 — and lists three when asked.
    const { wire, sent } = scriptedServer([
      [/^LOGIN /, OK('[CAPABILITY IMAP4rev1 IDLE MOVE UIDPLUS] Logged in')],
      [/^SELECT INBOX$/, { untagged: ['* 3 EXISTS', '* 0 RECENT', '* OK [UIDVALIDITY 7] UIDs valid', '* OK [UIDNEXT 4] Predicted next UID'], status: 'OK [READ-WRITE] Select completed.' }],
      [/^UID FETCH 1:\* \(UID FLAGS\)$/, { untagged: ['* 1 FETCH (UID 1 FLAGS ())', '* 2 FETCH (UID 2 FLAGS ())', '* 3 FETCH (UID 3 FLAGS ())'], status: 'OK Fetch completed.' }],
      [/^UID FETCH 1:3 \(UID FLAGS RFC822\.SIZE BODY\.PEEK\[HEADER\]\)$/, { untagged: [...header(1, 1, 'x1'), ...header(2, 2, 'x2'), ...header(3, 3, 'x3')], status: 'OK Fetch completed.' }],
      [/^LOGOUT$/, { untagged: ['* BYE Logging out'], status: 'OK Logout completed.' }],
    ]);
    const { host, places, told } = device(wire);
    imapCheck(host, host);
    // Three mails the client was told of, none of which exists anywhere but in the script.
    expect([...(places.get('device/laptop/INBOX')?.keys() ?? [])]).toEqual(['x1', 'x2', 'x3']);
    expect(told.find((n) => n.key === 'imap.selected')?.params).toMatchObject({ folder: 'INBOX', count: 3, fresh: 3 });

    // Next check: the server claims 5 messages but UIDNEXT has not moved. The client believes EXISTS and asks for new UIDs.
    const second = scriptedServer([
      [/^LOGIN /, OK('Logged in')],
      [/^SELECT INBOX$/, { untagged: ['* 5 EXISTS', '* 0 RECENT', '* OK [UIDVALIDITY 7] UIDs valid', '* OK [UIDNEXT 4] Predicted next UID'], status: 'OK [READ-WRITE] Select completed.' }],
      [/^UID FETCH 1:3 \(FLAGS\)$/, { untagged: ['* 1 FETCH (UID 1 FLAGS ())', '* 2 FETCH (UID 2 FLAGS ())', '* 3 FETCH (UID 3 FLAGS ())'], status: 'OK Fetch completed.' }],
      [/^UID FETCH 4:\* \(UID FLAGS\)$/, { untagged: ['* 3 FETCH (UID 3 FLAGS ())'], status: 'OK Fetch completed.' }],
      [/^LOGOUT$/, { untagged: [], status: 'OK Logout completed.' }],
    ]);
    // An hour later: the connection the first check kept is too old to reuse (rule 95), so the client logs it out and connects anew.
    later(host);
    host.openImap = () => second.wire;
    told.length = 0;
    imapCheck(host, host);
    expect(sent[sent.length - 1]).toBe('LOGOUT');
    expect(second.sent).toContain('UID FETCH 4:* (UID FLAGS)');
    // It shows the count it was told, and fetched nothing: UID 3 is not new (RFC 9051 §6.4.8, "n:*" names the last message).
    expect(told.find((n) => n.key === 'imap.selected')?.params).toMatchObject({ count: 5, fresh: 0 });
    expect(sent.filter((c) => c.startsWith('UID FETCH'))).toHaveLength(2);
  });

  it('a UIDVALIDITY the server changes makes the client drop what it cached (rule 24), whatever the store holds', () => {
    const select = (validity: number) => ({ untagged: ['* 1 EXISTS', '* 0 RECENT', `* OK [UIDVALIDITY ${validity}] UIDs valid`, '* OK [UIDNEXT 2] Predicted next UID'], status: 'OK [READ-WRITE] Select completed.' });
    const base: Array<[RegExp, ImapReply]> = [
      [/^LOGIN /, OK('Logged in')],
      [/^UID FETCH 1:\* \(UID FLAGS\)$/, { untagged: ['* 1 FETCH (UID 1 FLAGS ())'], status: 'OK Fetch completed.' }],
      [/^UID FETCH 1 \(UID FLAGS RFC822\.SIZE BODY\.PEEK\[HEADER\]\)$/, { untagged: header(1, 1, 'x1'), status: 'OK Fetch completed.' }],
      [/^LOGOUT$/, { untagged: [], status: 'OK Logout completed.' }],
    ];
    const first = scriptedServer([[/^SELECT INBOX$/, select(7)], ...base]);
    const { host, told } = device(first.wire);
    imapCheck(host, host);
    const second = scriptedServer([[/^SELECT INBOX$/, select(8)], ...base]);
    later(host);
    host.openImap = () => second.wire;
    imapCheck(host, host);
    expect(told.some((n) => n.key === 'imap.uidValidityChanged')).toBe(true);
    expect(second.sent).toContain('UID FETCH 1:* (UID FLAGS)');
  });
});

describe('rule 84: the folders a client knows are the ones LIST named', () => {
  const LOGIN = [/^LOGIN /, OK('[CAPABILITY IMAP4rev1 IDLE MOVE UIDPLUS LIST-EXTENDED SPECIAL-USE] Logged in')] as [RegExp, ImapReply];
  const emptySelect = { untagged: ['* 0 EXISTS', '* 0 RECENT', '* OK [UIDVALIDITY 7] UIDs valid', '* OK [UIDNEXT 1] Predicted next UID'], status: 'OK [READ-WRITE] Select completed.' };
  const LOGOUT = [/^LOGOUT$/, { untagged: [], status: 'OK Logout completed.' }] as [RegExp, ImapReply];

  it('rule 84: a folder only LIST names is looked at, a folder LIST does not name is not, and the second check does not list again', () => {
    const { wire, sent } = scriptedServer([
      LOGIN,
      [/^LIST \(SUBSCRIBED\) "" "\*" RETURN \(SPECIAL-USE\)$/, { untagged: ['* LIST (\\Subscribed) "/" Projekte', '* LIST (\\Subscribed) "/" "Old mail"'], status: 'OK List completed.' }],
      [/^LIST "" "INBOX"$/, { untagged: ['* LIST (\\HasNoChildren) "/" INBOX'], status: 'OK List completed.' }],
      [/^STATUS /, { untagged: ['* STATUS x (MESSAGES 0 UIDNEXT 1 UIDVALIDITY 7)'], status: 'OK Status completed.' }],
      [/^SELECT INBOX$/, emptySelect],
      LOGOUT,
    ]);
    const { host } = device(wire);
    imapCheck(host, host);
    expect(sent.slice(0, 3)).toEqual(['LOGIN alice secret', 'LIST (SUBSCRIBED) "" "*" RETURN (SPECIAL-USE)', 'LIST "" "INBOX"']);
    expect(host.memory.folders).toEqual(['INBOX', 'Projekte', 'Old mail']);
    // The two folders LIST named are asked about; Trash, Sent, Drafts and Archive were never named, so never asked about.
    expect(sent.filter((c) => c.startsWith('STATUS ')).map((c) => c.replace(/ \(.*$/, ''))).toEqual(['STATUS Projekte', 'STATUS "Old mail"']);
    expect(sent.some((c) => /Trash|Sent|Drafts|Archive/.test(c))).toBe(false);

    const second = scriptedServer([LOGIN, [/^STATUS /, { untagged: [], status: 'OK Status completed.' }], [/^SELECT INBOX$/, emptySelect], LOGOUT]);
    later(host);
    host.openImap = () => second.wire;
    imapCheck(host, host);
    expect(second.sent.some((c) => c.startsWith('LIST'))).toBe(false);
  });

  it('rule 84: a server whose LIST names nothing leaves the client with INBOX alone', () => {
    const { wire, sent } = scriptedServer([LOGIN, [/^LIST /, { untagged: [], status: 'OK List completed.' }], [/^SELECT INBOX$/, emptySelect], LOGOUT]);
    const { host } = device(wire);
    imapCheck(host, host);
    expect(host.memory.folders).toEqual([]);
    expect(sent.filter((c) => /^(SELECT|STATUS) /.test(c))).toEqual(['SELECT INBOX']);
  });
});

describe('rule 86: an idling client learns of other devices\' changes only from what the server pushes', () => {
  it('rule 86: "* n EXPUNGE" removes the n-th message of the client\'s own view, "* n FETCH (FLAGS …)" sets its flags; then DONE, new mail asked for, IDLE again', () => {
    const { wire, sent } = scriptedServer([
      [/^LOGIN /, OK('[CAPABILITY IMAP4rev1 IDLE MOVE UIDPLUS] Logged in')],
      [/^LIST /, { untagged: [], status: 'OK List completed.' }],
      [/^SELECT INBOX$/, { untagged: ['* 3 EXISTS', '* 0 RECENT', '* OK [UIDVALIDITY 7] UIDs valid', '* OK [UIDNEXT 4] Predicted next UID'], status: 'OK [READ-WRITE] Select completed.' }],
      [/^UID FETCH 1:\* \(UID FLAGS\)$/, { untagged: ['* 1 FETCH (UID 1 FLAGS ())', '* 2 FETCH (UID 2 FLAGS ())', '* 3 FETCH (UID 3 FLAGS ())'], status: 'OK Fetch completed.' }],
      [/^UID FETCH 1:3 \(UID FLAGS RFC822\.SIZE BODY\.PEEK\[HEADER\]\)$/, { untagged: [...header(1, 1, 'x1'), ...header(2, 2, 'x2'), ...header(3, 3, 'x3')], status: 'OK Fetch completed.' }],
      [/^IDLE$/, { untagged: [], status: '', continuation: '+ idling' }],
      [/^DONE$/, OK('Idle completed.')],
      [/^UID FETCH 4:\* \(UID FLAGS\)$/, { untagged: [], status: 'OK Fetch completed.' }],
    ]);
    let pushed: string[] = [];
    wire.unasked = () => pushed;
    const { host, places, told } = device(wire, 'headers', true);
    imapCheck(host, host);
    expect(sent[sent.length - 1]).toBe('IDLE');
    const inbox = () => [...(places.get('device/laptop/INBOX')?.keys() ?? [])];
    expect(inbox()).toEqual(['x1', 'x2', 'x3']);

    // The server says: message 1 is now \Seen, message 2 is gone. The client maps the numbers onto its own list (UIDs 1, 2, 3).
    pushed = ['* 1 FETCH (FLAGS (\\Seen))', '* 2 EXPUNGE'];
    sent.length = 0;
    idlePush(host, host);
    expect(inbox()).toEqual(['x1', 'x3']);
    expect(places.get('device/laptop/INBOX')!.get('x1')!.flags).toBe(Flag.Seen);
    expect(host.memory.cache.get('INBOX')!.has(2)).toBe(false);
    expect(sent).toEqual(['DONE', 'UID FETCH 4:* (UID FLAGS)', 'IDLE']);
    expect(told.some((n) => n.key === 'idlePushed.expunged' && n.params.mail === 'x2')).toBe(true);

    // "* 2 EXPUNGE" again: in the client's list message 2 is now x3, whatever the server meant.
    pushed = ['* 2 EXPUNGE'];
    idlePush(host, host);
    expect(inbox()).toEqual(['x1']);
  });

  it('rule 86: what was pushed before the device acts over its IDLE connection is read before DONE', () => {
    const { wire, sent } = scriptedServer([
      [/^LOGIN /, OK('[CAPABILITY IMAP4rev1 IDLE MOVE UIDPLUS] Logged in')],
      [/^LIST /, { untagged: [], status: 'OK List completed.' }],
      [/^SELECT INBOX$/, { untagged: ['* 3 EXISTS', '* 0 RECENT', '* OK [UIDVALIDITY 7] UIDs valid', '* OK [UIDNEXT 4] Predicted next UID'], status: 'OK [READ-WRITE] Select completed.' }],
      [/^UID FETCH 1:3 \(FLAGS\)$/, { untagged: ['* 1 FETCH (UID 1 FLAGS ())', '* 2 FETCH (UID 3 FLAGS ())'], status: 'OK Fetch completed.' }],
      [/^UID FETCH 4:\* \(UID FLAGS\)$/, { untagged: [], status: 'OK Fetch completed.' }],
      [/^UID FETCH 1:\* \(UID FLAGS\)$/, { untagged: ['* 1 FETCH (UID 1 FLAGS ())', '* 2 FETCH (UID 2 FLAGS ())', '* 3 FETCH (UID 3 FLAGS ())'], status: 'OK Fetch completed.' }],
      [/^UID FETCH 1:3 \(UID FLAGS RFC822\.SIZE BODY\.PEEK\[HEADER\]\)$/, { untagged: [...header(1, 1, 'x1'), ...header(2, 2, 'x2'), ...header(3, 3, 'x3')], status: 'OK Fetch completed.' }],
      [/^IDLE$/, { untagged: [], status: '', continuation: '+ idling' }],
      [/^DONE$/, OK('Idle completed.')],
    ]);
    let pushed: string[] = [];
    wire.unasked = () => {
      sent.push('(read what was pushed)');
      return pushed;
    };
    const { host, told } = device(wire, 'headers', true);
    imapCheck(host, host);
    pushed = ['* 2 EXPUNGE'];
    sent.length = 0;
    told.length = 0;
    // The next check goes over the open connection; the server has meanwhile pushed an EXPUNGE.
    imapCheck(host, host);
    expect(sent.slice(0, 2)).toEqual(['(read what was pushed)', 'DONE']);
    expect([...host.memory.cache.get('INBOX')!.keys()]).toEqual([1, 3]);
  });
});
