// A device's settings: what the scenario gives, else its client profile's
// default, else the model's; a profile default nobody could establish is never
// guessed, and every setting says where it came from.
import { describe, expect, it } from 'vitest';
import { formatProblem, loadScenarioData, withVariant } from '../../../src/sim/scenario/load';
import { settingsView } from '../../../src/sim/scenario/settings';
import { profileById } from '../../../src/sim/profiles';

const scenario = (device: Record<string, unknown>, variants: Record<string, unknown> = {}) => ({
  id: 'ok',
  title: { de: 'Titel', en: 'Title' },
  summary: { de: 'Zusammenfassung', en: 'Summary' },
  world: { accounts: [{ id: 'alice', address: 'alice@example.org' }], devices: [{ id: 'laptop', kind: 'laptop', account: 'alice', ...device }] },
  steps: [],
  variants,
});

function load(device: Record<string, unknown>, variants: Record<string, unknown> = {}) {
  const r = loadScenarioData('x.json', scenario(device, variants));
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
  return r.scenario;
}

const tbPop3 = profileById('thunderbird')!.pop3;
const known = <T>(d: { status: string; value?: T }): T => {
  if (d.status !== 'known') throw new Error('fixture expects a known default');
  return d.value as T;
};

describe('device settings', () => {
  it('without a profile: the model defaults, each labelled as such, and "no current client\'s default" where none has it', () => {
    const d = load({ protocol: 'pop3' }).world.devices[0];
    expect(d.pop3).toEqual({ leaveOnServer: false, deleteAfterDays: null, deleteOnServerWhen: 'deletedLocally', headersOnly: false });
    expect(d.checkEveryMinutes).toBeNull();
    const view = settingsView(d);
    expect(view.profile).toBeNull();
    const leave = view.settings.find((s) => s.key === 'leaveOnServer')!;
    expect(leave.origin).toEqual({ from: 'model' });
    // Every profile that knows its POP3 default keeps mail on the server.
    expect(leave.defaultOf).not.toContain('thunderbird');
  });

  it("with a profile: the client's known defaults, with their sources, and the scenario's values over them", () => {
    const d = load({ protocol: 'pop3', profile: 'thunderbird', pop3: { headersOnly: true } }).world.devices[0];
    expect(d.profile).toBe('thunderbird');
    expect(d.pop3.leaveOnServer).toBe(known(tbPop3.leaveOnServer));
    expect(d.pop3.deleteAfterDays).toBe(known(tbPop3.deleteAfterDays));
    expect(d.pop3.headersOnly).toBe(true);
    const view = settingsView(d);
    const leave = view.settings.find((s) => s.key === 'leaveOnServer')!;
    expect(leave.origin.from).toBe('profile');
    if (leave.origin.from === 'profile') expect(leave.origin.sources.length).toBeGreaterThan(0);
    expect(leave.defaultOf).toContain('thunderbird');
    expect(view.settings.find((s) => s.key === 'headersOnly')!.origin).toEqual({ from: 'scenario' });
  });

  it('a profile default that is unknown and not given is a located load error naming the setting', () => {
    const r = loadScenarioData('x.json', scenario({ protocol: 'pop3', profile: 'outlook-classic' }));
    expect(r.ok).toBe(false);
    const text = r.ok ? '' : r.problems.map(formatProblem).join('\n');
    expect(text).toContain('x.json: world.devices[0].pop3.leaveOnServer: profile "outlook-classic" has no established default for POP3 setting "leaveOnServer"');
    expect(text).toContain('world.devices[0].checkEveryMinutes');
  });

  it('an unknown default of the protocol the device does not use is no error', () => {
    const given = { leaveOnServer: true, deleteAfterDays: 14, deleteOnServerWhen: 'deletedFromTrash', headersOnly: false };
    const d = load({ protocol: 'pop3', profile: 'outlook-classic', pop3: given, checkEveryMinutes: 30 }).world.devices[0];
    expect(d.pop3).toEqual(given);
    expect(d.imap.cache).toBe('full');
  });

  it('a resolved scenario parses again to the same world (the sandbox edits parsed data)', () => {
    const s = load({ protocol: 'pop3', profile: 'thunderbird' });
    const again = loadScenarioData('x.json', JSON.parse(JSON.stringify(s)));
    expect(again.ok && again.scenario.world).toEqual(s.world);
  });

  it("a variant naming another profile gets that profile's defaults, not the first one's", () => {
    const s = load({ protocol: 'pop3' }, { tb: { title: { de: 'TB', en: 'TB' }, devices: { laptop: { profile: 'thunderbird' } } } });
    expect(s.world.devices[0].pop3.leaveOnServer).toBe(false);
    expect(withVariant(s, 'tb').world.devices[0].pop3.leaveOnServer).toBe(known(tbPop3.leaveOnServer));
  });
});

describe('device settings over time', () => {
  it('rule 79: the view at a frame shows the settings as configured by then, with their origins', async () => {
    const { simulate } = await import('../../../src/sim/run/simulate');
    const { deviceSettingsAtFrame } = await import('../../../src/sim/run/deviceSettings');
    const r = loadScenarioData('x.json', {
      ...scenario({ protocol: 'pop3' }),
      steps: [
        { at: 'day 1, 09:00', do: 'world.wait' },
        { at: 'day 1, 10:00', do: 'device.configure', device: 'laptop', protocol: 'imap', profile: 'thunderbird', imap: { useMove: true } },
      ],
    });
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
    const t = simulate(r.scenario);
    const before = deviceSettingsAtFrame(t.world, r.scenario.steps, t.stepStarts, t.stepStarts[1] - 1)[0];
    const after = deviceSettingsAtFrame(t.world, r.scenario.steps, t.stepStarts, t.frames.length - 1)[0];
    expect([before.protocol, before.profile]).toEqual(['pop3', null]);
    expect([after.protocol, after.profile]).toEqual(['imap', 'thunderbird']);
    expect(after.settings.find((s) => s.key === 'cache')!.origin.from).toBe('profile');
  });
});
