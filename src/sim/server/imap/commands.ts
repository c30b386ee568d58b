// What an IMAP command does to one account's mailboxes, answered in Dovecot
// 2.3's words (semantics.md "IMAP"; reference/dovecot-2.3.19-observed.txt).
// Every function reads the store through a Draft and records its changes
// there: nothing here changes the store (the session machine decides whether
// a command is legal at all). Rule numbers refer to docs/rules.md.
import { Flag } from '../../model/flags';
import { metaWithRecent, type Copy } from '../../model/state';
import { formatUidSet, quoteMailbox, type ImapCommand, type ImapReply, type ListingRef } from '../../protocol/imap';
import { flagListText, headerBytes, type FetchedMessage } from '../../protocol/imapFetch';
import { folderExists, meta } from '../../store/mailbox';
import { OVERQUOTA_TEXT, quotaAllows, type QuotaRule } from '../../store/quota';
import type { Draft } from '../draft';
import { serverPlaceOf } from '../placeCache';
import type { PlaceId } from '../../model/places';
import { RecentUids } from './recent';

/** imap-login's capabilities before login, on a secured connection (Dovecot 2.3 with ssl = required). */
export const PRE_LOGIN_CAPABILITIES = 'IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ AUTH=PLAIN AUTH=LOGIN';
export const IMAP_GREETING = `* OK [CAPABILITY ${PRE_LOGIN_CAPABILITIES}] Dovecot (Debian) ready.`;
/** The greeting on port 143 before STARTTLS: no AUTH= mechanisms, STARTTLS offered, LOGIN disabled (RFC 3501 §7.1, RFC 2595 §3.2). */
export const PRE_LOGIN_CAPABILITIES_PLAIN = 'IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ STARTTLS LOGINDISABLED';
export const IMAP_GREETING_PLAIN = `* OK [CAPABILITY ${PRE_LOGIN_CAPABILITIES_PLAIN}] Dovecot (Debian) ready.`;
export const CAPABILITIES =
  'IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE SORT SORT=DISPLAY THREAD=REFERENCES THREAD=REFS THREAD=ORDEREDSUBJECT MULTIAPPEND URL-PARTIAL CATENATE UNSELECT CHILDREN NAMESPACE UIDPLUS LIST-EXTENDED I18NLEVEL=1 CONDSTORE QRESYNC ESEARCH ESORT SEARCHRES WITHIN CONTEXT=SEARCH LIST-STATUS BINARY MOVE SNIPPET=FUZZY PREVIEW=FUZZY PREVIEW STATUS=SIZE SAVEDATE LITERAL+ NOTIFY SPECIAL-USE QUOTA';

/** Dovecot appends its timing to tagged replies; the model shows a fixed one. */
export const done = (text: string) => `${text} (0.001 + 0.000 secs).`;

export { headerBytes };

/** Who is asking, and the account's settings the server enforces. */
export interface ImapAccount {
  readonly id: string;
  readonly quota: QuotaRule | undefined;
  readonly gracePercent: number;
  /** Every folder of the account, in the order the server lists them. */
  readonly folders: readonly string[];
  /** The client, for where an APPENDed message comes from (its Outbox unless it says). */
  readonly client: string;
}

/** The parts of a session a command reads and may change. */
export interface ImapCommandSession {
  readonly selected: string | null;
  /** UIDs whose \Recent flag this session took; Dovecot lists \Recent last in FLAGS. */
  readonly recent: RecentUids;
}

