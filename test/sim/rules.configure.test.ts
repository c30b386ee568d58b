// device.configure: a setting changed from a moment on (rule 79), and a
// protocol or client switch as the new account it is in real clients (rule 80).
import { describe, expect, it } from 'vitest';
import { formatProblem, loadScenarioData } from '../../src/sim/scenario/load';
import { ALICE, arrive, check, del, sim } from './harness';

const NO_BACKUP = { backup: 'none' as const };
const configure = (device: string, fields: Record<string, unknown>) => ({ do: 'device.configure', device, ...fields }) as never;
const laptop = (protocol: 'pop3' | 'imap', extra: Record<string, unknown> = {}) => ({ id: 'laptop', kind: 'laptop' as const, account: 'alice', protocol, ...extra });

describe('device.configure', () => {
  it('rule 79: a POP3 setting changed mid-scenario applies from the next check on, not before', () => {
    const r = sim({ server: NO_BACKUP, accounts: [ALICE], devices: [laptop('pop3')] })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 1, 10:00', check('laptop'))
      .at('day 1, 11:00', configure('laptop', { pop3: { leaveOnServer: true } }))
      .at('day 1, 12:00', arrive('m2'))
      .at('day 1, 13:00', check('laptop'))
      .run();
    // m1 was fetched under "delete on download"; m2 under "leave a copy".
    r.expectMailIn('m1', ['device/laptop/Inbox']);
    r.expectMailIn('m2', ['device/laptop/Inbox', 'server/alice/INBOX']);
  });

  it('rule 79: a new check interval starts counting when it is set', () => {
    const r = sim({ server: NO_BACKUP, accounts: [ALICE], devices: [laptop('imap')] })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 1, 10:00', configure('laptop', { checkEveryMinutes: 30 }))
      .at('day 1, 10:20', arrive('m2'))
      .at('day 1, 10:25', { do: 'world.wait' } as never)
      .run();
    expect(r.after(/time passes/).placesOf('m1')).toEqual(['server/alice/INBOX']);
    const done = sim({ server: NO_BACKUP, accounts: [ALICE], devices: [laptop('imap')] })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 1, 10:00', configure('laptop', { checkEveryMinutes: 30 }))
      .at('day 1, 10:31', { do: 'world.wait' } as never)
      .run();
    done.expectMailIn('m1', ['device/laptop/INBOX', 'server/alice/INBOX']);
  });

  it('rule 80: POP3 → IMAP: the downloads stay on the device in the old account\'s folders; the IMAP account starts empty and syncs at its next check', () => {
    const r = sim({ server: NO_BACKUP, accounts: [ALICE], devices: [laptop('pop3', { pop3: { leaveOnServer: true } })] })
      .at('day 1, 09:00', arrive('m1'), arrive('m2'))
      .at('day 1, 10:00', check('laptop'))
      .at('day 1, 11:00', configure('laptop', { protocol: 'imap' }))
      .run();
    r.expectMailIn('m1', ['device/laptop/old-pop3/Inbox', 'server/alice/INBOX']);
    const synced = sim({ server: NO_BACKUP, accounts: [ALICE], devices: [laptop('pop3', { pop3: { leaveOnServer: true } })] })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 1, 10:00', check('laptop'))
      .at('day 1, 11:00', configure('laptop', { protocol: 'imap' }))
      .at('day 1, 12:00', check('laptop'))
      .run();
    // Two copies on the laptop now: the old POP3 account's and the new IMAP cache's.
    synced.expectMailIn('m1', ['device/laptop/INBOX', 'device/laptop/old-pop3/Inbox', 'server/alice/INBOX']);
  });

  it('rule 80: IMAP → POP3: the cache goes with the old account; the new POP3 account knows no UIDLs and downloads what INBOX holds', () => {
    const before = sim({ server: NO_BACKUP, accounts: [ALICE], devices: [laptop('imap')] })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 1, 10:00', check('laptop'))
      .at('day 1, 11:00', configure('laptop', { protocol: 'pop3' }))
      .run();
    before.expectMailIn('m1', ['server/alice/INBOX']);
    const after = sim({ server: NO_BACKUP, accounts: [ALICE], devices: [laptop('imap')] })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 1, 10:00', check('laptop'))
      .at('day 1, 11:00', configure('laptop', { protocol: 'pop3' }))
      .at('day 1, 12:00', check('laptop'))
      .run();
    // The model's POP3 default (no profile): delete after download.
    after.expectMailIn('m1', ['device/laptop/Inbox']);
    after.expectLine(/RETR 1/, 'POP3');
  });

  it("rule 80: a new account in another client gets that client's defaults", () => {
    const r = sim({ server: NO_BACKUP, accounts: [ALICE], devices: [laptop('imap')] })
      .at('day 1, 09:00', configure('laptop', { protocol: 'pop3', profile: 'thunderbird' }))
      .at('day 1, 10:00', arrive('m1'))
      .at('day 1, 11:00', check('laptop'))
      .run();
    // Thunderbird's account wizard keeps POP3 mail on the server.
    r.expectMailIn('m1', ['device/laptop/Inbox', 'server/alice/INBOX']);
  });

  it('rule 80: the local delete of a mail the old POP3 account downloaded never reaches the server', () => {
    const r = sim({ server: NO_BACKUP, accounts: [ALICE], devices: [laptop('pop3', { pop3: { leaveOnServer: true } })] })
      .at('day 1, 09:00', arrive('m1'))
      .at('day 1, 10:00', check('laptop'))
      .at('day 1, 11:00', configure('laptop', { protocol: 'imap' }))
      .at('day 1, 12:00', check('laptop'), del('laptop', 'm1'), check('laptop'))
      .run();
    expect(r.placesOf('m1')).toContain('device/laptop/old-pop3/Inbox');
  });
});

