// LIST and UIDL answer with a listing written out when read (the timeline keeps
// it all year): it says what the maildrop was when the command was answered.
import { describe, expect, it } from 'vitest';
import { handlePop3, openPop3Session, type MaildropEntry, type Pop3ServerSession } from '../../../../src/sim/server/pop3/pop3Server';
import { MailStore } from '../../../../src/sim/store/store';
import type { Pop3Command, Reply } from '../../../../src/sim/protocol/pop3';

function loggedIn(): { store: MailStore; session: Pop3ServerSession } {
  const store = new MailStore();
  store.apply({ op: 'meta', place: 'server/alice/INBOX', meta: { uidValidity: 7, uidNext: 1 } });
  for (const [i, mail] of ['m1', 'm2', 'm3'].entries()) {
    store.apply({ op: 'mail', info: { id: mail, subject: mail, from: 'x@example.net', to: ['alice@example.org'], sizeBytes: 1000 + i, owners: ['alice'], createdAt: 0 } });
    store.apply({ op: 'put', place: 'server/alice/INBOX', key: String(i + 1), copy: { mail, flags: 0, uid: i + 1 } });
  }
  let session = openPop3Session(store, 'alice', 'pw').session;
  for (const c of [{ type: 'client.user', name: 'alice' }, { type: 'client.pass', password: 'pw' }] as Pop3Command[]) session = handlePop3(store, session, c).session;
  return { store, session };
}

const written = (r: Reply) => (typeof r === 'function' ? r() : [...r]);

function visited(r: Reply): string[] {
  const out: string[] = [];
  if (typeof r === 'function') r.each?.((n, v) => out.push(`${n} ${v}`));
  return out;
}

describe('a POP3 LIST or UIDL listing', () => {
  it('lists the messages not marked, and reads the same line by line as written out', () => {
    const { store, session } = loggedIn();
    const marked = handlePop3(store, session, { type: 'client.dele', n: 2 }).session;
    const list = handlePop3(store, marked, { type: 'client.list' }).reply;
    expect(written(list)).toEqual(['+OK 2 messages:', '1 1000', '3 1002', '.']);
    expect(visited(list)).toEqual(['1 1000', '3 1002']);
    const uidl = handlePop3(store, marked, { type: 'client.uidl' }).reply;
    expect(written(uidl)).toHaveLength(4);
    expect(visited(uidl)).toEqual(written(uidl).slice(1, -1));
  });

  it('is what was answered, whatever becomes of the session\'s maildrop afterwards', () => {
    const { store, session } = loggedIn();
    const uidl = handlePop3(store, session, { type: 'client.uidl' }).reply;
    const before = written(uidl);
    (session.maildrop as MaildropEntry[])[0] = { ...session.maildrop[0], uidl: 'changed' };
    expect(written(uidl)).toEqual(before);
    expect(visited(uidl)).toEqual(before.slice(1, -1));
  });
});
