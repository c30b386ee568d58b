// No built-in scenario presents an option nobody has as the normal case
// (rule 78): every setting a device uses is the default of its named client,
// or of some client whose default is established, or the scenario says in
// its own words (summary, or the variant's title) that it is not a default.
//
// The check interval is left out: `null` ("checks happen at the steps shown")
// is how a scenario stages its checks, not a client setting it claims.
import { describe, expect, it } from 'vitest';
import { settingsView, withVariant, type Scenario } from '../../src/sim';
import { loadLibrary } from '../../src/claims/libraryFromDisk';

const library = loadLibrary();

/** "Device: setting=value" for each setting no client with a known default has, and that is not the named client's default. */
function notDefaults(s: Scenario): string[] {
  const out: string[] = [];
  for (const d of s.world.devices) {
    if (d.kind === 'webmail') continue;
    for (const v of settingsView(d).settings) {
      if (v.key === 'checkEveryMinutes') continue;
      if (v.origin.from === 'profile' || v.defaultOf.length > 0) continue;
      out.push(`${d.id}: ${d.protocol}.${v.key}=${JSON.stringify(v.value)}`);
    }
  }
  return out;
}

// The plain statement, in both languages: "… – no current client's default" / "… – bei keinem heutigen Programm der Standard".
const SAYS_NOT_DEFAULT = { en: /\bdefault\b/i, de: /Standard/ };

describe('rule 78: every built-in scenario names its clients or says plainly which setting is not a default', () => {
  for (const { scenario } of library.entries) {
    it(scenario.id, () => {
      const base = notDefaults(scenario);
      if (base.length) {
        expect(scenario.summary.en, `${scenario.id}: ${base.join(', ')}`).toMatch(SAYS_NOT_DEFAULT.en);
        expect(scenario.summary.de, `${scenario.id}: ${base.join(', ')}`).toMatch(SAYS_NOT_DEFAULT.de);
      }
      for (const [name, variant] of Object.entries(scenario.variants)) {
        const extra = notDefaults(withVariant(scenario, name)).filter((x) => !base.includes(x));
        if (!extra.length) continue;
        const said = (lang: 'de' | 'en') => SAYS_NOT_DEFAULT[lang].test(variant.title[lang]) || SAYS_NOT_DEFAULT[lang].test(scenario.summary[lang]);
        expect(said('en'), `${scenario.id} [${name}]: ${extra.join(', ')}`).toBe(true);
        expect(said('de'), `${scenario.id} [${name}]: ${extra.join(', ')}`).toBe(true);
      }
    });
  }
});
