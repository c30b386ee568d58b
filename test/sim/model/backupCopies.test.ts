// The nightly backup's copies (rule 75) are made by constructors instead of a
// spread: they must be the very objects the spread made, field for field and in
// the same order (the timeline's JSON and every reader see them), and share one
// hidden class each, which is what the constructors are for.
import { describe, expect, it } from 'vitest';
import { backupCopyOf, deviceCopy, olderBackupCopyOf, UidCopy, type Copy } from '../../../src/sim/model/state';

describe('backup copies', () => {
  it('are the spread copies, field for field and in order', () => {
    const server = new UidCopy('m1', 3, 17);
    const backup = backupCopyOf(server, 2880);
    expect(JSON.stringify(backup)).toBe(JSON.stringify({ ...server, since: 2880 }));
    expect(Object.keys(backup)).toEqual(['mail', 'flags', 'uid', 'since']);
    const older = olderBackupCopyOf(backup, 4320);
    expect(JSON.stringify(older)).toBe(JSON.stringify({ ...backup, until: 4320 }));
    expect(Object.keys(older)).toEqual(['mail', 'flags', 'uid', 'since', 'until']);
  });

  it('keep a flag change spread over a server copy and a dsync copy written as a literal', () => {
    const flagged: Copy = { ...new UidCopy('m2', 0, 4), flags: 1 };
    const dsync: Copy = { mail: 'm3', flags: 2, uid: 9 };
    for (const copy of [flagged, dsync]) expect(JSON.stringify(backupCopyOf(copy, 60))).toBe(JSON.stringify({ ...copy, since: 60 }));
  });

  it('spread anything else as before', () => {
    const headers = deviceCopy('m4', 0, true, 2);
    expect(backupCopyOf(headers, 60)).toEqual({ ...headers, since: 60 });
    expect(olderBackupCopyOf({ mail: 'm5', flags: 0 }, 7)).toEqual({ mail: 'm5', flags: 0, until: 7 });
  });

  it('share one constructor each, whatever the values', () => {
    const a = backupCopyOf(new UidCopy('m1', 0, 1), 0);
    const b = backupCopyOf({ ...new UidCopy('m2', 5, 2), flags: 1 }, 1440);
    // A spread's copy is a plain Object's, with a hidden class of its own per object (measured in the year).
    expect(a.constructor).not.toBe(Object);
    expect(a.constructor).toBe(b.constructor);
    expect(olderBackupCopyOf(a, 1).constructor).toBe(olderBackupCopyOf(b, 2).constructor);
  });
});
