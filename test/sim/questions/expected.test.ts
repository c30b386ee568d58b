// Every built-in scenario's questions: they pass their checks, each has an
// answer read from the run, and that answer matches the one checked in under
// expected/. When the model changes what a step does, this fails and names the
// question, so a lecturer's quiz never silently teaches something else.
//
// Regenerate deliberately, after checking the new answers are right:
//   UPDATE_ANSWERS=1 npx vitest run test/sim/questions   (UPDATE_GOLDEN=1 works too)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../../src/claims/libraryFromDisk';
import { answerOf, checkQuestions, simulate, withVariant, type Answer, type Scenario } from '../../../src/sim';

const DIR = join(import.meta.dirname, 'expected');
const UPDATE = process.env.UPDATE_ANSWERS === '1' || process.env.UPDATE_GOLDEN === '1';

/** What is checked in: the question as asked and its answer (a "where" question's options are part of what the learner sees). */
function answersOf(s: Scenario, variant: string | null): Array<{ question: string; answer: Answer | null }> {
  const timeline = simulate(withVariant(s, variant ?? undefined));
  return s.questions.map((q) => ({ question: `step ${q.step} ${q.kind} ${q.mail}${q.kind === 'onDevice' ? ` on ${q.device}` : ''}`, answer: answerOf(q, timeline) }));
}

const library = loadLibrary();
const withQuestions = library.entries.filter((e) => e.scenario.questions.length > 0);

describe('built-in questions', () => {
  it('at least 20 scenarios ask questions', () => {
    expect(withQuestions.length).toBeGreaterThanOrEqual(20);
  });

  for (const { file, scenario } of withQuestions) {
    it(`${scenario.id}: questions pass their checks and their answers match expected/${scenario.id}.json`, () => {
      expect(checkQuestions(file, scenario)).toEqual([]);
      const actual = {
        base: answersOf(scenario, null),
        variants: Object.fromEntries(Object.keys(scenario.variants).map((v) => [v, answersOf(scenario, v)])),
      };
      for (const run of [actual.base, ...Object.values(actual.variants)]) for (const a of run) expect(a.answer, a.question).not.toBeNull();
      const path = join(DIR, `${scenario.id}.json`);
      if (UPDATE || !existsSync(path)) {
        if (!UPDATE) throw new Error(`no expected answers ${path}: run UPDATE_ANSWERS=1 npx vitest run test/sim/questions`);
        mkdirSync(DIR, { recursive: true });
        writeFileSync(path, JSON.stringify(actual, null, 2) + '\n');
        return;
      }
      const expected = JSON.parse(readFileSync(path, 'utf8'));
      expect(JSON.parse(JSON.stringify(actual)), `the answers of ${scenario.id} changed: check the model, then regenerate`).toEqual(expected);
    });
  }
});
