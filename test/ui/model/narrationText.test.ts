import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { narrate } from '../../../src/ui/model/narrationText';
import { uiDe } from '../../../src/i18n/ui.de';
import { narrationDe } from '../../../src/i18n/narration';

describe('narration for the reader', () => {
  it('names devices, mails and accounts as the picture does, translates folders, formats numbers but keeps counts for plurals', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      lng: 'de',
      resources: { de: { translation: { ui: uiDe, narration: { ...narrationDe, moved: '{{device}} verschiebt {{mail}} nach {{folder}}: {{bytes}}, {{count}} Nachricht', moved_other: '{{device}} verschiebt {{mail}} nach {{folder}}: {{bytes}}, {{count}} Nachrichten' } } } },
      interpolation: { escapeValue: false },
      showSupportNotice: false,
    });
    const names = {
      device: (id: string) => (id === 'laptop' ? 'Annas Laptop' : id),
      account: (id: string) => (id === 'anna' ? 'anna@example.org' : id),
      mail: (id: string) => (id === 'm1' ? { label: '1', subject: 'Zugtickets' } : undefined),
    };
    const text = narrate({ key: 'moved', params: { device: 'laptop', mail: 'm1', folder: 'Trash', bytes: 1234567, count: 2 } }, i18n.t, 'de', names, 'fallback');
    expect(text).toBe('Annas Laptop verschiebt Nachricht 1 „Zugtickets“ nach Papierkorb: 1,2 MB, 2 Nachrichten');
    const delivered = narrate({ key: 'delivery.delivered', params: { mail: 'm1', to: 'anna', code: '250' } }, i18n.t, 'de', names, 'fallback');
    expect(delivered).toContain('anna@example.org');
    expect(delivered).not.toMatch(/\banna\b(?!@)/);
  });
});
