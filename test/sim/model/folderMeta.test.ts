// A folder's meta changes with every stored message (UIDNEXT, rule 50) and
// every session that takes \Recent (RFC 3501 §2.3.2). The servers make the new
// meta with one literal per set of fields instead of a spread: it must be the
// object the spread made, field for field and in the same order, for every
// kind of meta the model has (a dsync copy's HIGHESTMODSEQ too, rule 107).
import { describe, expect, it } from 'vitest';
import { folderMetaOf, metaWithRecent, metaWithUidNext, type FolderMeta } from '../../../src/sim/model/state';

const kinds: FolderMeta[] = [
  { uidValidity: 1795311092, uidNext: 1 },
  { uidValidity: 1795311092, uidNext: 8, recentUid: 5 },
  { uidValidity: 7, uidNext: 12, highestModseq: 40 },
  { uidValidity: 7, uidNext: 12, highestModseq: 40, recentUid: 12 },
];

describe('folder metas', () => {
  it('with a new UIDNEXT are the spread meta, field for field and in order', () => {
    for (const m of kinds) {
      const next = metaWithUidNext(m, m.uidNext + 1);
      expect(JSON.stringify(next)).toBe(JSON.stringify({ ...m, uidNext: m.uidNext + 1 }));
      expect(Object.keys(next)).toEqual(Object.keys(m));
    }
  });

  it('with \\Recent taken are the spread meta, the field added last where it was missing', () => {
    for (const m of kinds) expect(JSON.stringify(metaWithRecent(m, m.uidNext))).toBe(JSON.stringify({ ...m, recentUid: m.uidNext }));
    expect(Object.keys(metaWithRecent(kinds[2], 12))).toEqual(['uidValidity', 'uidNext', 'highestModseq', 'recentUid']);
  });

  it('leave out what is not set', () => {
    expect(Object.keys(folderMetaOf(1, 2, undefined, undefined))).toEqual(['uidValidity', 'uidNext']);
    expect(folderMetaOf(1, 2, undefined, 2)).toEqual({ uidValidity: 1, uidNext: 2, recentUid: 2 });
  });
});