export interface CommandResult {
  readonly reply: ImapReply;
  readonly recent: RecentUids;
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


/** What a FETCH's items ask for, read once per distinct item list. */
interface FetchItems {
  readonly setsSeen: boolean;
  readonly wantsBody: boolean;
  readonly wantsHeader: boolean;
  readonly wantsSize: boolean;
}
const fetchItemsRead = new Map<string, FetchItems>();
function fetchItemsOf(items: string): FetchItems {
  let read = fetchItemsRead.get(items);
  if (!read)
    fetchItemsRead.set(
      items,
      (read = { setsSeen: /BODY\[\]/.test(items) && !/PEEK/.test(items), wantsBody: /BODY(\.PEEK)?\[\]/.test(items), wantsHeader: /BODY\.PEEK\[HEADER\]/.test(items), wantsSize: /RFC822\.SIZE/.test(items) }),
    );
  return read;
}

const sizeOf = (d: Draft, mail: string) => d.state.mails.get(mail)?.sizeBytes ?? 0;

/** One part of a UID set (`5`, `2:7`, `9:*`) as the UIDs it spans, `*` being the highest UID present. */
function uidRange(part: string, max: number): readonly [number, number] {
  const colon = part.indexOf(':');
  const a = colon < 0 ? part : part.slice(0, colon);
  const lo = a === '*' ? max : Number(a);
  // As `part.split(':')` reads it: the text up to a second colon, if any.
  const end = colon < 0 ? -1 : part.indexOf(':', colon + 1);
  const b = colon < 0 ? undefined : end < 0 ? part.slice(colon + 1) : part.slice(colon + 1, end);
  const hi = b === undefined ? lo : b === '*' ? max : Number(b);
  return [Math.max(1, Math.min(lo, hi)), Math.min(max, Math.max(lo, hi))] as const;
}

/** One command being carried out: the draft it works on, the account, and the session's \Recent set as the command changes it. */
class CommandRun {
  declare readonly d: Draft;
  declare readonly account: ImapAccount;
  declare recent: RecentUids;

  constructor(d: Draft, account: ImapAccount, session: ImapCommandSession) {
    this.d = d;
    this.account = account;
    this.recent = session.recent;
  }

  place(folder: string) {
    return serverPlaceOf(this.account.id, folder);
  }

  reply(r: ImapReply): CommandResult {
    return { reply: r, recent: this.recent };
  }

  flagsOf(copy: Copy, flags = copy.flags) {
    return flagListText(flags, this.recent.has(copy.uid!));
  }

  /** EXPUNGE responses as Dovecot 2.3 sends them: highest sequence number first, then the new RECENT count if this session lost \Recent messages. */
  expungeLines(gone: ReadonlyArray<{ seq: number; uid: number }>): string[] {
    const lines = [...gone].sort((a, b) => b.seq - a.seq).map((g) => `* ${g.seq} EXPUNGE`);
    if (gone.some((g) => this.recent.has(g.uid))) {
      this.recent = this.recent.without(gone.map((g) => g.uid));
      lines.push(`* ${this.recent.size} RECENT`);
    }
    return lines;
  }

  /** The messages a UID set names, with their sequence numbers, found by UID (not by counting the folder). */
  hits(folder: string, spec: string): Array<{ seq: number; copy: Copy }> {
    const out: Array<{ seq: number; copy: Copy }> = [];
    this.eachHit(folder, spec, (seq, copy) => out.push({ seq, copy }));
    return out;
  }

  /**
   * The same messages handed to `visit` in order, without a list of them (a
   * FETCH reads each once, and a year of FETCHes made an object per message
   * only to be read once). The folder read is the one the command started
   * with: what `visit` changes in the draft does not change which are visited.
   */
  eachHit(folder: string, spec: string, visit: (seq: number, copy: Copy) => void): void {
    const p = this.place(folder);
    const f = this.d.folder(p);
    // `*` is the highest UID in the mailbox, so "n:*" names the last message even when n is beyond it (RFC 9051 §6.4.8).
    const max = this.d.highestUid(p);
    // Most sets are one range ("n:*", "5", "1:200"): read without splitting the text into pieces.
    const ranges = spec.indexOf(',') < 0 ? [uidRange(spec, max)] : spec.split(',').map((part) => uidRange(part, max));
    const span = ranges.reduce((n, [lo, hi]) => n + Math.max(0, hi - lo + 1), 0);
    if (span > 2 * f.size) {
      let seq = 0;
      for (const copy of f.values()) {
        seq++;
        if (ranges.some(([lo, hi]) => copy.uid! >= lo && copy.uid! <= hi)) visit(seq, copy);
      }
      return;
    }
    if (ranges.length === 1) {
      // One range (most UID sets: "n:*", "5", "1:200"): its UIDs are in order already.
      for (let u = ranges[0][0]; u <= ranges[0][1]; u++) {
        const copy = f.get(String(u));
        if (copy) visit(this.d.seqOf(p, u), copy);
      }
      return;
    }
    const uids = new Set<number>();
    for (const [lo, hi] of ranges) for (let u = lo; u <= hi; u++) uids.add(u);
    for (const u of [...uids].sort((x, y) => x - y)) {
      const copy = f.get(String(u));
      if (copy) visit(this.d.seqOf(p, u), copy);
    }
  }

