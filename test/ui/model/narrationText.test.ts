import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { narrate } from '../../../src/ui/model/narrationText';
import { uiDe } from '../../../src/i18n/ui.de';

describe('narration for the reader', () => {
  it('names devices, translates folders, formats numbers but keeps counts for plurals', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      lng: 'de',
      resources: { de: { translation: { ui: uiDe, narration: { moved: '{{device}} verschiebt nach {{folder}}: {{bytes}} Bytes, {{count}} Mail', moved_other: '{{device}} verschiebt nach {{folder}}: {{bytes}} Bytes, {{count}} Mails' } } } },
      interpolation: { escapeValue: false },
    });
    const text = narrate({ key: 'moved', params: { device: 'laptop', folder: 'Trash', bytes: 1234567, count: 2 } }, i18n.t, 'de', (id) => (id === 'laptop' ? 'Annas Laptop' : id), 'fallback');
    expect(text).toBe('Annas Laptop verschiebt nach Papierkorb: 1.234.567 Bytes, 2 Mails');
  });
});
