// A profile's settings, given to today's engine, produce what the client's
// documentation and code say happens. Uses only the simulation's public face,
// so it keeps checking the same thing when the engine inside changes.
import { describe, expect, it } from 'vitest';
import { formatProblem, loadScenarioData, metricsOf, placeKind, simulate, type Timeline } from '../../../src/sim';
import { profileById, resolveSettings, type Pop3Settings, type ProfileId } from '../../../src/sim/profiles';

type StepInput = Record<string, unknown> & { at: string };

function pop3Device(profile: ProfileId): Record<string, unknown> {
  const { settings, missing } = resolveSettings(profileById(profile) ?? null, 'pop3', {});
  const { checkEveryMinutes: _interval, ...pop3 } = settings as Partial<Pop3Settings>;
  // Checks are driven by the steps here, so the automatic interval stays off; headersOnly may be unsourced.
  expect(missing.filter((k) => k !== 'headersOnly' && k !== 'checkEveryMinutes')).toEqual([]);
  return { id: 'laptop', kind: 'laptop', account: 'alice', protocol: 'pop3', pop3 };
}

function run(device: Record<string, unknown>, steps: StepInput[]): Timeline {
  const loaded = loadScenarioData('profile-test', {
    id: 'profile-test',
    title: { de: 'Test', en: 'Test' },
    summary: { de: 'Test', en: 'Test' },
    world: { accounts: [{ id: 'alice', address: 'alice@example.org' }], devices: [device] },
    steps,
  });
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  return simulate(loaded.scenario);
}

/** Is the mail on the server (any folder) once step `step` (0-based) has run completely? */
function onServerAfter(t: Timeline, mail: string, step: number): boolean {
  const frame = t.frames.filter((f) => f.step === step).at(-1);
  if (!frame) throw new Error(`no frame for step ${step}`);
  const where = metricsOf(frame, t).mails.find((m) => m.mail === mail);
  return !!where?.places.some((p) => placeKind(p.place) === 'server');
}

const arrive = (at: string, id: string): StepInput => ({ at, do: 'mail.arrive', mail: { id, from: 'bob@example.com', to: ['alice'], subject: `Mail ${id}` } });
const check = (at: string): StepInput => ({ at, do: 'device.check', device: 'laptop' });

describe("Thunderbird's POP3 defaults", () => {
  it('rule 6: keep the server copy after download and remove it at the first check 14 days later', () => {
    const t = run(pop3Device('thunderbird'), [arrive('day 1, 09:00', 'm1'), check('day 1, 10:00'), check('day 14, 10:00'), check('day 16, 10:00')]);
    expect(onServerAfter(t, 'm1', 1)).toBe(true);
    expect(onServerAfter(t, 'm1', 2)).toBe(true);
    expect(onServerAfter(t, 'm1', 3)).toBe(false);
  });

  it('rule 7: remove the server copy at the next check after the user deletes the mail locally', () => {
    const t = run(pop3Device('thunderbird'), [
      arrive('day 1, 09:00', 'm1'),
      check('day 1, 10:00'),
      { at: 'day 1, 11:00', do: 'device.delete', device: 'laptop', mail: 'm1' },
      check('day 1, 12:00'),
    ]);
    expect(onServerAfter(t, 'm1', 1)).toBe(true);
    expect(onServerAfter(t, 'm1', 2)).toBe(true);
    expect(onServerAfter(t, 'm1', 3)).toBe(false);
  });
});

describe("iOS Mail's and Thunderbird for Android's POP3 defaults", () => {
  it('rule 5: the server keeps the mail after download, after 30 days and after a local delete', () => {
    for (const id of ['ios-mail', 'thunderbird-android'] as const) {
      const t = run(pop3Device(id), [
        arrive('day 1, 09:00', 'm1'),
        check('day 1, 10:00'),
        { at: 'day 2, 11:00', do: 'device.delete', device: 'laptop', mail: 'm1' },
        check('day 31, 10:00'),
      ]);
      expect(onServerAfter(t, 'm1', 1), id).toBe(true);
      expect(onServerAfter(t, 'm1', 3), id).toBe(true);
    }
  });
});
