// A POP3 mail client (Thunderbird, Outlook, Apple Mail, phone clients) and
// the settings they offer. "Leave on server" is purely a client feature: the
// client remembers the UIDLs it has downloaded, fetches only new ones, and
// sends DELE by its own policy (semantics.md "POP3", rules 4–10, 12).
// The order of a check is Thunderbird's (Pop3Client.sys.mjs): CAPA, login,
// STAT (nothing there: QUIT at once), LIST, UIDL, then per message in UIDL
// order RETR (TOP n 0 for headers only) and DELE as the policy says, QUIT.
// Thunderbird waits for each reply (no POP3 pipelining), so every command is
// one round trip.
import { Flag } from '../model/flags';
import { deviceCopy } from '../model/state';
import { devicePlace, serverPlace } from '../model/places';
import { pop3CommandText, type Pop3Command, type Reply } from '../protocol/pop3';
import { MINUTES_PER_DAY } from '../scenario/time';
import { Cost, lineBytes } from './cost';
import type { ClientHost, Pop3Wire } from './host';
import { canConnect } from './imapClient';
import { tlsModeOf } from '../protocol/tls';

export const POP3_INBOX = 'Inbox';
export const POP3_TRASH = 'Trash';

const linesOf = (r: Reply): readonly string[] => (typeof r === 'function' ? r() : r);

class Pop3Connection {
  readonly cost = new Cost();
  /** Numbers this session marked with DELE and the server accepted. */
  readonly marked = new Set<number>();

  constructor(private readonly wire: Pop3Wire) {
    this.cost.wait();
    this.cost.add(lineBytes(linesOf(wire.greeting)));
  }

  send(command: Pop3Command): readonly string[] {
    return linesOf(this.sendForListing(command));
  }

  /** A command whose reply may be a long listing, read without writing it out. */
  sendForListing(command: Pop3Command): Reply {
    // Written once: the wire puts the same line into the transcript.
    const text = pop3CommandText(command);
    const reply = this.wire.send(command, text);
    let bytes: number;
    if (typeof reply === 'function' && reply.each) {
      // "123 000004d26b0b1a2f": counted from the lines, not written out.
      bytes = 20;
      reply.each((n, v) => (bytes += String(n).length + v.length + 3));
    } else bytes = lineBytes(linesOf(reply));
    this.cost.add(text.length + 2 + bytes);
    this.cost.wait();
    const first = typeof reply === 'function' ? null : reply[0];
    if (command.type === 'client.dele' && first?.startsWith('+OK')) this.marked.add(command.n);
    return reply;
  }

  /** The reply that refused the login, if one did. */
  refusal = '';

  login(user: string, password: string): boolean {
    // A USER refused (a plaintext login before STLS) ends the attempt: the password is not sent after it.
    const named = this.send({ type: 'client.user', name: user })[0] ?? '';
    if (!named.startsWith('+OK')) {
      this.refusal = named;
      return false;
    }
    const r = this.send({ type: 'client.pass', password })[0] ?? '';
    if (!r.startsWith('+OK')) this.refusal = r;
    return r.startsWith('+OK');
  }

  /**
   * STLS on port 110 (RFC 2595 §4) when CAPA offered it, then CAPA again: the
   * list before TLS no longer counts (Thunderbird's Pop3Client.sys.mjs sends
   * CAPA again after STLS). False when the server did not agree.
   */
  startTls(capa: readonly string[]): boolean {
    if (!capa.includes('STLS') || !this.send({ type: 'client.stls' })[0]?.startsWith('+OK')) return false;
    this.send({ type: 'client.capa' });
    return true;
  }

  /** QUIT; "messages deleted" in the reply: the server removed what this session marked. Returns how many. */
  quit(): number {
    const reply = this.send({ type: 'client.quit' });
    return /messages deleted/.test(reply[0] ?? '') ? this.marked.size : 0;
  }

  drop(): void {
    this.wire.drop();
  }
}

interface Listed {
  readonly n: number;
  readonly uidl: string;
  readonly size: number;
}

/** Each line of a LIST or UIDL listing: message number and the rest (size or UIDL). */
function eachListed(reply: Reply, visit: (n: number, value: string) => void): void {
  if (typeof reply === 'function' && reply.each) return reply.each(visit);
  for (const l of linesOf(reply).slice(1)) {
    const m = /^(\d+) (\S+)$/.exec(l);
    if (m) visit(Number(m[1]), m[2]);
  }
}

/** The maildrop as LIST and UIDL describe it. */
function readMaildrop(list: Reply | null, uidl: Reply): Listed[] {
  const sizes = new Map<number, number>();
  if (list) eachListed(list, (n, v) => sizes.set(n, Number(v)));
  const out: Listed[] = [];
  eachListed(uidl, (n, v) => out.push({ n, uidl: v, size: sizes.get(n) ?? 0 }));
  return out;
}

const mailIn = (reply: readonly string[]) => /^<(?:message (\S+), \d+ octets|headers of (\S+))>$/.exec(reply[1] ?? '')?.slice(1).find(Boolean) ?? null;

