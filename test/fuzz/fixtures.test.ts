// Cases the fuzzing campaign found or the issue described, kept as files: each
// ends in a located message, and the campaign's first cases pass here too.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadWithinLimits } from '../../src/sim';
import LZString from 'lz-string';
import { decodeScenario } from '../../src/ui/url/sharedScenario';
import { runCaseTwice } from '../../fuzz/runCase';
import { caseAt } from '../../fuzz/cases';

const fixture = (name: string) => readFileSync(`test/fuzz/fixtures/${name}`, 'utf8');

describe('fuzzing fixtures', { timeout: 120_000 }, () => {
  it('JSON nested 20,000 levels deep is refused with where, not a stack overflow (the raw loader overflows)', () => {
    const r = loadWithinLimits('deep-nesting.json', fixture('deep-nesting.json'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].message).toMatch(/^nested more than 64 levels deep at line 1, column 85/);
  });

  it('the same as a share link', () => {
    const decoded = decodeScenario(LZString.compressToEncodedURIComponent(fixture('deep-nesting.json')));
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.problems[0]).toMatch(/^shared link: nested more than 64 levels deep/);
  });

  it('the five-bursts scenario is refused by the work budget with the fields to change', () => {
    const result = runCaseTwice({ kind: 'file', how: 'fixture', text: fixture('hostile-burst.json') });
    expect(result.outcome).toBe('refused');
  });

  it('the campaign’s first 60 cases end valid or refused, the same twice', () => {
    const outcomes = new Map<string, number>();
    for (let i = 0; i < 60; i++) {
      const result = runCaseTwice(caseAt(20261201, i));
      if (result.outcome === 'failure') throw new Error(`case ${i}: ${result.reason}`);
      outcomes.set(result.outcome, (outcomes.get(result.outcome) ?? 0) + 1);
    }
    expect(outcomes.get('valid')).toBeGreaterThan(5);
    expect(outcomes.get('refused')).toBeGreaterThan(5);
  });
});
