// The label on each device says which client's defaults it has and how many
// settings differ, in both languages; after a settings change it says so;
// webmail (no client settings) gets none.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createI18n } from '../../../src/ui/i18n/setup';
import { configureEpoch, configureStarts, profileSummary, profileViewsAt, shortClientName } from '../../../src/ui/profile/profileSummary';
import { loadScenarioText, simulate, type Scenario } from '../../../src/sim';

function load(name: string): Scenario {
  const r = loadScenarioText(name, readFileSync(`scenarios/${name}`, 'utf8'));
  if (!r.ok) throw new Error(`${name} does not load`);
  return r.scenario;
}

describe('profile label', () => {
  it('names the client and counts the settings the scenario changed, before and after a switch to IMAP', async () => {
    const s = load('configure-pop3-to-imap.json');
    const timeline = simulate(s);
    const en = (await createI18n('en')).t;
    const de = (await createI18n('de')).t;
    const first = profileViewsAt(s, timeline.stepStarts, 0);
    expect(first.map((v) => v.device)).toEqual(['laptop']);
    // checkEveryMinutes: null is the scenario's, not Thunderbird's default.
    expect(profileSummary(first[0], en, 'en')).toBe('Thunderbird · 1 setting changed');
    expect(profileSummary(first[0], de, 'de')).toBe('Thunderbird · 1 Einstellung geändert');
    expect(first[0].protocol).toBe('pop3');
    const end = timeline.frames.length - 1;
    const starts = configureStarts(s, timeline.stepStarts);
    expect(starts).toHaveLength(1);
    expect(configureEpoch(starts, 0)).toBe(0);
    expect(configureEpoch(starts, starts[0] - 1)).toBe(0);
    expect(configureEpoch(starts, starts[0])).toBe(1);
    expect(configureEpoch(starts, end)).toBe(1);
    expect(profileViewsAt(s, timeline.stepStarts, end)[0].protocol).toBe('imap');
  });

  it('a device with no client named says so; webmail has no label', async () => {
    const s = load('pop3-three-devices.json');
    const timeline = simulate(s);
    const views = profileViewsAt(s, timeline.stepStarts, 0);
    expect(views.map((v) => v.device)).toEqual(['phone', 'desktop', 'laptop']);
    const en = (await createI18n('en')).t;
    const de = (await createI18n('de')).t;
    // leaveOnServer: false is the model's own default.
    expect(profileSummary(views[0], en, 'en')).toBe("no client named · the model's defaults");
    expect(profileSummary(views[0], de, 'de', true)).toBe('Modellstandard');
  });

  it('a client with no setting changed reads "defaults"; long client names are shortened on the label', async () => {
    const en = (await createI18n('en')).t;
    const view = { device: 'x', profile: 'thunderbird' as const, protocol: 'imap' as const, settings: [{ key: 'idle', value: true, origin: { from: 'profile' as const, profile: 'thunderbird' as const, sources: [] }, defaultOf: [] }] };
    expect(profileSummary(view, en, 'en')).toBe('Thunderbird · defaults');
    expect(profileSummary(view, en, 'en', true)).toBe('Thunderbird');
    expect(shortClientName('outlook-classic', 'de')).toBe('Outlook');
  });

  it('rule 78: a client whose defaults are not established is labelled so, not as "changed" (Outlook)', async () => {
    const s = load('outlook-and-iphone-pop3.json');
    const timeline = simulate(s);
    const en = (await createI18n('en')).t;
    const de = (await createI18n('de')).t;
    const [pc, iphone] = profileViewsAt(s, timeline.stepStarts, 0);
    expect(pc.device).toBe('pc');
    // All five of Outlook's POP3 settings have no established default: none of them counts as "changed".
    expect(profileSummary(pc, en, 'en')).toBe('Outlook · 5 defaults not established');
    expect(profileSummary(pc, de, 'de')).toBe('Outlook · 5 Standardwerte unbelegt');
    // iOS Mail: headersOnly and the check interval are not established; its POP3 keep-on-server defaults are.
    expect(profileSummary(iphone, en, 'en')).toBe('iOS Mail · 2 defaults not established');
  });
});
