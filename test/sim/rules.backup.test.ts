// The provider's backup generations (rule 81): one per night, kept for
// backupDays days, sharing their copies; a restore names the day; what a
// break-in leaves in the backups is said (rule 77).
import { describe, expect, it } from 'vitest';
import { formatProblem, loadScenarioData } from '../../src/sim/scenario/load';
import { backupGenerations } from '../../src/sim/run/views';
import { ALICE, arrive, check, sim, wait } from './harness';

const laptop = { id: 'laptop', kind: 'laptop' as const, account: 'alice', protocol: 'pop3' as const };
const restore = (day?: number) => ({ do: 'server.restoreBackup', ...(day === undefined ? {} : { day }) }) as never;
const diskFail = () => ({ do: 'server.diskFail' }) as never;
const breach = () => ({ do: 'server.breach' }) as never;

describe('server backup generations', () => {
  it('rule 81: a mail fetched off the server stays in the backups for backupDays nights, then is discarded with the oldest generation', () => {
    const world = { server: { backupDays: 3 }, accounts: [ALICE], devices: [laptop] };
    // m1 is backed up on the night to day 2 (02:00), fetched (deleted on the server) on day 2.
    const r = sim(world).at('day 1, 09:00', arrive('m1')).at('day 2, 10:00', check('laptop')).at('day 4, 12:00', wait()).at('day 5, 12:00', wait()).run();
    // Day 4: generations of days 2, 3, 4; only day 2's holds m1.
    expect(r.after(/time passes/, 0).placesOf('m1')).toEqual(['backup/server/alice/INBOX', 'device/laptop/Inbox']);
    // Day 5 at 02:00 the generation of day 2 is discarded: m1 is in no backup any more.
    r.expectMailIn('m1', ['device/laptop/Inbox']);
    expect(r.timeline.frames.some((f) => f.narration.key === 'server.backupDiscarded')).toBe(true);
  });

  it('rule 81: a restore names the day and brings back what the server held that night; left out, last night\'s', () => {
    const world = { accounts: [ALICE], devices: [laptop] };
    const story = (day?: number) =>
      sim(world)
        .at('day 1, 09:00', arrive('m1'))
        .at('day 2, 09:00', arrive('m2'))
        .at('day 3, 10:00', check('laptop'))
        .at('day 3, 11:00', diskFail(), restore(day))
        .run();
    const lastNight = story();
    // Last night's backup (day 3, 02:00) holds m1 and m2 — the check came after it.
    expect(lastNight.placesOf('m1')).toContain('server/alice/INBOX');
    expect(lastNight.placesOf('m2')).toContain('server/alice/INBOX');
    expect(lastNight.frame.narration).toEqual({ key: 'server.restored', params: { count: 2, day: 3 } });
    const dayTwo = story(2);
    // The backup of day 2 (02:00) was taken before m2 arrived.
    expect(dayTwo.placesOf('m1')).toContain('server/alice/INBOX');
    expect(dayTwo.placesOf('m2')).not.toContain('server/alice/INBOX');
    expect(dayTwo.after('server · restore').frame.narration).toEqual({ key: 'server.restored', params: { count: 1, day: 2 } });
  });

  it('rule 81: the generations are shared: a mail kept by every generation is stored once, and the view counts it per generation', () => {
    const r = sim({ accounts: [ALICE], devices: [laptop] }).at('day 1, 09:00', arrive('m1')).at('day 4, 09:00', wait()).run();
    const state = r.timeline.stateAt(r.frame.index);
    expect([...state.places.get('backup/server/alice/INBOX')!.values()].map((c) => c.mail)).toEqual(['m1']);
    const g = backupGenerations(state);
    expect(g.taken.map((t) => t.day)).toEqual([2, 3, 4]);
    expect(g.places).toEqual([{ place: 'backup/server/alice/INBOX', mails: [{ mail: 'm1', from: 0, to: 2 }], counts: [1, 1, 1] }]);
  });

  it('rule 77: a break-in narrates the mail the backups still hold that is no longer on the server', () => {
    const r = sim({ accounts: [ALICE], devices: [laptop] }).at('day 1, 09:00', arrive('m1')).at('day 2, 10:00', check('laptop')).at('day 2, 11:00', breach()).run();
    expect(r.frame.narration).toEqual({ key: 'server.backupsHoldMore', params: { count: 1, days: 14 } });
  });

  it('rule 81: a restore of a day that is not kept, or not yet taken, is a located load error', () => {
    const file = (step: Record<string, unknown>, server: Record<string, unknown> = {}) => ({
      id: 'x',
      title: { de: 'x', en: 'x' },
      summary: { de: 'x', en: 'x' },
      world: { server, accounts: [ALICE], devices: [] },
      steps: [step],
    });
    const problems = (d: unknown) => {
      const r = loadScenarioData('x.json', d);
      return r.ok ? [] : r.problems.map(formatProblem);
    };
    expect(problems(file({ at: 'day 3, 01:00', do: 'server.restoreBackup', day: 3 }))).toEqual([
      'x.json: steps[0].day: the backup of day 3 is taken at 02:00 that day, after this step (day 3, 01:00)',
    ]);
    expect(problems(file({ at: 'day 20, 09:00', do: 'server.restoreBackup', day: 2 }))).toEqual([
      'x.json: steps[0].day: backups are kept for 14 days: at day 20, 09:00 the oldest is from day 7',
    ]);
    expect(problems(file({ at: 'day 3, 09:00', do: 'server.restoreBackup', day: 2 }, { backup: 'none' }))).toEqual([
      'x.json: steps[0].day: the server has no backup ("backup": "none")',
    ]);
    expect(problems(file({ at: 'day 20, 09:00', do: 'server.restoreBackup', day: 7 }))).toEqual([]);
    expect(problems(file({ at: 'day 20, 09:00', do: 'server.restoreBackup', day: 6 }))).toHaveLength(1);
  });
});

