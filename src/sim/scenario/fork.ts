// Event sourcing: a scenario's steps are the only input to a run, so the
// sandbox forks a story by inserting a step and running again. Everything
// before the inserted step is unchanged, frame for frame.
import { checkWorld, type Problem } from './load';
import { Scenario, Step } from './schema';

export type ForkResult = { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] };

/** The scenario with `step` inserted before steps[index] (index = steps.length appends), validated like a file. */
export function insertStep(scenario: Scenario, index: number, step: unknown): ForkResult {
  const parsed = Step.safeParse(step);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => ({ file: scenario.id, path: `steps[${index}].${i.path.join('.')}`, message: i.message })) };
  const steps = [...scenario.steps.slice(0, index), parsed.data, ...scenario.steps.slice(index)];
  // A question asked before a step keeps asking before that same step.
  const questions = scenario.questions.map((q) => (q.step >= index ? { ...q, step: q.step + 1 } : q));
  const next = Scenario.parse({ ...scenario, steps, questions });
  const problems = checkWorld(scenario.id, next);
  return problems.length ? { ok: false, problems } : { ok: true, scenario: next };
}
