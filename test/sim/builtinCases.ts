// The built-in scenarios and their variants, shared by the long tests that run
// every one (determinism, figures), dealt into two halves of about equal work so
// that vitest runs them side by side (a file is the unit it spreads over workers).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarioText, formatProblem } from '../../src/sim/scenario/load';
import type { Scenario } from '../../src/sim/scenario/schema';

const SCENARIOS = join(import.meta.dirname, '..', '..', 'scenarios');

export interface Case {
  readonly file: string;
  readonly variant: string | null;
  readonly scenario: Scenario;
}

function load(file: string): Scenario {
  const loaded = loadScenarioText(file, readFileSync(join(SCENARIOS, file), 'utf8'));
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  return loaded.scenario;
}

export const cases: readonly Case[] = readdirSync(SCENARIOS)
  .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
  .sort()
  .flatMap((file) => {
    const scenario = load(file);
    return [null, ...Object.keys(scenario.variants)].map((variant) => ({ file, variant, scenario }));
  });

/**
 * Half `half` (0 or 1) of the cases: by file size, largest first, dealt in turn,
 * so the few long runs (the big mailboxes) are split between the halves.
 */
export function halfOf(half: 0 | 1): Case[] {
  const size = (c: Case) => statSync(join(SCENARIOS, c.file)).size;
  return [...cases].sort((a, b) => size(b) - size(a) || (a.file + a.variant < b.file + b.variant ? -1 : 1)).filter((_, i) => i % 2 === half);
}

export const caseName = (c: Case) => `${c.file}${c.variant ? ` (variant ${c.variant})` : ''}`;
