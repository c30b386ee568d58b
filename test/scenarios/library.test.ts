// The built-in scenario library: every file valid, every text in both
// languages, every claim of the catalogue shown – and refuted where it only
// holds under some settings.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLAIMS, CLAIMS_NEEDING_COUNTER } from '../../src/claims/catalogue';
import { claimCoverage, unknownClaimIds } from '../../src/claims/coverage';
import { loadLibrary, scenarioFiles } from '../../src/claims/libraryFromDisk';
import { formatProblem } from '../../src/sim/scenario/load';
import type { Scenario } from '../../src/sim/scenario/schema';

const library = loadLibrary();
const scenarios = library.entries.map((e) => e.scenario);

type Bilingual = { de?: string; en?: string } | undefined;

/** Every learner-facing text of a scenario, with where it sits. */
function texts(s: Scenario): { where: string; text: Bilingual; mustDiffer: boolean }[] {
  const out: { where: string; text: Bilingual; mustDiffer: boolean }[] = [
    { where: 'title', text: s.title, mustDiffer: true },
    { where: 'summary', text: s.summary, mustDiffer: true },
  ];
  s.world.devices.forEach((d) => out.push({ where: `device ${d.id} label`, text: d.label, mustDiffer: false }));
  s.steps.forEach((step, i) => out.push({ where: `steps[${i}] (${step.do}) note`, text: step.note, mustDiffer: true }));
  for (const [name, v] of Object.entries(s.variants)) out.push({ where: `variant ${name} title`, text: v.title, mustDiffer: true });
  return out;
}

describe('the scenario library', () => {
  it('has at least 20 scenarios', () => {
    expect(scenarioFiles().length).toBeGreaterThanOrEqual(20);
  });

  it('loads every file without problems', () => {
    expect(library.problems.map(formatProblem)).toEqual([]);
    expect(library.entries.length).toBe(scenarioFiles().length);
  });

  describe.each(library.entries.map((e) => [basename(e.file), e] as const))('%s', (name, entry) => {
    const s = entry.scenario;

    it('has the file name as its id and references the JSON Schema', () => {
      expect(s.id).toBe(basename(name, '.json'));
      const raw = JSON.parse(readFileSync(entry.file, 'utf8')) as { $schema?: string };
      expect(raw.$schema).toBe('./scenario.schema.json');
    });

    it('names at least one claim it proves or refutes, all of them known', () => {
      expect(s.claims.length + s.counterTo.length).toBeGreaterThan(0);
      expect(unknownClaimIds([s])).toEqual([]);
    });

    it('has every text in German and English, and a note on every step', () => {
      const missing: string[] = [];
      for (const { where, text, mustDiffer } of texts(s)) {
        if (!text) missing.push(`${where}: missing`);
        else {
          if (!text.de?.trim()) missing.push(`${where}: German text missing`);
          if (!text.en?.trim()) missing.push(`${where}: English text missing`);
          if (mustDiffer && text.de?.trim() === text.en?.trim()) missing.push(`${where}: German and English are the same text`);
        }
      }
      expect(missing).toEqual([]);
    });

    it('keeps the summary to two sentences', () => {
      const sentences = (t: string) => t.split(/(?<=[.!?…])\s+(?=[A-ZÄÖÜ„"“])/).filter((x) => x.trim()).length;
      expect(sentences(s.summary.de)).toBeLessThanOrEqual(2);
      expect(sentences(s.summary.en)).toBeLessThanOrEqual(2);
    });
  });
});

describe('claim coverage', () => {
  const coverage = claimCoverage(scenarios);

  it.each(coverage.map((c) => [c.claim.id, c] as const))('%s is proved by a scenario, or shown not to hold', (_id, c) => {
    // A claim that does not hold (D6) is shown by the scenarios that break it, not proved.
    if (c.verdict.holds === 'not') expect(c.counters, `${c.claim.id}: ${c.claim.claim.en}`).not.toEqual([]);
    else expect(c.proves, `${c.claim.id}: ${c.claim.claim.en}`).not.toEqual([]);
  });

  it.each(['P2', 'P5', 'P6', 'P10', 'P14', 'I6', 'I12'])('%s has a counter-scenario showing where it breaks', (id) => {
    expect(CLAIMS_NEEDING_COUNTER).toContain(id);
    const c = coverage.find((x) => x.claim.id === id)!;
    expect(c.counters, `${id}: ${c.claim.claim.en}`).not.toEqual([]);
  });

  it('every claim marked as holding only sometimes has a counter-scenario', () => {
    expect(coverage.filter((c) => c.missing.length).map((c) => `${c.claim.id}: missing ${c.missing.join(' and ')}`)).toEqual([]);
  });

  it('no scenario names a claim the catalogue does not know', () => {
    expect(unknownClaimIds(scenarios, CLAIMS)).toEqual([]);
  });
});