function connect(h: ClientHost): Pop3Connection | null {
  if (!canConnect(h)) return null;
  const wire = h.openPop3();
  if (!wire) return null;
  const conn = new Pop3Connection(wire);
  const capa = conn.send({ type: 'client.capa' });
  // Connection security as the device is set up (protocol/tls.ts): STLS first on 110 when asked.
  const mode = tlsModeOf(h.device.tls);
  if (mode === 'starttls' && !conn.startTls(capa)) {
    h.report({ kind: 'starttlsRefused', protocol: 'pop3' });
    return null;
  }
  if (!conn.login(h.account.id, h.account.password)) {
    // Another session holds the maildrop lock (rule 11): the server has closed the connection; the client tries again at its next check.
    if (/^-ERR \[IN-USE\]/.test(conn.refusal)) {
      h.report({ kind: 'pop3Locked' });
      return null;
    }
    const plaintext = /Plaintext authentication disallowed/.test(conn.refusal);
    h.report({ kind: 'loginRefused', protocol: 'pop3', plaintext, port: mode === 'implicit' ? 995 : 110 });
    return null;
  }
  return conn;
}

/** Check for mail: download what is new, DELE by policy, then QUIT commits. */
export function pop3Check(h: ClientHost, options: { dropBeforeQuit?: boolean; afterLogin?: () => void } = {}): void {
  const conn = connect(h);
  if (!conn) return;
  // A scenario's "meanwhile": another device checks while this session is logged in (rule 11).
  options.afterLogin?.();
  const id = h.device.id;
  const policy = h.device.pop3;
  const memory = h.memory;
  const stat = conn.send({ type: 'client.stat' });
  const count = Number(/^\+OK (\d+)/.exec(stat[0] ?? '')?.[1] ?? 0);
  const maildrop = count ? readMaildrop(conn.sendForListing({ type: 'client.list' }), conn.sendForListing({ type: 'client.uidl' })) : [];
  const fresh = maildrop.filter((m) => !memory.pop3Seen.has(m.uidl));
  h.report({ kind: 'pop3Listed', total: maildrop.length, fresh: fresh.length });

  const place = devicePlace(id, POP3_INBOX);
  const server = serverPlace(h.account.id, 'INBOX');
  for (const entry of maildrop) {
    const seen = memory.pop3Seen.get(entry.uidl);
    if (!seen) {
      const reply = conn.send(policy.headersOnly ? { type: 'client.top', n: entry.n, lines: 0 } : { type: 'client.retr', n: entry.n });
      const mail = mailIn(reply);
      if (!mail) continue;
      const { key, dup } = h.freeKey(place, mail);
      h.put(place, key, deviceCopy(mail, 0, policy.headersOnly, dup));
      h.transfer('copy', mail, server, place, key);
      memory.pop3Seen.set(entry.uidl, { mail, firstSeenAt: h.time, localPlace: place, localKey: key, deletedLocally: false, purgedLocally: false });
      const deleteNow = !policy.leaveOnServer && !policy.headersOnly;
      if (deleteNow) conn.send({ type: 'client.dele', n: entry.n });
      h.report({ kind: 'pop3Downloaded', n: entry.n, mail, headersOnly: policy.headersOnly, deletedNow: deleteNow, duplicate: Boolean(dup) });
      continue;
    }
    // Downloaded before: the policy decides whether it leaves the server now.
    let why: string | null = null;
    if (!policy.leaveOnServer) why = policy.headersOnly ? null : 'again'; // an earlier session never reached QUIT
    else if (policy.deleteAfterDays !== null && h.time - seen.firstSeenAt >= policy.deleteAfterDays * MINUTES_PER_DAY) why = 'age';
    else if (policy.deleteOnServerWhen === 'deletedLocally' && seen.deletedLocally) why = 'deletedLocally';
    else if (policy.deleteOnServerWhen === 'deletedFromTrash' && seen.purgedLocally) why = 'deletedFromTrash';
    if (!why) continue;
    conn.send({ type: 'client.dele', n: entry.n });
    h.report({ kind: 'pop3Deleted', why, n: entry.n, mail: seen.mail, days: policy.deleteAfterDays ?? 0 });
  }

  if (options.dropBeforeQuit) {
    // No QUIT, no UPDATE state: the server removes nothing (RFC 1939 §6, rule 1).
    conn.drop();
    h.recordSync(conn.cost);
    h.report({ kind: 'pop3Dropped', marked: conn.marked.size });
    return;
  }
  const removed = conn.quit();
  // The client forgets UIDLs that are no longer on the server: those it had deleted, and those gone meanwhile.
  const stillThere = new Set(maildrop.filter((m) => !(removed && conn.marked.has(m.n))).map((m) => m.uidl));
  for (const uidl of [...memory.pop3Seen.keys()]) if (!stillThere.has(uidl)) memory.pop3Seen.delete(uidl);
  h.recordSync(conn.cost);
  h.report({ kind: 'pop3Quit', removed, seconds: conn.cost.seconds(h.device.linkKbps) });
}

