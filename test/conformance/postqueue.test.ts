// Reading Postfix's queue (`postqueue -j`, fixture from Postfix 3.7.11: a mail
// deferred because Dovecot's LMTP said 452 4.2.2 with quota_full_tempfail = yes).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePostqueue, replyInDelayReason } from '../../conformance/postqueue';

const deferred = readFileSync(path.join(__dirname, 'fixtures', 'postfix-3.7-postqueue-deferred.jsonl'), 'utf8');

describe('parsePostqueue', () => {
  it('reads a deferred mail with its recipient and reason', () => {
    const [m, ...rest] = parsePostqueue(deferred);
    expect(rest).toEqual([]);
    expect(m).toMatchObject({ queue: 'deferred', id: '6CCA920CA14', size: 4303, sender: 'bob@example.com', forcedExpire: false });
    expect(m.recipients).toHaveLength(1);
    expect(m.recipients[0].address).toBe('carl@example.org');
    expect(replyInDelayReason(m.recipients[0].delayReason!)).toEqual({ code: 452, status: '4.2.2', text: '<carl@example.org> Quota exceeded (mailbox for user is full)' });
  });

  it('reads an empty queue as no mail, and one line per mail', () => {
    expect(parsePostqueue('')).toEqual([]);
    const active = '{"queue_name": "active", "queue_id": "A1", "arrival_time": 1, "message_size": 10, "forced_expire": false, "sender": "", "recipients": [{"address": "bob@example.com"}]}';
    const mails = parsePostqueue(`${deferred.trim()}\n${active}\n`);
    expect(mails.map((x) => x.queue)).toEqual(['deferred', 'active']);
    expect(mails[1].sender).toBe(''); // a bounce: the null sender
    expect(mails[1].recipients[0].delayReason).toBeUndefined();
  });

  it('names the line and field of output it cannot read', () => {
    expect(() => parsePostqueue('{"queue_name": "deferred"')).toThrow(/line 1: not JSON/);
    expect(() => parsePostqueue('\n[]')).toThrow(/line 2: not a JSON object/);
    expect(() => parsePostqueue(deferred.replace('"deferred"', '"elsewhere"'))).toThrow(/unknown queue "elsewhere"/);
    expect(() => parsePostqueue(deferred.replace('"message_size": 4303', '"message_size": "big"'))).toThrow(/"message_size" is not a number/);
    expect(() => parsePostqueue(deferred.replace('"address"', '"addr"'))).toThrow(/recipient 1 has no address/);
  });
});

describe('replyInDelayReason', () => {
  it('finds the reply in what Postfix writes, or says there is none', () => {
    expect(replyInDelayReason('host 127.0.0.1[127.0.0.1] said: 552 5.2.2 <a@b> Quota exceeded (in reply to RCPT TO command)')).toEqual({ code: 552, status: '5.2.2', text: '<a@b> Quota exceeded' });
    expect(replyInDelayReason('connect to 127.0.0.1[127.0.0.1]:24: Connection refused')).toBeNull();
  });
});
