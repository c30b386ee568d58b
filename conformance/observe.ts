// The server's state, read two ways and written out the same way so that
// they can be compared line by line: from the real Dovecot (a read-only IMAP
// session: LIST, STATUS, EXAMINE, FETCH, GETQUOTAROOT — EXAMINE takes no
// \Recent and changes no flag) and from the model's frame state.
import { ImapClient } from './wire';
import { mailIdFrom } from './message';

const FLAG_BITS: Record<string, number> = { '\\Answered': 1, '\\Flagged': 2, '\\Deleted': 4, '\\Seen': 8, '\\Draft': 16 };
const FLAG_ORDER = ['\\Answered', '\\Flagged', '\\Deleted', '\\Seen', '\\Draft'];

export function flagText(bits: number): string {
  return `(${FLAG_ORDER.filter((f) => bits & FLAG_BITS[f]).join(' ')})`;
}

export interface ServerMessage {
  readonly uid: number;
  /** The model's mail id (from the Message-ID), or the raw Message-ID when it names no model mail. */
  readonly mail: string;
  readonly flags: number;
  readonly size: number;
}

export interface ServerFolder {
  readonly name: string;
  readonly uidValidity: number;
  readonly uidNext: number;
  readonly messages: readonly ServerMessage[];
}

export interface ServerAccount {
  readonly folders: readonly ServerFolder[];
  /** Dovecot's GETQUOTAROOT figures; null: no quota. */
  readonly quota: { readonly storage?: readonly [number, number]; readonly messages?: readonly [number, number] } | null;
}

/** Lines that say everything compared about one account's mailbox. */
export function describeAccount(a: ServerAccount): string[] {
  const out: string[] = [];
  const folders = [...a.folders].sort((x, y) => folderOrder(x.name) - folderOrder(y.name) || x.name.localeCompare(y.name));
  for (const f of folders) {
    out.push(`${f.name} UIDVALIDITY ${f.uidValidity} UIDNEXT ${f.uidNext} MESSAGES ${f.messages.length}`);
    for (const m of [...f.messages].sort((x, y) => x.uid - y.uid)) out.push(`  ${f.name} UID ${m.uid} ${m.mail} FLAGS ${flagText(m.flags)} SIZE ${m.size}`);
  }
  if (a.quota === null) out.push('QUOTA none');
  else {
    const parts: string[] = [];
    if (a.quota.storage) parts.push(`STORAGE ${a.quota.storage[0]} ${a.quota.storage[1]}`);
    if (a.quota.messages) parts.push(`MESSAGE ${a.quota.messages[0]} ${a.quota.messages[1]}`);
    out.push(`QUOTA (${parts.join(' ')})`);
  }
  return out;
}

const STANDARD = ['INBOX', 'Sent', 'Drafts', 'Trash', 'Archive'];
function folderOrder(name: string): number {
  const i = STANDARD.indexOf(name);
  return i < 0 ? STANDARD.length : i;
}

// ---- the real server --------------------------------------------------------

function unquote(s: string): string {
  return s.startsWith('"') ? s.slice(1, -1).replace(/\\(.)/g, '$1') : s;
}
const quote = (s: string) => (/^[A-Za-z0-9_-]+$/.test(s) ? s : `"${s.replace(/(["\\])/g, '\\$1')}"`);

