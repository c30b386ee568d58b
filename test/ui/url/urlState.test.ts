import { describe, expect, it } from 'vitest';
import { browserLang, formatUrlState, parseUrlState } from '../../../src/ui/url/urlState';

describe('URL state', () => {
  it('round-trips scenario, variant, frame, language, embed', () => {
    const s = parseUrlState('?scenario=pop3-three-devices&variant=leave-copy&frame=12&lang=de&embed=1');
    expect(s).toMatchObject({ scenario: 'pop3-three-devices', variant: 'leave-copy', frame: 12, lang: 'de', embed: true });
    expect(parseUrlState(formatUrlState(s))).toEqual(s);
  });
  it('ignores what is not well-formed', () => {
    expect(parseUrlState('?scenario=<script>&frame=-1&lang=fr')).toMatchObject({ scenario: null, frame: null, lang: null, embed: false });
  });
  it('leaves frame 0 out', () => {
    expect(formatUrlState({ scenario: 'a', variant: null, frame: 0, lang: 'en', embed: false, compare: null, data: null })).toBe('?scenario=a&lang=en');
  });
  it('picks the first supported browser language', () => {
    expect(browserLang(['fr-FR', 'de-AT', 'en'])).toBe('de');
    expect(browserLang(['ja'])).toBe('en');
  });
});