  select(folder: string, wasSelected: boolean): CommandResult {
    const f = this.d.folder(this.place(folder));
    const m = this.d.folderMeta(this.place(folder));
    if (!m) throw new Error(`no folder ${folder} for ${this.account.id}`);
    const recentFrom = m.recentUid ?? 1;
    // Only the newest UIDs can still be \Recent: look them up by UID instead of walking the folder.
    const taken = recentFrom < m.uidNext ? this.hits(folder, `${recentFrom}:${m.uidNext - 1}`).map((h) => h.copy) : [];
    // The UIDs pushed into a literal, as idleNews gathers its new ones: RecentUids.with then reads one kind of list (see recent.ts).
    const uids: number[] = [];
    for (const c of taken) uids.push(c.uid!);
    this.recent = RecentUids.of(uids);
    // The first session to see a new message takes its \Recent flag (RFC 3501 §2.3.2).
    if (taken.length) this.d.setMeta(this.place(folder), metaWithRecent(m, m.uidNext));
    let firstUnseen = -1;
    let seq = 0;
    for (const c of f.values()) {
      if (!(c.flags & Flag.Seen)) {
        firstUnseen = seq;
        break;
      }
      seq++;
    }
    return this.reply({
      untagged: [
        // Dovecot 2.3 closes the previous mailbox out loud (RFC 7162 §3.2.11).
        ...(wasSelected ? ['* OK [CLOSED] Previous mailbox closed.'] : []),
        '* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)',
        '* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted.',
        `* ${f.size} EXISTS`,
        `* ${taken.length} RECENT`,
        ...(firstUnseen >= 0 ? [`* OK [UNSEEN ${firstUnseen + 1}] First unseen.`] : []),
        `* OK [UIDVALIDITY ${m.uidValidity}] UIDs valid`,
        `* OK [UIDNEXT ${m.uidNext}] Predicted next UID`,
        // A folder whose index has modseqs switched on (a dsync copy does that) names it, asked or not (rule 107).
        ...(m.highestModseq !== undefined ? [`* OK [HIGHESTMODSEQ ${m.highestModseq}] Highest`] : []),
      ],
      status: done('OK [READ-WRITE] Select completed'),
    });
  }

  fetch(folder: string, uids: string, items: string): CommandResult {
    if (items === 'FLAGS') {
      // A flag resync of the whole folder: kept as a reference, written out from the frame's state when read.
      const upTo = Number(uids.split(':').pop());
      const p = this.place(folder);
      const count = this.d.seqOf(p, upTo);
      const recentFrom = this.recent.lowest;
      if (count > 50) {
        const store = this.d;
        const version = this.d.version;
        const listing: ListingRef = {
          listing: 'fetchFlags',
          place: p,
          upTo,
          count,
          recentFrom,
          version,
          changedSince: (since) => flagChanges(store, p, since, upTo),
          entries: () => [...store.folder(p).values()].filter((c) => c.uid! <= upTo).map((c) => ({ uid: c.uid!, flags: c.flags })),
        };
        return this.reply({ untagged: listing, status: done('OK Fetch completed') });
      }
    }
    const { setsSeen, wantsBody, wantsHeader, wantsSize } = fetchItemsOf(items);
    const literal = wantsBody ? 'body' : wantsHeader ? 'header' : null;
    // The reply as data: its lines are written from these entries when the transcript is read (protocol/imapFetch.ts).
    const fetched: FetchedMessage[] = [];
    this.eachHit(folder, uids, (seq, hit) => {
      let copy = hit;
      // FETCH BODY[] sets \Seen for everyone (RFC 9051 §6.4.5, rule 17).
      if (setsSeen && !(copy.flags & Flag.Seen)) {
        this.d.setFlags(this.place(folder), String(copy.uid), copy.flags | Flag.Seen);
        copy = this.d.copyAt(this.place(folder), String(copy.uid))!;
      }
      fetched.push({ seq, uid: copy.uid!, flags: copy.flags, recent: this.recent.has(copy.uid!), size: sizeOf(this.d, copy.mail), sizeAsked: wantsSize, literal, mail: copy.mail });
    });
    return this.reply({ untagged: { fetched }, status: done('OK Fetch completed') });
  }

