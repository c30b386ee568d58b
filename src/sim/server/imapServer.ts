// What an IMAP command does to one account's mailboxes, answered in Dovecot
// 2.3's words (semantics.md "IMAP"; reference/dovecot-2.3.19-observed.txt).
// The session machine decides whether a command is legal in its state; this
// module carries it out. Rule numbers refer to semantics.md's acceptance list.
import { flagNames, formatFlags, Flag } from '../model/flags';
import { serverPlace } from '../model/places';
import type { Copy } from '../model/state';
import type { Run } from '../run/run';
import type { ImapCommand, ImapResult, ImapServerPort } from '../protocol/imapSession.machine';
import { appendMessage, folderExists, meta, removeMessage, serverFolders } from './mailbox';
import { OVERQUOTA_TEXT, quotaAllows } from './quota';

export const IMAP_GREETING = '* OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ AUTH=PLAIN AUTH=LOGIN] Dovecot (Debian) ready.';
export const CAPABILITIES =
  'IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE SORT SORT=DISPLAY THREAD=REFERENCES THREAD=REFS THREAD=ORDEREDSUBJECT MULTIAPPEND URL-PARTIAL CATENATE UNSELECT CHILDREN NAMESPACE UIDPLUS LIST-EXTENDED I18NLEVEL=1 CONDSTORE QRESYNC ESEARCH ESORT SEARCHRES WITHIN CONTEXT=SEARCH LIST-STATUS BINARY MOVE SNIPPET=FUZZY PREVIEW=FUZZY PREVIEW STATUS=SIZE SAVEDATE LITERAL+ NOTIFY SPECIAL-USE QUOTA';

/** Dovecot appends its timing to tagged replies; the model shows a fixed one. */
const done = (text: string) => `${text} (0.001 + 0.000 secs).`;

