import { describe, expect, it } from 'vitest';
import { uiEn } from '../../../src/i18n/ui.en';
import { uiDe } from '../../../src/i18n/ui.de';
import { formatBytes, simTimeParts } from '../../../src/ui/i18n/format';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('UI strings', () => {
  it('German and English have the same keys, none empty where the other has text', () => {
    expect(keys(uiDe).sort()).toEqual(keys(uiEn).sort());
  });
  it('interpolations match between languages', () => {
    const params = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const get = (o: object, path: string) => path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], o) as string;
    for (const k of keys(uiEn)) expect(params(get(uiDe, k)), k).toEqual(params(get(uiEn, k)));
  });
});

describe('formatting for the language', () => {
  it('sizes use the language\u2019s decimal mark', () => {
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(1536, 'de')).toBe('1,5 KB');
    expect(formatBytes(52428800, 'de')).toBe('50 MB');
    expect(formatBytes(512, 'en')).toBe('512 B');
  });
  it('simulated time', () => {
    expect(simTimeParts(1440 + 8 * 60, 'en')).toEqual({ day: '2', clock: '08:00' });
  });
});