  store(folder: string, uids: string, change: string, silent: boolean): CommandResult {
    const { mode, flags } = parseFlagChange(change);
    const lines: string[] = [];
    for (const { seq, copy } of this.hits(folder, uids)) {
      const next = mode === '+' ? copy.flags | flags : mode === '-' ? copy.flags & ~flags : flags;
      this.d.setFlags(this.place(folder), String(copy.uid), next);
      if (!silent) lines.push(`* ${seq} FETCH (UID ${copy.uid} FLAGS ${this.flagsOf(copy, next)})`);
    }
    // A UID that no longer exists: OK, nothing done (rule 20).
    return this.reply({ untagged: lines, status: done('OK Store completed') });
  }

  /** Remove \Deleted messages (only those in `only`, for UID EXPUNGE), reporting shifting sequence numbers. */
  expunge(folder: string, only: Set<number> | null, silent: boolean): CommandResult {
    const gone: Array<{ seq: number; uid: number }> = [];
    let seq = 0;
    for (const copy of this.d.folder(this.place(folder)).values()) {
      seq++;
      if (!(copy.flags & Flag.Deleted) || (only && !only.has(copy.uid!))) continue;
      this.d.del(this.place(folder), String(copy.uid));
      this.d.transfer('expunge', copy.mail, this.place(folder), null, String(copy.uid));
      gone.push({ seq, uid: copy.uid! });
    }
    return this.reply({ untagged: silent ? [] : this.expungeLines(gone), status: done(silent ? 'OK Close completed' : 'OK Expunge completed') });
  }

  copyOrMove(folder: string, uids: string, target: string, move: boolean): CommandResult {
    if (!folderExists(this.d, this.account.id, target)) return this.reply({ untagged: [], status: done(`NO [TRYCREATE] Mailbox doesn't exist: ${target}`) });
    const found = this.hits(folder, uids);
    if (!found.length) return this.reply({ untagged: [], status: done('OK No messages found') });
    if (!move || target === folder) {
      const bytes = found.reduce((n, h) => n + sizeOf(this.d, h.copy.mail), 0);
      // COPY is all-or-nothing: over quota nothing is stored (rules 19, 28).
      if (!quotaAllows(this.d, this.account.id, this.account.quota, this.account.gracePercent, bytes, found.length)) return this.reply({ untagged: [], status: done(`NO [OVERQUOTA] ${OVERQUOTA_TEXT}`) });
    }
    // A MOVE within the same quota root adds no usage and succeeds at the limit (rule 28, observed).
    const src: number[] = [];
    const dst: number[] = [];
    for (const { copy } of found) {
      const uid = this.d.appendMessage(this.place(target), copy.mail, copy.flags & ~Flag.Deleted);
      src.push(copy.uid!);
      dst.push(uid);
      if (!move) this.d.transfer('copy', copy.mail, this.place(folder), this.place(target), String(uid));
    }
    const validity = meta(this.d, this.account.id, target).uidValidity;
    const copyuid = `[COPYUID ${validity} ${formatUidSet(src)} ${formatUidSet(dst)}]`;
    if (!move) return this.reply({ untagged: [], status: done(`OK ${copyuid} Copy completed`) });
    const gone: Array<{ seq: number; uid: number }> = [];
    for (const { copy, seq } of found) {
      this.d.del(this.place(folder), String(copy.uid));
      this.d.transfer('move', copy.mail, this.place(folder), this.place(target), String(dst[src.indexOf(copy.uid!)]));
      gone.push({ seq, uid: copy.uid! });
    }
    return this.reply({ untagged: [`* OK ${copyuid} Moved UIDs.`, ...this.expungeLines(gone)], status: done('OK Move completed') });
  }

