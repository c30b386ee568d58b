// Golden outcomes: each built-in scenario and variant is run and its final
// state compared with the file checked in under golden/. A test fails when the
// outcome changes, and its name says what the scenario teaches.
//
// Regenerate deliberately, after checking the new outcome is right:
//   UPDATE_GOLDEN=1 npx vitest run test/scenarios
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/claims/libraryFromDisk';
import { LESSONS, type Lesson } from './lessons';
import { goldenOf, outcomeOf } from './outcome';

const GOLDEN_DIR = join(import.meta.dirname, 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const library = loadLibrary();

function goldenPath(id: string, variant: string | null): string {
  return join(GOLDEN_DIR, variant ? `${id}.${variant}.json` : `${id}.json`);
}

describe('every scenario and variant has a lesson', () => {
  it.each(library.entries.map((e) => [e.scenario.id, e.scenario] as const))('%s', (_id, s) => {
    const lesson = LESSONS[s.id];
    expect(lesson, `add ${s.id} to test/scenarios/lessons.ts`).toBeDefined();
    expect(Object.keys(lesson.variants ?? {}).sort()).toEqual(Object.keys(s.variants).sort());
  });
});

for (const { scenario } of library.entries) {
  const lessons = LESSONS[scenario.id];
  if (!lessons) continue;
  const runs: [string | null, Lesson][] = [[null, lessons.base], ...Object.entries(lessons.variants ?? {})];

  describe(scenario.id, () => {
    for (const [variant, lesson] of runs) {
      const label = variant ? `[${variant}] ${lesson.teaches}` : lesson.teaches;
      const outcome = () => outcomeOf(scenario, variant, lesson.teaches);

      it(`golden: ${label}`, () => {
        const actual = JSON.parse(JSON.stringify(goldenOf(outcome())));
        const file = goldenPath(scenario.id, variant);
        if (UPDATE || !existsSync(file)) {
          if (!UPDATE) throw new Error(`no golden outcome ${file}: run UPDATE_GOLDEN=1 npx vitest run test/scenarios`);
          mkdirSync(GOLDEN_DIR, { recursive: true });
          writeFileSync(file, JSON.stringify(actual, null, 2) + '\n');
          return;
        }
        const golden = JSON.parse(readFileSync(file, 'utf8'));
        expect(actual, `${scenario.id}${variant ? ` [${variant}]` : ''} changed – it teaches: ${lesson.teaches}`).toEqual(golden);
      });

      const proof = () => lesson.proof(outcome());
      if (lesson.knownGap) it.fails(`proof (known engine gap: ${lesson.knownGap}): ${label}`, proof);
      else it(`proof: ${label}`, proof);
    }
  });
}