/** "2,4:6" from UIDs, the compact form IMAP uses in COPYUID. */
export function formatUidSet(uids: readonly number[]): string {
  const sorted = [...uids].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}:${sorted[j]}`);
    i = j;
  }
  return parts.join(',');
}

function parseFlagChange(change: string): { mode: '+' | '-' | '='; flags: number } {
  const m = /^([+-]?)FLAGS(?:\.SILENT)?\s+\(([^)]*)\)$/i.exec(change.trim());
  if (!m) throw new Error(`cannot parse flag change ${change}`);
  let flags = 0;
  for (const name of m[2].split(/\s+/).filter(Boolean)) {
    const key = name.replace('\\', '') as keyof typeof Flag;
    if (key in Flag) flags |= Flag[key];
  }
  return { mode: (m[1] || '=') as '+' | '-' | '=', flags };
}

export function imapServerPort(run: Run, account: string, client: string): ImapServerPort {
  const acc = run.account(account);
  const place = (folder: string) => serverPlace(account, folder);
  const list = (folder: string): Copy[] => [...run.folder(place(folder)).values()];
  /** UIDs whose \Recent flag this session took at SELECT; Dovecot lists \Recent last in FLAGS. */
  let recentHere = new Set<number>();
  const flagsOf = (copy: Copy, flags = copy.flags, recent = recentHere) =>
    recent.has(copy.uid!) ? formatFlags(flags).replace(/\)$/, flags ? ' \\Recent)' : '\\Recent)') : formatFlags(flags);

  /**
   * EXPUNGE responses as Dovecot 2.3 sends them: highest sequence number first
   * (so none shifts), then the new RECENT count if this session lost \Recent messages.
   */
  function expungeLines(gone: ReadonlyArray<{ seq: number; uid: number }>): string[] {
    const lines = [...gone].sort((a, b) => b.seq - a.seq).map((g) => `* ${g.seq} EXPUNGE`);
    if (gone.some((g) => recentHere.has(g.uid))) {
      recentHere = new Set([...recentHere].filter((uid) => !gone.some((g) => g.uid === uid)));
      lines.push(`* ${recentHere.size} RECENT`);
    }
    return lines;
  }

  /** The messages a UID set names, with their sequence numbers, found by UID (not by counting the folder). */
  function hits(folder: string, spec: string): Array<{ seq: number; copy: Copy }> {
    const p = place(folder);
    const f = run.folder(p);
    const max = meta(run, account, folder).uidNext - 1;
    const ranges = spec.split(',').map((part) => {
      const [a, b] = part.split(':');
      const lo = a === '*' ? max : Number(a);
      const hi = b === undefined ? lo : b === '*' ? max : Number(b);
      return [Math.max(1, Math.min(lo, hi)), Math.min(max, Math.max(lo, hi))] as const;
    });
    const span = ranges.reduce((n, [lo, hi]) => n + Math.max(0, hi - lo + 1), 0);
    const out: Array<{ seq: number; copy: Copy }> = [];
    if (span > 2 * f.size) {
      let seq = 0;
      for (const copy of f.values()) {
        seq++;
        if (ranges.some(([lo, hi]) => copy.uid! >= lo && copy.uid! <= hi)) out.push({ seq, copy });
      }
      return out;
    }
    const uids = new Set<number>();
    for (const [lo, hi] of ranges) for (let u = lo; u <= hi; u++) uids.add(u);
    for (const u of [...uids].sort((x, y) => x - y)) {
      const copy = f.get(String(u));
      if (copy) out.push({ seq: run.seqOf(p, u), copy });
    }
    return out;
  }

  function select(folder: string, wasSelected: boolean): ImapResult {
    const f = run.folder(place(folder));
    const m = meta(run, account, folder);
    const recentFrom = m.recentUid ?? 1;
    // Only the newest UIDs can still be \Recent: look them up by UID instead of walking the folder.
    const taken = recentFrom < m.uidNext ? hits(folder, `${recentFrom}:${m.uidNext - 1}`).map((h) => h.copy) : [];
    const recent = taken.length;
    recentHere = new Set(taken.map((c) => c.uid!));
    // The first session to see a new message takes its \Recent flag (RFC 3501 §2.3.2).
    if (recent) run.apply({ op: 'meta', place: place(folder), meta: { ...m, recentUid: m.uidNext } });
    let firstUnseen = -1;
    let seq = 0;
    for (const c of f.values()) {
      if (!(c.flags & Flag.Seen)) {
        firstUnseen = seq;
        break;
      }
      seq++;
    }
    const msgs = { length: f.size };
    return {
      untagged: [
        // Dovecot 2.3 closes the previous mailbox out loud (RFC 7162 §3.2.11).
        ...(wasSelected ? ['* OK [CLOSED] Previous mailbox closed.'] : []),
        '* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)',
        '* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted.',
        `* ${msgs.length} EXISTS`,
        `* ${recent} RECENT`,
        ...(firstUnseen >= 0 ? [`* OK [UNSEEN ${firstUnseen + 1}] First unseen.`] : []),
        `* OK [UIDVALIDITY ${m.uidValidity}] UIDs valid`,
        `* OK [UIDNEXT ${m.uidNext}] Predicted next UID`,
      ],
      status: done('OK [READ-WRITE] Select completed'),
    };
  }

  function fetch(folder: string, uids: string, items: string): ImapResult {
    if (items === 'FLAGS') {
      // A flag resync of the whole folder: kept as a reference, written out from the frame's state when read.
      const upTo = Number(uids.split(':').pop());
      const count = run.seqOf(place(folder), upTo);
      // This session's \Recent messages are the newest UIDs (taken at SELECT): the listing marks them from the lowest on.
      const recentFrom = recentHere.size ? Math.min(...recentHere) : null;
      if (count > 50) return { untagged: { listing: 'fetchFlags', place: place(folder), upTo, count, recentFrom }, status: done('OK Fetch completed') };
    }
    const found = hits(folder, uids);
    const setsSeen = /BODY\[\]/.test(items) && !/PEEK/.test(items);
    const wantsBody = /BODY(\.PEEK)?\[\]/.test(items);
    const wantsHeader = /BODY\.PEEK\[HEADER\]/.test(items);
    const wantsSize = /RFC822\.SIZE/.test(items);
    if (setsSeen) {
      // FETCH BODY[] sets \Seen for everyone (RFC 9051 §6.4.5, rule 17).
      for (const h of found) {
        if (!(h.copy.flags & Flag.Seen)) {
          run.setFlags(place(folder), String(h.copy.uid), h.copy.flags | Flag.Seen);
          h.copy = run.copyAt(place(folder), String(h.copy.uid))!;
        }
      }
    }
    const untagged = found.flatMap(({ seq, copy }) => {
      const size = run.state.mails.get(copy.mail)?.sizeBytes ?? 0;
      const head = `* ${seq} FETCH (UID ${copy.uid} FLAGS ${flagsOf(copy)}${wantsSize ? ` RFC822.SIZE ${size}` : ''}`;
      if (wantsBody) return [`${head} BODY[] {${size}}`, `<message ${copy.mail}, ${size} octets>`, ')'];
      if (wantsHeader) return [`${head} BODY[HEADER] {${headerBytes(size)}}`, `<headers of ${copy.mail}>`, ')'];
      return [`${head})`];
    });
    return { untagged, status: done('OK Fetch completed') };
  }

  function store(folder: string, uids: string, change: string, silent: boolean): ImapResult {
    const { mode, flags } = parseFlagChange(change);
    const lines: string[] = [];
    for (const { seq, copy } of hits(folder, uids)) {
      const next = mode === '+' ? copy.flags | flags : mode === '-' ? copy.flags & ~flags : flags;
      run.setFlags(place(folder), String(copy.uid), next);
      if (!silent) lines.push(`* ${seq} FETCH (UID ${copy.uid} FLAGS ${flagsOf(copy, next)})`);
    }
    // A UID that no longer exists: OK, nothing done (rule 20).
    return { untagged: lines, status: done('OK Store completed') };
  }

  /** Remove \Deleted messages (only those in `only`, for UID EXPUNGE), reporting shifting sequence numbers. */
  function expunge(folder: string, only: Set<number> | null, silent: boolean): ImapResult {
    const gone: Array<{ seq: number; uid: number }> = [];
    list(folder).forEach((copy, i) => {
      if (!(copy.flags & Flag.Deleted) || (only && !only.has(copy.uid!))) return;
      removeMessage(run, account, folder, copy.uid!);
      run.transfer('expunge', copy.mail, place(folder), null, String(copy.uid));
      gone.push({ seq: i + 1, uid: copy.uid! });
    });
    return { untagged: silent ? [] : expungeLines(gone), status: done(silent ? 'OK Close completed' : 'OK Expunge completed') };
  }

  function copyOrMove(folder: string, uids: string, target: string, move: boolean): ImapResult {
    if (!folderExists(run, account, target)) return { untagged: [], status: done(`NO [TRYCREATE] Mailbox doesn't exist: ${target}`) };
    const found = hits(folder, uids);
    if (!found.length) return { untagged: [], status: done('OK No messages found') };
    if (!move || target === folder) {
      const bytes = found.reduce((n, h) => n + (run.state.mails.get(h.copy.mail)?.sizeBytes ?? 0), 0);
      // COPY is all-or-nothing: over quota nothing is stored (rules 19, 28).
      if (!quotaAllows(run, account, bytes, found.length)) return { untagged: [], status: done(`NO [OVERQUOTA] ${OVERQUOTA_TEXT}`) };
    }
    // A MOVE within the same quota root adds no usage and succeeds at the limit (rule 28, observed).
    const src: number[] = [];
    const dst: number[] = [];
    for (const { copy } of found) {
      const uid = appendMessage(run, account, target, copy.mail, copy.flags & ~Flag.Deleted);
      src.push(copy.uid!);
      dst.push(uid);
      if (!move) run.transfer('copy', copy.mail, place(folder), place(target), String(uid));
    }
    const validity = meta(run, account, target).uidValidity;
    const copyuid = `[COPYUID ${validity} ${formatUidSet(src)} ${formatUidSet(dst)}]`;
    if (!move) return { untagged: [], status: done(`OK ${copyuid} Copy completed`) };
    const gone: Array<{ seq: number; uid: number }> = [];
    for (const { copy, seq } of found) {
      removeMessage(run, account, folder, copy.uid!);
      run.transfer('move', copy.mail, place(folder), place(target), String(dst[src.indexOf(copy.uid!)]));
      gone.push({ seq, uid: copy.uid! });
    }
    return { untagged: [`* OK ${copyuid} Moved UIDs.`, ...expungeLines(gone)], status: done('OK Move completed') };
  }

  /** `source`: where the client takes the message from (default: its Outbox, when saving sent mail). */
  function append(target: string, flags: number, mail: string, source = `device/${client}/Outbox`): ImapResult {
    if (!folderExists(run, account, target)) return { untagged: [], status: done(`NO [TRYCREATE] Mailbox doesn't exist: ${target}`) };
    const size = run.state.mails.get(mail)?.sizeBytes ?? 0;
    // Refused before the literal is sent: no "+" continuation (rule 28).
    if (!quotaAllows(run, account, size, 1)) return { untagged: [], status: done(`NO [OVERQUOTA] ${OVERQUOTA_TEXT}`) };
    const uid = appendMessage(run, account, target, mail, flags);
    run.transfer('copy', mail, source, place(target), String(uid));
    return {
      untagged: [],
      continuation: { server: '+ OK', client: `<message ${mail}, ${size} octets>` },
      status: done(`OK [APPENDUID ${meta(run, account, target).uidValidity} ${uid}] Append completed`),
    };
  }

  return {
    greeting: IMAP_GREETING,
    credentialsOk: (user, password) => user === acc.id && password === acc.password,
    notice(selected: string): string[] {
      // New messages since this session last looked: it takes their \Recent (it has the mailbox selected).
      const m = meta(run, account, selected);
      const from = m.recentUid ?? 1;
      const fresh = from < m.uidNext ? hits(selected, `${from}:${m.uidNext - 1}`) : [];
      if (!fresh.length) return [];
      for (const h of fresh) recentHere.add(h.copy.uid!);
      run.apply({ op: 'meta', place: place(selected), meta: { ...m, recentUid: m.uidNext } });
      return [`* ${run.folder(place(selected)).size} EXISTS`, `* ${recentHere.size} RECENT`];
    },
    mailboxExists: (mailbox) => folderExists(run, account, mailbox),
    commandText(c: ImapCommand): string {
      switch (c.type) {
        case 'client.login':
          return `LOGIN ${c.user} ${c.password}`;
        case 'client.select':
          return `SELECT ${c.mailbox}`;
        case 'client.fetch':
          return `UID FETCH ${c.uids} (${c.items})`;
        case 'client.store':
          return `UID STORE ${c.uids} ${c.change.replace(/^([+-]?FLAGS)/, c.silent ? '$1.SILENT' : '$1')}`;
        case 'client.expunge':
          return 'EXPUNGE';
        case 'client.uidExpunge':
          return `UID EXPUNGE ${c.uids}`;
        case 'client.copy':
          return `UID COPY ${c.uids} ${c.mailbox}`;
        case 'client.move':
          return `UID MOVE ${c.uids} ${c.mailbox}`;
        case 'client.append': {
          const size = run.state.mails.get(c.mail)?.sizeBytes ?? 0;
          const names = flagNames(c.flags).map((f) => `\\${f}`);
          return `APPEND ${c.mailbox}${names.length ? ` (${names.join(' ')})` : ''} {${size}}`;
        }
        case 'client.noop':
          return 'NOOP';
        case 'client.close':
          return 'CLOSE';
        case 'client.logout':
          return 'LOGOUT';
      }
    },
    execute(selected, c): ImapResult {
      switch (c.type) {
        case 'client.login':
          return { untagged: [], status: `OK [CAPABILITY ${CAPABILITIES}] Logged in` };
        case 'client.select':
          return select(c.mailbox, selected !== null);
        case 'client.fetch':
          return fetch(selected!, c.uids, c.items);
        case 'client.store':
          return store(selected!, c.uids, c.change, c.silent);
        case 'client.expunge':
          return expunge(selected!, null, false);
        case 'client.uidExpunge':
          return expunge(selected!, new Set(hits(selected!, c.uids).map((h) => h.copy.uid!)), false);
        case 'client.copy':
          return copyOrMove(selected!, c.uids, c.mailbox, false);
        case 'client.move':
          return copyOrMove(selected!, c.uids, c.mailbox, true);
        case 'client.append':
          return append(c.mailbox, c.flags, c.mail, c.source);
        case 'client.noop':
          return { untagged: [], status: done('OK NOOP completed') };
        case 'client.close':
          return expunge(selected!, null, true);
        case 'client.logout':
          return { untagged: ['* BYE Logging out'], status: done('OK Logout completed') };
      }
    },
  };
}

/** Header bytes of a message: the model's headers are a fixed share of small mails. */
export function headerBytes(size: number): number {
  return Math.min(size, 600);
}

export { serverFolders };