describe('device.configure is checked like the rest of a file', () => {
  const file = (steps: unknown[], devices: unknown[] = [laptop('pop3')]) => ({
    id: 'x',
    title: { de: 'x', en: 'x' },
    summary: { de: 'x', en: 'x' },
    world: { accounts: [ALICE], devices },
    steps,
  });
  const problems = (data: unknown) => {
    const r = loadScenarioData('x.json', data);
    return r.ok ? [] : r.problems.map(formatProblem);
  };

  it('rule 79: an unknown device, a step that changes nothing, and settings of a protocol not in use are located errors', () => {
    expect(problems(file([{ at: 'day 1, 09:00', do: 'device.configure', device: 'phone', linkKbps: 100 }]))).toEqual([
      'x.json: steps[0].device: no device "phone" — devices are laptop',
    ]);
    expect(problems(file([{ at: 'day 1, 09:00', do: 'device.configure', device: 'laptop' }]))[0]).toContain('steps[0]: names no setting to change');
    expect(problems(file([{ at: 'day 1, 09:00', do: 'device.configure', device: 'laptop', pop3: { leaveOnServer: false } }]))[0]).toBe(
      'x.json: steps[0]: changes nothing: the device already has these settings',
    );
    expect(problems(file([{ at: 'day 1, 09:00', do: 'device.configure', device: 'laptop', protocol: 'imap', pop3: { leaveOnServer: true } }]))[0]).toBe(
      'x.json: steps[0].pop3: the device uses IMAP after this step: POP3 settings would change nothing',
    );
  });

  it('rule 80: a switch to a client whose default is unknown names the setting the step must give', () => {
    const p = problems(file([{ at: 'day 1, 09:00', do: 'device.configure', device: 'laptop', profile: 'outlook-classic' }]));
    expect(p.some((x) => x.startsWith('x.json: steps[0].pop3.leaveOnServer: profile "outlook-classic" has no established default for POP3 setting "leaveOnServer"'))).toBe(true);
    expect(p.some((x) => x.startsWith('x.json: steps[0].checkEveryMinutes: profile "outlook-classic"'))).toBe(true);
  });

  it('rule 79: later steps are checked against the device as configured (webmail cannot switch to POP3)', () => {
    const web = { id: 'web', kind: 'webmail', account: 'alice', protocol: 'imap' };
    expect(problems(file([{ at: 'day 1, 09:00', do: 'device.configure', device: 'web', protocol: 'pop3' }], [web]))).toContain(
      'x.json: steps[0].protocol: webmail runs next to the server and reads it over IMAP; it cannot use POP3',
    );
  });
});