  /** `source`: where the client takes the message from (default: its Outbox, when saving sent mail). */
  append(target: string, flags: number, mail: string, source = `device/${this.account.client}/Outbox`): CommandResult {
    if (!folderExists(this.d, this.account.id, target)) return this.reply({ untagged: [], status: done(`NO [TRYCREATE] Mailbox doesn't exist: ${target}`) });
    const size = sizeOf(this.d, mail);
    // Refused before the literal is sent: no "+" continuation (rule 28).
    if (!quotaAllows(this.d, this.account.id, this.account.quota, this.account.gracePercent, size, 1)) return this.reply({ untagged: [], status: done(`NO [OVERQUOTA] ${OVERQUOTA_TEXT}`) });
    const uid = this.d.appendMessage(this.place(target), mail, flags);
    this.d.transfer('copy', mail, source, this.place(target), String(uid));
    return this.reply({ untagged: [], continuation: '+ OK', status: done(`OK [APPENDUID ${meta(this.d, this.account.id, target).uidValidity} ${uid}] Append completed`) });
  }
}

/** The special-use attribute (RFC 6154) of the provider's standard folders (dovecot.conf `special_use`). */
const SPECIAL_USE: Readonly<Record<string, string>> = { Sent: '\\Sent', Drafts: '\\Drafts', Trash: '\\Trash', Archive: '\\Archive' };

/**
 * LIST as Dovecot 2.3 answers it (rule 84, observed on the harness's Dovecot):
 * every folder but INBOX is subscribed (the provider creates them with
 * `auto = subscribe`), INBOX is not. `LIST (SUBSCRIBED) "" "*" RETURN
 * (SPECIAL-USE)` lists the subscribed ones with \Subscribed and their
 * special-use attribute; a plain LIST gives \HasNoChildren (no folder has
 * children here) and the special-use attribute, INBOX after the others.
 * Dovecot lists mailboxes in the order they were created (its mailbox list
 * index), the auto-created ones not yet used after them in configuration
 * order: the scenario's own folders (created with the account) come first,
 * then Sent, Drafts, Trash, Archive. `*` and `%` match every
 * name (no hierarchy), any other pattern one name (INBOX in any case).
 */
export function listLines(folders: readonly string[], pattern: string, subscribed: boolean): string[] {
  const all = pattern === '*' || pattern === '%';
  const matches = (f: string) => all || f === pattern || (f === 'INBOX' && pattern.toUpperCase() === 'INBOX');
  // The account's own folders were created when it was set up; the standard ones come into being (in configuration order) when first used.
  const own = folders.filter((f) => f !== 'INBOX' && !SPECIAL_USE[f]);
  const standard = folders.filter((f) => SPECIAL_USE[f]);
  const named = [...own, ...standard, ...folders.filter((f) => f === 'INBOX')].filter(matches);
  if (subscribed) return named.filter((f) => f !== 'INBOX').map((f) => `* LIST (\\Subscribed${SPECIAL_USE[f] ? ` ${SPECIAL_USE[f]}` : ''}) "/" ${quoteMailbox(f)}`);
  return named.map((f) => `* LIST (\\HasNoChildren${SPECIAL_USE[f] ? ` ${SPECIAL_USE[f]}` : ''}) "/" ${quoteMailbox(f)}`);
}

/** Carry out one legal command. */
export function runImapCommand(d: Draft, account: ImapAccount, session: ImapCommandSession, c: ImapCommand): CommandResult {
  const x = new CommandRun(d, account, session);
  const selected = session.selected;
  switch (c.type) {
    case 'client.login':
      return x.reply({ untagged: [], status: `OK [CAPABILITY ${CAPABILITIES}] Logged in` });
    case 'client.capability':
      return x.reply({ untagged: [`* CAPABILITY ${CAPABILITIES}`], status: done('OK Capability completed') });
    case 'client.starttls':
      // After login STARTTLS is no longer a command (the session machine answers it before login).
      return x.reply({ untagged: [], status: 'BAD Unknown command.' });
    case 'client.status': {
      if (!folderExists(d, account.id, c.mailbox)) return x.reply({ untagged: [], status: done(`NO Mailbox doesn't exist: ${c.mailbox}`) });
      const m = meta(d, account.id, c.mailbox);
      return x.reply({ untagged: [`* STATUS ${quoteMailbox(c.mailbox)} (MESSAGES ${d.folder(x.place(c.mailbox)).size} UIDNEXT ${m.uidNext} UIDVALIDITY ${m.uidValidity})`], status: done('OK Status completed') });
    }
    case 'client.list':
      return x.reply({ untagged: listLines(account.folders, c.pattern, c.subscribed), status: done('OK List completed') });
    case 'client.select':
      return x.select(c.mailbox, selected !== null);
    case 'client.fetch':
      return x.fetch(selected!, c.uids, c.items);
    case 'client.store':
      return x.store(selected!, c.uids, c.change, c.silent);
    case 'client.expunge':
      return x.expunge(selected!, null, false);
    case 'client.uidExpunge':
      return x.expunge(selected!, new Set(x.hits(selected!, c.uids).map((h) => h.copy.uid!)), false);
    case 'client.copy':
      return x.copyOrMove(selected!, c.uids, c.mailbox, false);
    case 'client.move':
      return x.copyOrMove(selected!, c.uids, c.mailbox, true);
    case 'client.append':
      return x.append(c.mailbox, c.flags, c.mail, c.source);
    case 'client.noop':
      return x.reply({ untagged: [], status: done('OK NOOP completed') });
    case 'client.close':
      return x.expunge(selected!, null, true);
    case 'client.logout':
      return x.reply({ untagged: ['* BYE Logging out'], status: done('OK Logout completed') });
    case 'client.idle':
    case 'client.done':
      throw new Error(`${c.type} is the session's, not a command to run`);
  }
}

/** How many of `uids` are below `uid`. */
function countBelow(uids: readonly number[], uid: number): number {
  let n = 0;
  for (const u of uids) if (u < uid) n++;
  return n;
}

/**
 * The copies of `place` changed since `version`, up to a UID, with their flags
 * (null: expunged). Pushed into a literal rather than filtered and mapped: a
 * mapped list is of no kind while empty (nothing changed, most days), and the
 * client's sync loop reading it was compiled anew when a non-empty one came.
 */
function flagChanges(store: Draft, place: PlaceId, version: number, upTo: number): Array<{ uid: number; flags: number | null }> {
  const out: Array<{ uid: number; flags: number | null }> = [];
  for (const uid of store.changedSince(place, version)) if (uid <= upTo) out.push({ uid, flags: store.copyAt(place, String(uid))?.flags ?? null });
  return out;
}

/**
 * While IDLE (RFC 2177; RFC 3501 §7.4.1, rule 86): what Dovecot 2.3 pushes
 * about the selected mailbox since the session last looked. Observed on
 * Dovecot 2.3.19, about half a second after the other session's change:
 * `* n FETCH (FLAGS (…))` for a message whose flags another session changed
 * (no UID, \Recent as this session holds it), `* n EXPUNGE` for each message
 * another session expunged, highest sequence number first, then `* n RECENT`
 * when this session lost \Recent messages; a message flagged and expunged
 * before the push is only expunged. FETCH lines come first, numbered as
 * before the expunges. New mail comes as `* n EXISTS` (rule 25); `* n RECENT`
 * follows only when the session's count of \Recent messages changed.
 */
export function idleNews(
  d: Draft,
  account: string,
  selected: string,
  recent: RecentUids,
  seen: { readonly version: number; readonly uidNext: number },
): { lines: string[]; recent: RecentUids } {
  const p = serverPlaceOf(account, selected);
  const m = d.folderMeta(p);
  if (!m) throw new Error(`no folder ${selected} for ${account}`);
  const lines: string[] = [];
  // Only messages the session knew of (below the UIDNEXT it last saw) are in its view.
  const changed = d.changedSince(p, seen.version).filter((uid) => uid < seen.uidNext);
  const gone = changed.filter((uid) => !d.copyAt(p, String(uid))).sort((a, b) => a - b);
  // Sequence numbers in the session's view: the messages still there below it, plus those gone but not yet told.
  for (const uid of changed.filter((u) => d.copyAt(p, String(u))).sort((a, b) => a - b)) {
    const copy = d.copyAt(p, String(uid))!;
    const flags = flagListText(copy.flags, recent.has(uid));
    lines.push(`* ${d.seqOf(p, uid) + countBelow(gone, uid)} FETCH (FLAGS ${flags})`);
  }
  for (const uid of [...gone].reverse()) lines.push(`* ${d.seqOf(p, uid) + countBelow(gone, uid) + 1} EXPUNGE`);
  let next = recent;
  const lostRecent = gone.some((uid) => recent.has(uid));
  if (lostRecent) next = recent.without(gone);
  const from = m.recentUid ?? 1;
  const fresh: number[] = [];
  for (let uid = from; uid < m.uidNext; uid++) if (d.copyAt(p, String(uid))) fresh.push(uid);
  if (fresh.length) {
    // This session has the mailbox selected: it takes the new messages' \Recent.
    next = next.with(fresh);
    d.setMeta(p, metaWithRecent(m, m.uidNext));
  }
  // New to this session: any message from the UIDNEXT it last saw on, whoever took its \Recent first.
  let arrived = fresh.length > 0;
  for (let uid = seen.uidNext; !arrived && uid < m.uidNext; uid++) if (d.copyAt(p, String(uid))) arrived = true;
  if (arrived) lines.push(`* ${d.folder(p).size} EXISTS`);
  // RECENT only when the count differs from the one last told (observed: a \Recent message expunged and a new one delivered in one push give EXISTS alone).
  if (next.size !== recent.size) lines.push(`* ${next.size} RECENT`);
  return { lines, recent: next };
}