export async function observeAccount(port: number, login: string, password: string): Promise<ServerAccount> {
  const c = await ImapClient.login(port, login, password);
  try {
    const names: string[] = [];
    for (const l of await c.run('LIST "" "*"')) {
      const m = /^\* LIST \(([^)]*)\) (?:"[^"]*"|NIL) (.+)$/.exec(l.text);
      if (m && !/\\Noselect|\\NonExistent/i.test(m[1])) names.push(unquote(m[2]));
    }
    const folders: ServerFolder[] = [];
    for (const name of names) {
      const st = (await c.run(`STATUS ${quote(name)} (UIDVALIDITY UIDNEXT MESSAGES)`)).map((l) => l.text).join('\n');
      const num = (key: string) => Number(new RegExp(`${key} (\\d+)`).exec(st)?.[1] ?? NaN);
      const count = num('MESSAGES');
      const messages: ServerMessage[] = [];
      if (count > 0) {
        await c.run(`EXAMINE ${quote(name)}`);
        for (const l of await c.run('FETCH 1:* (UID FLAGS RFC822.SIZE BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])')) {
          const m = /^\* \d+ FETCH \(.*UID (\d+).*FLAGS \(([^)]*)\).*RFC822\.SIZE (\d+)/.exec(l.text);
          if (!m) continue;
          const header = l.literals.map((b) => b.toString('latin1')).join('');
          const id = /Message-ID:\s*(\S+)/i.exec(header)?.[1] ?? '(no Message-ID)';
          let flags = 0;
          for (const f of m[2].split(/\s+/)) flags |= FLAG_BITS[f] ?? 0;
          messages.push({ uid: Number(m[1]), mail: mailIdFrom(id) ?? id, flags, size: Number(m[3]) });
        }
        await c.run('UNSELECT');
      }
      folders.push({ name, uidValidity: num('UIDVALIDITY'), uidNext: num('UIDNEXT'), messages });
    }
    const q = (await c.run('GETQUOTAROOT INBOX')).map((l) => l.text).join('\n');
    let quota: ServerAccount['quota'] = null;
    const qm = /\* QUOTA (?:"[^"]*"|\S+) \(([^)]*)\)/.exec(q);
    if (qm) {
      const storage = /STORAGE (\d+) (\d+)/.exec(qm[1]);
      const messages = /MESSAGE (\d+) (\d+)/.exec(qm[1]);
      quota = {
        ...(storage ? { storage: [Number(storage[1]), Number(storage[2])] as const } : {}),
        ...(messages ? { messages: [Number(messages[1]), Number(messages[2])] as const } : {}),
      };
    }
    return { folders, quota };
  } finally {
    await c.logout();
  }
}

// ---- the model --------------------------------------------------------------

interface CopyLike {
  readonly mail: string;
  readonly flags: number;
  readonly uid?: number;
}
export type MapLike<K, V> = Iterable<[K, V]> & { get(key: K): V | undefined };

export interface ModelStateLike {
  readonly places: MapLike<string, MapLike<string, CopyLike>>;
  readonly folderMeta: MapLike<string, { readonly uidValidity: number; readonly uidNext: number }>;
  readonly mails: MapLike<string, { readonly sizeBytes: number }>;
}

export interface AccountQuota {
  readonly storageKB?: number;
  readonly messages?: number;
}

/**
 * The model's view of one account on the server, written like the real one.
 * Storage is given the way Dovecot reports it: kilobytes rounded up.
 */
export function modelAccount(state: ModelStateLike, account: string, quota: AccountQuota | undefined): ServerAccount {
  const prefix = `server/${account}/`;
  const byFolder = new Map<string, ServerMessage[]>();
  const metas = new Map<string, { uidValidity: number; uidNext: number }>();
  for (const [place, meta] of state.folderMeta) if (place.startsWith(prefix)) metas.set(place.slice(prefix.length), meta);
  let bytes = 0;
  let count = 0;
  for (const [place, copies] of state.places) {
    if (!place.startsWith(prefix)) continue;
    const folder = place.slice(prefix.length);
    const list: ServerMessage[] = [];
    for (const [key, copy] of copies) {
      const size = state.mails.get(copy.mail)?.sizeBytes ?? -1;
      list.push({ uid: copy.uid ?? Number(key), mail: copy.mail, flags: copy.flags, size });
      bytes += size;
      count++;
    }
    byFolder.set(folder, list);
  }
  const names = new Set([...metas.keys(), ...[...byFolder].filter(([, l]) => l.length > 0).map(([f]) => f)]);
  const folders: ServerFolder[] = [...names].map((name) => ({
    name,
    uidValidity: metas.get(name)?.uidValidity ?? NaN,
    uidNext: metas.get(name)?.uidNext ?? NaN,
    messages: byFolder.get(name) ?? [],
  }));
  let q: ServerAccount['quota'] = null;
  if (quota && (quota.storageKB || quota.messages)) {
    q = {
      ...(quota.storageKB ? { storage: [Math.ceil(bytes / 1024), quota.storageKB] as const } : {}),
      ...(quota.messages ? { messages: [count, quota.messages] as const } : {}),
    };
  }
  return { folders, quota: q };
}
