import { describe, expect, it } from 'vitest';
import { CLAIMS, CLAIMS_NEEDING_COUNTER, SEEDS, claimById } from '../../src/claims/catalogue';
import { claimCoverage, scenariosForClaim } from '../../src/claims/coverage';

const range = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

describe('the claim catalogue', () => {
  it('holds exactly P1–P15, I1–I13 and D1–D6, once each', () => {
    expect(CLAIMS.map((c) => c.id)).toEqual([...range('P', 15), ...range('I', 13), ...range('D', 6)]);
  });

  it('has every claim and what it must show in German and English, with known seeds', () => {
    const seedIds = SEEDS.map((s) => s.id);
    for (const c of CLAIMS) {
      for (const t of [c.claim, c.mustShow]) {
        expect(t.de.trim(), c.id).not.toBe('');
        expect(t.en.trim(), c.id).not.toBe('');
      }
      expect(c.claim.de, c.id).not.toBe(c.claim.en);
      expect(c.seeds.length, c.id).toBeGreaterThan(0);
      for (const s of c.seeds) expect(seedIds).toContain(s);
    }
  });

  it('marks the claims that hold only under some settings', () => {
    for (const id of ['P2', 'P5', 'P6', 'P10', 'P14', 'I6', 'I12']) expect(CLAIMS_NEEDING_COUNTER).toContain(id);
    expect(claimById('P9')?.group).toBe('pop3');
    expect(claimById('X1')).toBeUndefined();
  });
});

describe('coverage', () => {
  const scenarios = [
    { id: 'three-devices', claims: ['P9', 'P8'], counterTo: [] },
    { id: 'offline', claims: [], counterTo: ['P2'] },
  ];

  it('lists the scenarios for a claim', () => {
    expect(scenariosForClaim('P9', scenarios)).toEqual({ proves: ['three-devices'], counters: [] });
    expect(scenariosForClaim('P2', scenarios)).toEqual({ proves: [], counters: ['offline'] });
  });

  it('reports a missing proof and a missing counter-scenario', () => {
    const p2 = claimCoverage(scenarios).find((c) => c.claim.id === 'P2')!;
    expect(p2.missing).toEqual(['proof']);
    const p6 = claimCoverage(scenarios).find((c) => c.claim.id === 'P6')!;
    expect(p6.missing).toEqual(['proof', 'counter']);
    const p9 = claimCoverage(scenarios).find((c) => c.claim.id === 'P9')!;
    expect(p9.missing).toEqual([]);
  });
});
