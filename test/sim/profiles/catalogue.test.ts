// Every profile is complete and honest: each setting has either a sourced
// value the scenario format accepts, or an explicit "unknown" with a reason in
// both languages. Nothing is silently defaulted.
import { describe, expect, it } from 'vitest';
import { ImapGiven, Pop3Given } from '../../../src/sim/scenario/schema';
import { IMAP_SETTING_KEYS, POP3_SETTING_KEYS, PROFILE_IDS, PROFILES, profileById, type ProfileDefault } from '../../../src/sim/profiles';

const both = (t: { de: string; en: string } | undefined) => !!t && t.de.trim().length > 0 && t.en.trim().length > 0;

describe('the profile catalogue', () => {
  it('has the five clients the library needs, each found by its id', () => {
    expect(PROFILES.map((p) => p.id)).toEqual([...PROFILE_IDS]);
    expect(PROFILE_IDS).toEqual(['thunderbird', 'outlook-classic', 'apple-mail-macos', 'ios-mail', 'thunderbird-android']);
    for (const id of PROFILE_IDS) expect(profileById(id)?.id).toBe(id);
    expect(profileById('eudora')).toBeUndefined();
  });

  for (const profile of PROFILES) {
    describe(profile.id, () => {
      const entries: Array<[string, string, ProfileDefault<unknown>]> = [
        ...POP3_SETTING_KEYS.map((k) => ['pop3', k, profile.pop3[k]] as [string, string, ProfileDefault<unknown>]),
        ...IMAP_SETTING_KEYS.map((k) => ['imap', k, profile.imap[k]] as [string, string, ProfileDefault<unknown>]),
      ];

      it('names every setting of both protocols, and no other', () => {
        expect(Object.keys(profile.pop3).sort()).toEqual([...POP3_SETTING_KEYS].sort());
        expect(Object.keys(profile.imap).sort()).toEqual([...IMAP_SETTING_KEYS].sort());
        expect(both(profile.name) && both(profile.checked)).toBe(true);
      });

      it('cites a source for every known default and gives a reason for every unknown one', () => {
        for (const [protocol, key, d] of entries) {
          const where = `${protocol}.${key}`;
          if (d.status === 'known') {
            expect(d.sources.length, where).toBeGreaterThan(0);
            for (const s of d.sources) expect(s.ref.length > 10 && s.quote.length > 5, `${where} source`).toBe(true);
            // A value resting on anyone but the client's code or its vendor must say so.
            if (d.sources.every((s) => s.kind === 'third-party')) expect(both(d.caveat), `${where} caveat`).toBe(true);
            if (d.caveat) expect(both(d.caveat), `${where} caveat in both languages`).toBe(true);
          } else {
            expect(both(d.reason), `${where} reason`).toBe(true);
          }
        }
      });

      it('only names values the scenario format accepts', () => {
        const known = (s: Record<string, ProfileDefault<unknown>>) =>
          Object.fromEntries(Object.entries(s).flatMap(([k, d]) => (d.status === 'known' && k !== 'checkEveryMinutes' ? [[k, d.value]] : [])));
        expect(() => Pop3Given.parse(known(profile.pop3))).not.toThrow();
        expect(() => ImapGiven.parse(known(profile.imap))).not.toThrow();
        for (const d of [profile.pop3.checkEveryMinutes, profile.imap.checkEveryMinutes]) {
          if (d.status === 'known' && d.value !== null) expect(d.value).toBeGreaterThanOrEqual(5);
        }
      });
    });
  }
});
