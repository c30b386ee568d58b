// An LMTP delivery's transcript is kept all year as a function written out when
// read; what it keeps of each delivery is shared where deliveries are alike.
import { describe, expect, it } from 'vitest';
import { lmtpDeliver, lmtpTranscript, type LmtpRecipient, type LmtpTransaction } from '../../../../src/sim/server/lmtp/lmtpServer';
import { outsidePlace } from '../../../../src/sim/model/places';
import { MailStore } from '../../../../src/sim/store/store';

const anna: LmtpRecipient = { account: 'anna', address: 'anna@example.org', quota: undefined };
const ben: LmtpRecipient = { account: 'ben', address: 'ben@example.org', quota: { messages: 0 } };

function store(): MailStore {
  const s = new MailStore();
  for (const account of ['anna', 'ben']) s.apply({ op: 'meta', place: `server/${account}/INBOX`, meta: { uidValidity: 1, uidNext: 1 } });
  for (const mail of ['m1', 'm2']) s.apply({ op: 'mail', info: { id: mail, subject: mail, from: 'x@example.net', to: ['anna@example.org'], sizeBytes: 1200, owners: ['anna', 'ben'], createdAt: 0 } });
  return s;
}

const delivery = (mail: string, recipients: readonly LmtpRecipient[], time: number): LmtpTransaction => ({ mail, envelopeFrom: 'x@example.net', recipients, gracePercent: 0, tempfail: false, source: outsidePlace('x@example.net'), time });

describe('an LMTP delivery\'s transcript', () => {
  it('keeps one list of outcomes for deliveries whose recipients fared alike', () => {
    const s = store();
    const first = lmtpDeliver(s, delivery('m1', [anna, ben], 10));
    const second = lmtpDeliver(s, delivery('m2', [anna, ben], 20));
    expect(first.outcomeList).toEqual(['delivered', 'permanent']);
    expect(second.outcomeList).toBe(first.outcomeList);
    expect(lmtpDeliver(s, delivery('m1', [ben, anna], 30)).outcomeList).toEqual(['permanent', 'delivered']);
  });

  it('writes as many lines as the work cap counts, each naming its session, one reply per recipient after DATA', () => {
    const s = store();
    const t = delivery('m1', [anna, ben], 10);
    const result = lmtpDeliver(s, t);
    const lines = lmtpTranscript('mta#7', t.mail, t.envelopeFrom, t.recipients, result.size, t.time, result.outcomeList);
    expect(lines).toHaveLength(result.lineCount);
    expect(new Set(lines.map((l) => l.session))).toEqual(new Set(['mta#7']));
    expect(lines.find((l) => l.text.startsWith('<message'))?.text).toBe(`<message m1, ${result.size} octets>`);
    const afterData = lines.slice(-4, -2).map((l) => l.text);
    expect(afterData[0]).toMatch(/^250 2\.0\.0 <anna@example\.org> \S+ Saved$/);
    expect(afterData[1]).toMatch(/^552 5\.2\.2 <ben@example\.org> /);
  });
});