// After a restore the folders have the backup's UIDVALIDITY and UIDNEXT, as
// Dovecot's index files come back with the mails (rule 50); rule 82 is the operator's fix.
describe('a restore and the UIDs it hands out again', () => {
  const imapLaptop = { id: 'laptop', kind: 'laptop' as const, account: 'alice', protocol: 'imap' as const, imap: { cache: 'full' as const } };
  // m1 is backed up (day 2, 02:00); m2 comes after the backup and is cached by the laptop as UID 2; the disk is lost,
  // the backup restored; m3 arrives and gets UID 2 again.
  const story = (server: Record<string, unknown> = {}) =>
    sim({ server, accounts: [ALICE], devices: [imapLaptop] })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 1, 10:00', check('laptop'))
      .at('day 2, 09:00', arrive('m2'))
      .at('day 2, 10:00', check('laptop'))
      .at('day 2, 11:00', diskFail(), restore())
      .at('day 2, 12:00', arrive('m3'))
      .at('day 2, 13:00', check('laptop'))
      .run();

  it('rule 50: the restore brings back the backup\'s UIDNEXT under the same UIDVALIDITY, and the next delivery gets a UID a lost message had', () => {
    const r = story();
    const before = r.after(/disk failed/).frame.state;
    const restored = r.after(/restore/).frame.state;
    // While the disk is lost there is no folder at all: Dovecot's index files were on it.
    expect(before.folderMeta.has('server/alice/INBOX')).toBe(false);
    const meta = restored.folderMeta.get('server/alice/INBOX')!;
    expect(meta.uidNext).toBe(2);
    expect(meta.uidValidity).toBe(r.after(/laptop · connection kept/, 0).frame.state.folderMeta.get('server/alice/INBOX')!.uidValidity);
    expect(r.frame.state.places.get('server/alice/INBOX')!.get('2')!.mail).toBe('m3');
    expect(r.timeline.frames.some((f) => f.narration.key === 'server.uidsReused' && f.narration.params.count === 1)).toBe(true);
  });

  it('rule 50: a client that cached the lost message under that UID keeps showing it and never fetches the new one', () => {
    const r = story();
    // The laptop's SELECT: same UIDVALIDITY, UIDNEXT 3, UID 2 present — it is in the cache already.
    r.expectMailIn('m2', ['device/laptop/INBOX']);
    r.expectMailIn('m3', ['server/alice/INBOX']);
    const afterRestore = r.lines('IMAP').slice(r.after('server · restore').lines('IMAP').length);
    expect(afterRestore).toContain('S: * OK [UIDNEXT 3] Predicted next UID');
    expect(afterRestore.filter((l) => /BODY\.PEEK/.test(l))).toEqual([]);
  });

  it('rule 82 and 24: with uidValidityAfterRestore new, the operator sets a new UIDVALIDITY and the laptop fetches the folder again', () => {
    const r = story({ uidValidityAfterRestore: 'new' });
    expect(r.timeline.frames.some((f) => f.narration.key === 'server.uidValidityRenewed')).toBe(true);
    expect(r.timeline.frames.some((f) => f.narration.key === 'server.uidsReused')).toBe(false);
    r.expectMailIn('m3', ['server/alice/INBOX', 'device/laptop/INBOX']);
    r.expectMailIn('m2', []);
    r.expectMailIn('m1', ['backup/server/alice/INBOX', 'server/alice/INBOX', 'device/laptop/INBOX']);
  });

  it('rule 50: with no backup to restore, the folders come back empty with a new UIDVALIDITY, and the laptop drops its cache', () => {
    const r = sim({ server: { backup: 'none' }, accounts: [ALICE], devices: [imapLaptop] })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 1, 10:00', check('laptop'))
      .at('day 2, 11:00', diskFail(), restore())
      .at('day 2, 12:00', arrive('m2'))
      .at('day 2, 13:00', check('laptop'))
      .run();
    const first = r.after(/laptop · connection kept/, 0).frame.state.folderMeta.get('server/alice/INBOX')!;
    const now = r.frame.state.folderMeta.get('server/alice/INBOX')!;
    expect(now.uidValidity).not.toBe(first.uidValidity);
    expect(r.frame.state.places.get('server/alice/INBOX')!.get('1')!.mail).toBe('m2');
    r.expectMailIn('m2', ['server/alice/INBOX', 'device/laptop/INBOX']);
    r.expectMailIn('m1', []);
  });

  it('rule 50: a generation records a folder\'s meta only when it changed, and records no kept generation needs are dropped', () => {
    const r = sim({ server: { backupDays: 2 }, accounts: [ALICE], devices: [imapLaptop] })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 6, 09:00', wait())
      .run();
    const keys = [...r.frame.state.folderMeta.keys()].filter((k) => k.startsWith('backup/server/alice/INBOX@'));
    // Recorded the first night (UIDNEXT 2) and never again: one record serves every kept generation.
    expect(keys).toEqual([`backup/server/alice/INBOX@${24 * 60 + 120}`]);
  });
});

