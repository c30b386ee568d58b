// @vitest-environment jsdom
// The profile card says which client a device stands for and, per setting,
// whether the value is that client's default, set in the scenario, or the
// model's — and says plainly when no current client has it as default.
import { describe, expect, it } from 'vitest';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import i18next from 'i18next';
import { uiDe } from '../../../src/i18n/ui.de';
import { uiEn } from '../../../src/i18n/ui.en';
import { DeviceProfile } from '../../../src/ui/profile/DeviceProfile';
import { loadScenarioData, settingsView } from '../../../src/sim';

const i18n = i18next.createInstance();
void i18n.init({ lng: 'en', initAsync: false, resources: { en: { translation: { ui: uiEn } }, de: { translation: { ui: uiDe } } }, interpolation: { escapeValue: false }, showSupportNotice: false });

function deviceView(device: Record<string, unknown>) {
  const r = loadScenarioData('x.json', {
    id: 'x',
    title: { de: 'x', en: 'x' },
    summary: { de: 'x', en: 'x' },
    world: { accounts: [{ id: 'anna', address: 'anna@example.org' }], devices: [{ id: 'laptop', kind: 'laptop', account: 'anna', ...device }] },
    steps: [],
  });
  if (!r.ok) throw new Error('bad fixture');
  return settingsView(r.scenario.world.devices[0]);
}

function render(view: ReturnType<typeof deviceView>, lang: 'de' | 'en') {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  act(() => root.render(<DeviceProfile view={view} deviceName="Anna's laptop" t={i18n.getFixedT(lang)} lang={lang} />));
  const row = (label: string) => [...host.querySelectorAll('dt')].find((dt) => dt.textContent === label)?.nextElementSibling?.textContent ?? '';
  return { host, row, done: () => act(() => root.unmount()) };
}

describe('DeviceProfile', () => {
  it("labels Thunderbird's defaults as Thunderbird's, with a source, in English", () => {
    const { host, row, done } = render(deviceView({ protocol: 'pop3', profile: 'thunderbird' }), 'en');
    expect(host.querySelector('h3')?.textContent).toBe("Settings of Anna's laptop");
    expect(host.textContent).toContain('Thunderbird defaults');
    expect(row('Leave messages on server')).toMatch(/^yes — Thunderbird default/);
    expect(row('Remove from the server after')).toMatch(/^14 days — Thunderbird default/);
    expect(host.querySelectorAll('details summary').length).toBeGreaterThan(0);
    done();
  });

  it('says plainly when a value is no current client\'s default, in German', () => {
    const { host, row, done } = render(deviceView({ protocol: 'pop3', pop3: { leaveOnServer: false } }), 'de');
    expect(host.textContent).toContain('Kein E-Mail-Programm angegeben');
    expect(row('Nachrichten auf dem Server belassen')).toBe('nein: nach dem Herunterladen löschen — Standardwert des Modells — bei keinem aktuellen E-Mail-Programm Standard');
    done();
  });

  it('does not call a client\'s settings its defaults when none of them is established (Outlook classic), in both languages', () => {
    const outlook = deviceView({ protocol: 'pop3', profile: 'outlook-classic', pop3: { leaveOnServer: false, deleteAfterDays: null, deleteOnServerWhen: 'never', headersOnly: false }, checkEveryMinutes: null });
    for (const lang of ['en', 'de'] as const) {
      const { host, done } = render(outlook, lang);
      const header = host.querySelector('.device-profile-client')?.textContent ?? '';
      expect(header).not.toMatch(/defaults|Standardwerte von/);
      expect(header).toMatch(lang === 'en' ? /no default of these settings is established — each is set in the scenario/ : /Kein Standardwert dieser Einstellungen ist belegt — jede ist im Szenario gesetzt/);
      done();
    }
  });

  it('renders a hostile device name as text, never as markup', () => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    const host = document.createElement('div');
    document.body.append(host);
    const root = createRoot(host);
    const name = '<img src=x onerror=alert(1)>';
    act(() => root.render(<DeviceProfile view={deviceView({ protocol: 'imap' })} deviceName={name} t={i18n.getFixedT('en')} lang="en" />));
    expect(host.querySelector('img')).toBeNull();
    expect(host.querySelector('h3')?.textContent).toBe(`Settings of ${name}`);
    act(() => root.unmount());
  });
});
