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
    expect(dayTwo.frame.narration).toEqual({ key: 'server.restored', params: { count: 1, day: 2 } });
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
