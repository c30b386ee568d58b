// Each claim says whether it holds always, under named settings, not at all,
// or is not modelled — in both languages, and consistent with the scenarios
// that show it breaking.
import { describe, expect, it } from 'vitest';
import { CLAIMS } from '../../src/claims/catalogue';
import { VERDICTS } from '../../src/claims/verdicts';
import { claimCoverage } from '../../src/claims/coverage';
import { loadLibrary } from '../../src/claims/libraryFromDisk';

describe('claim verdicts', () => {
  it('every claim has one, with its settings or reason in German and English', () => {
    expect(Object.keys(VERDICTS).sort()).toEqual(CLAIMS.map((c) => c.id).sort());
    for (const [id, v] of Object.entries(VERDICTS)) {
      const text = v.holds === 'under' ? v.settings : v.holds === 'always' ? null : v.why;
      if (!text) continue;
      expect(text.de.trim(), id).not.toBe('');
      expect(text.en.trim(), id).not.toBe('');
      expect(text.de, id).not.toBe(text.en);
    }
  });

  it('a claim some scenario shows breaking is not marked as holding always', () => {
    const coverage = claimCoverage(loadLibrary().entries.map((e) => e.scenario));
    const wrong = coverage.filter((c) => c.counters.length && c.verdict.holds === 'always').map((c) => `${c.claim.id}: ${c.counters.join(', ')}`);
    expect(wrong).toEqual([]);
  });

  it('D6 is marked as wrong in law, naming GDPR Art. 3 and Chapter V; I8 is marked not modelled', () => {
    const d6 = VERDICTS.D6;
    expect(d6.holds).toBe('not');
    if (d6.holds === 'not') {
      expect(d6.why.en).toMatch(/Art\. 3\(1\) GDPR/);
      expect(d6.why.en).toMatch(/Chapter V/);
      expect(d6.why.de).toMatch(/Art\. 3 Abs\. 1 DSGVO/);
    }
    expect(VERDICTS.I8.holds).toBe('not-modelled');
  });

  it('P1, P8, P9 and D1 hold only under named settings (the clients whose defaults are known keep a copy on the server)', () => {
    for (const id of ['P1', 'P8', 'P9', 'D1']) expect(VERDICTS[id].holds, id).toBe('under');
  });
});
