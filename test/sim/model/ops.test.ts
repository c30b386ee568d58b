// applyOp is the one way the visible state changes. It tells the store which copy
// a put replaced or a del removed (so the store does not look it up first), and
// keeps each account's server usage and each mail's owner copies in step, asking
// a place's kind and account of facts worked out once per place id.
import { describe, expect, it } from 'vitest';
import { applyOp, DelOp, MailOp, PutOp } from '../../../src/sim/model/ops';
import { placeFacts } from '../../../src/sim/model/places';
import { emptyState, MailCopy, MailRecord, UidCopy } from '../../../src/sim/model/state';

const mail = (id: string, size: number) => new MailOp(new MailRecord(id, 's', 'a@x.org', ['b@x.org'], size, ['anna'], 0));

describe('applyOp', () => {
  it('returns the copy a put replaced or a del removed, and nothing where there was none', () => {
    const s = emptyState();
    const first = new MailCopy('m1', 0);
    const second = new MailCopy('m1', 1);
    expect(applyOp(s, new PutOp('device/laptop/INBOX', 'm1', first))).toBeUndefined();
    expect(applyOp(s, new PutOp('device/laptop/INBOX', 'm1', second))).toBe(first);
    expect(applyOp(s, new DelOp('device/laptop/INBOX', 'm1'))).toBe(second);
    expect(applyOp(s, new DelOp('device/laptop/INBOX', 'm1'))).toBeUndefined();
    expect(applyOp(s, new DelOp('device/phone/INBOX', 'm1'))).toBeUndefined();
    expect(s.places.has('device/laptop/INBOX')).toBe(false);
  });

  it('counts server copies for the mailbox they are in and every copy but an intruder\'s for the owner', () => {
    const s = emptyState();
    applyOp(s, mail('m1', 100));
    applyOp(s, mail('m2', 50));
    applyOp(s, new PutOp('server/anna/INBOX', '1', new UidCopy('m1', 0, 1)));
    applyOp(s, new PutOp('server/anna@new/INBOX', '1', new UidCopy('m2', 0, 1)));
    applyOp(s, new PutOp('intruder', 'm2', new MailCopy('m2', 0)));
    expect(Object.fromEntries(s.usage)).toEqual({ anna: { bytes: 100, messages: 1 }, 'anna@new': { bytes: 50, messages: 1 } });
    expect(Object.fromEntries(s.ownerCopies)).toEqual({ m1: 1, m2: 1 });
    applyOp(s, new DelOp('server/anna/INBOX', '1'));
    expect(s.usage.get('anna')).toEqual({ bytes: 0, messages: 0 });
    expect(s.ownerCopies.get('m1')).toBe(0);
  });
});

describe('placeFacts', () => {
  it('tells a place\'s kind, whether its copies keep a mail for its owner and a server place\'s mailbox', () => {
    expect(placeFacts('server/anna@new/Sent Messages')).toEqual({ kind: 'server', keepsMailForOwner: true, serverAccount: 'anna@new' });
    expect(placeFacts('backup/server/anna/INBOX')).toEqual({ kind: 'backup', keepsMailForOwner: true, serverAccount: null });
    expect(placeFacts('intruder')).toEqual({ kind: 'intruder', keepsMailForOwner: false, serverAccount: null });
    expect(placeFacts('server/anna/INBOX')).toBe(placeFacts('server/anna/INBOX'));
    expect(() => placeFacts('nowhere/x')).toThrow(/unknown place/);
  });
});
