// Folder metas, a copy whose flags changed and tonight's backup copy are made
// by classes, so that the code reading them meets one shape each: they must
// write exactly what the literals and spreads wrote, the same fields in the
// same order (JSON leaves a meta's absent parts, held as undefined, out).
import { describe, expect, it } from 'vitest';
import {
  backedUp,
  BackupCopy,
  FolderMetaRecord,
  freshMeta,
  HeadersCopy,
  MailCopy,
  recentTaken,
  UidCopy,
  withFlags,
  withUidNext,
  withUidValidity,
  type Copy,
  type FolderMeta,
} from '../../../src/sim/model/state';
import { simulate } from '../../../src/sim/run/simulate';
import { loadScenarioData } from '../../../src/sim/scenario/load';

describe('folder metas', () => {
  it('write what the literals and spreads wrote, in their order', () => {
    const fresh = freshMeta(1234);
    expect(JSON.stringify(fresh)).toBe(JSON.stringify({ uidValidity: 1234, uidNext: 1 }));
    const appended = withUidNext(fresh, 5);
    expect(JSON.stringify(appended)).toBe(JSON.stringify({ ...{ uidValidity: 1234, uidNext: 1 }, uidNext: 5 }));
    const taken = recentTaken(appended);
    expect(JSON.stringify(taken)).toBe('{"uidValidity":1234,"uidNext":5,"recentUid":5}');
    expect(JSON.stringify(withUidValidity(taken, 99))).toBe('{"uidValidity":99,"uidNext":5,"recentUid":5}');
    // A folder a provider move copied (highestModseq) takes \Recent later: the spread put recentUid last.
    const copied: FolderMeta = { uidValidity: 7, uidNext: 3, highestModseq: 4 };
    expect(JSON.stringify(recentTaken(new FolderMetaRecord(7, 3, 4, undefined)))).toBe(JSON.stringify({ ...copied, recentUid: copied.uidNext }));
  });

  it('are one shape all year, whether or not a session took \\Recent', () => {
    const loaded = loadScenarioData('kept-shapes', {
      id: 'kept-shapes',
      title: { de: 'Zwei Mails', en: 'Two mails' },
      summary: { de: 'Zwei Mails', en: 'Two mails' },
      world: {
        accounts: [{ id: 'anna', address: 'anna@example.org' }],
        devices: [
          { id: 'laptop', kind: 'laptop', account: 'anna', protocol: 'imap', checkEveryMinutes: 600 },
          { id: 'pc', kind: 'desktop', account: 'anna', protocol: 'pop3', checkEveryMinutes: 600 },
        ],
      },
      steps: [
        { at: 'day 1, 08:00', do: 'mail.burst', prefix: 'm', count: 2, everyMinutes: 60, from: 'news@example.com', to: ['anna'], sizeKB: 8 },
        { at: 'day 2, 00:00', do: 'world.wait' },
      ],
    });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const metas = [...simulate(loaded.scenario).frames.at(-1)!.state.folderMeta.values()];
    expect(metas.some((m) => m.recentUid !== undefined)).toBe(true);
    expect(metas.some((m) => m.recentUid === undefined)).toBe(true);
    for (const m of metas) expect(Object.keys(m)).toEqual(['uidValidity', 'uidNext', 'highestModseq', 'recentUid']);
  });
});

describe('copies with other flags, and backed up', () => {
  const cases: Array<[string, Copy]> = [
    ['a server copy', new UidCopy('m1', 0, 7)],
    ['a device copy', new MailCopy('m1', 0)],
    ['a headers-only copy', new HeadersCopy('m1', 0)],
    ['a duplicate download', { mail: 'm1', flags: 0, dup: 2 }],
  ];
  it.each(cases)('%s keeps its class and writes what the spread wrote', (_, copy) => {
    const changed = withFlags(copy, 3);
    expect(JSON.stringify(changed)).toBe(JSON.stringify({ ...copy, flags: 3 }));
    expect(Object.getPrototypeOf(changed)).toBe(Object.getPrototypeOf(copy));
  });

  it('a server copy backed up is a BackupCopy that writes what the spread wrote', () => {
    const copy = new UidCopy('m1', 1, 7);
    const kept = backedUp(copy, 480);
    expect(kept).toBeInstanceOf(BackupCopy);
    expect(JSON.stringify(kept)).toBe(JSON.stringify({ ...copy, since: 480 }));
    const plain: Copy = { mail: 'm1', flags: 1, uid: 7 };
    expect(JSON.stringify(backedUp(plain, 480))).toBe('{"mail":"m1","flags":1,"uid":7,"since":480}');
  });
});