/** Find the device's local copy of a mail (any folder). */
function findLocal(h: ClientHost, mail: string): { place: string; key: string } | null {
  for (const place of h.devicePlaces()) for (const [key, copy] of h.folder(place)) if (copy.mail === mail) return { place, key };
  return null;
}

/** Read a mail: local flags only (rule 12); a headers-only copy needs its body fetched first. */
export function pop3Read(h: ClientHost, mail: string, opening: boolean): void {
  const local = findLocal(h, mail);
  if (!local) {
    h.report({ kind: 'notOnDevice', mail });
    return;
  }
  const copy = h.copyAt(local.place, local.key)!;
  if (copy.headersOnly) {
    fetchBody(h, mail, local);
    return;
  }
  h.setFlags(local.place, local.key, copy.flags | Flag.Seen);
  h.report({ kind: 'pop3ReadLocal', mail, size: h.sizeOf(mail), opening });
}

/** Download the body of a headers-only mail: find it by its UIDL, RETR it. */
function fetchBody(h: ClientHost, mail: string, local: { place: string; key: string }): void {
  if (!canConnect(h, 'open.offlineHeadersOnly', { mail })) return;
  const conn = connect(h);
  if (!conn) return;
  const uidl = [...h.memory.pop3Seen.entries()].find(([, s]) => s.mail === mail)?.[0];
  const listed = readMaildrop(null, conn.sendForListing({ type: 'client.uidl' }));
  const entry = listed.find((m) => m.uidl === uidl);
  if (!entry) {
    conn.quit();
    h.report({ kind: 'pop3BodyGone', mail });
    return;
  }
  conn.send({ type: 'client.retr', n: entry.n });
  const copy = h.copyAt(local.place, local.key)!;
  h.put(local.place, local.key, deviceCopy(mail, copy.flags | Flag.Seen, false, copy.dup));
  h.transfer('copy', mail, serverPlace(h.account.id, 'INBOX'), local.place, local.key);
  if (!h.device.pop3.leaveOnServer) conn.send({ type: 'client.dele', n: entry.n });
  conn.quit();
  h.recordSync(conn.cost);
  h.report({ kind: 'pop3BodyFetched', n: entry.n, mail, seconds: conn.cost.seconds(h.device.linkKbps), size: h.sizeOf(mail) });
}

/** Delete: into Deleted Items; from there, for good. The server learns of it only by policy, at the next check. */
export function pop3Delete(h: ClientHost, mail: string): void {
  const id = h.device.id;
  const local = findLocal(h, mail);
  if (!local) {
    h.report({ kind: 'notOnDevice', mail });
    return;
  }
  const trash = devicePlace(id, POP3_TRASH);
  const memory = h.memory;
  const seen = [...memory.pop3Seen.entries()].find(([, s]) => s.mail === mail);
  h.deletedByUser(mail);
  if (local.place === trash) {
    h.del(local.place, local.key);
    h.transfer('delete', mail, local.place, null, local.key);
    if (seen) memory.pop3Seen.set(seen[0], { ...seen[1], deletedLocally: true, purgedLocally: true, localPlace: null, localKey: null });
    h.report({ kind: 'pop3Purged', mail });
    return;
  }
  const copy = h.copyAt(local.place, local.key)!;
  h.del(local.place, local.key);
  const { key } = h.freeKey(trash, mail);
  h.put(trash, key, copy);
  h.transfer('move', mail, local.place, trash, key);
  if (seen) memory.pop3Seen.set(seen[0], { ...seen[1], deletedLocally: true, localPlace: trash, localKey: key });
  const policy = h.device.pop3;
  const when = !policy.leaveOnServer ? 'notOnServer' : policy.deleteOnServerWhen;
  h.report({ kind: 'pop3LocalDelete', mail, when });
}

export function pop3EmptyTrash(h: ClientHost): void {
  const id = h.device.id;
  const trash = devicePlace(id, POP3_TRASH);
  const memory = h.memory;
  const copies = [...h.folder(trash).entries()];
  for (const [key, copy] of copies) {
    h.del(trash, key);
    h.transfer('delete', copy.mail, trash, null, key);
    h.deletedByUser(copy.mail);
    for (const [uidl, s] of memory.pop3Seen) if (s.mail === copy.mail) memory.pop3Seen.set(uidl, { ...s, purgedLocally: true, localPlace: null, localKey: null });
  }
  h.report({ kind: 'pop3TrashEmptied', count: copies.length });
}

/** Moving between folders on a POP3 device stays on the device (rule 12, claim P13). */
export function pop3Move(h: ClientHost, mail: string, folder: string): void {
  const id = h.device.id;
  const local = findLocal(h, mail);
  if (!local) {
    h.report({ kind: 'notOnDevice', mail });
    return;
  }
  const target = devicePlace(id, folder);
  const copy = h.copyAt(local.place, local.key)!;
  h.del(local.place, local.key);
  const { key } = h.freeKey(target, mail);
  h.put(target, key, copy);
  h.transfer('move', mail, local.place, target, key);
  h.report({ kind: 'pop3MovedLocal', mail, folder });
}
