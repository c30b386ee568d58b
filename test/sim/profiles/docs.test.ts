// docs/client-profiles.md tells the same as the data: every quoted source and
// every "not established" reason of every profile appears there, so the
// document cannot silently fall behind a changed profile.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IMAP_SETTING_KEYS, POP3_SETTING_KEYS, PROFILES, type ProfileDefault } from '../../../src/sim/profiles';

const doc = readFileSync('docs/client-profiles.md', 'utf8');
const asInTable = (quote: string) => quote.replace(/\n\s*/g, ' ').replace(/\|/g, '\\|');

describe('docs/client-profiles.md', () => {
  for (const p of PROFILES) {
    it(`has ${p.id}'s every source quote and every reason`, () => {
      expect(doc).toContain(`(\`${p.id}\`)`);
      const all: Array<[string, ProfileDefault<unknown>]> = [
        ...POP3_SETTING_KEYS.map((k) => [`pop3.${k}`, p.pop3[k]] as [string, ProfileDefault<unknown>]),
        ...IMAP_SETTING_KEYS.map((k) => [`imap.${k}`, p.imap[k]] as [string, ProfileDefault<unknown>]),
      ];
      for (const [key, d] of all) {
        if (d.status === 'known') {
          for (const s of [...d.sources, ...(d.rawPreference ? [d.rawPreference.source] : [])]) expect(doc, `${p.id} ${key}`).toContain(asInTable(s.quote));
        } else {
          expect(doc, `${p.id} ${key}`).toContain(d.reason.en.replace(/^No source found: /, ''));
        }
      }
    });
  }

  it('carries the section meant for docs/rules.md as its own heading block', () => {
    expect(doc).toMatch(/\n## Client profiles\n/);
  });
});
