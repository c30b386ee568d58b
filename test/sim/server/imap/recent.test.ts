// The \Recent UIDs of a session as values: whatever UIDs are added or taken
// away, in whatever order, the value holds exactly what a plain set would,
// its lowest UID and size agree, and an older value never changes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RecentUids } from '../../../../src/sim/server/imap/recent';

const uidList = fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 12 });
const change = fc.record({ add: fc.boolean(), uids: uidList });

describe('RecentUids', () => {
  it('holds what a set holds after any adds and expunges', () => {
    fc.assert(
      fc.property(uidList, fc.array(change, { maxLength: 10 }), (first, changes) => {
        let value = RecentUids.of(first);
        const model = new Set(first);
        const earlier: Array<{ value: RecentUids; held: number[] }> = [];
        for (const c of changes) {
          earlier.push({ value, held: [...model] });
          value = c.add ? value.with(c.uids) : value.without(c.uids);
          for (const u of c.uids) if (c.add) model.add(u); else model.delete(u);
        }
        for (let u = 0; u <= 61; u++) expect(value.has(u)).toBe(model.has(u));
        expect(value.size).toBe(model.size);
        expect(value.lowest).toBe(model.size ? Math.min(...model) : null);
        for (const e of earlier) {
          expect(e.value.size).toBe(e.held.length);
          for (const u of e.held) expect(e.value.has(u)).toBe(true);
        }
      }),
    );
  });

  it('keeps the same value when nothing changes', () => {
    const v = RecentUids.of([3, 4, 5]);
    expect(v.with([4])).toBe(v);
    expect(v.without([9])).toBe(v);
    expect(RecentUids.EMPTY.lowest).toBeNull();
  });
});
