// Reading the built-in scenario library from the scenarios/ folder (Node only;
// the app bundles the files instead). Every file is validated; problems are
// returned, never thrown, so a listing can still show the good ones.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { loadScenarioText, type Problem, type Scenario } from '../sim';

export const DEFAULT_SCENARIO_DIR = resolve(import.meta.dirname, '../../scenarios');

export interface LibraryEntry {
  readonly file: string;
  readonly scenario: Scenario;
}

export interface Library {
  readonly entries: readonly LibraryEntry[];
  readonly problems: readonly Problem[];
}

export function scenarioFiles(dir: string = DEFAULT_SCENARIO_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'))
    .sort()
    .map((name) => join(dir, name));
}

export function loadLibrary(dir: string = DEFAULT_SCENARIO_DIR): Library {
  const entries: LibraryEntry[] = [];
  const problems: Problem[] = [];
  for (const file of scenarioFiles(dir)) {
    const result = loadScenarioText(file, readFileSync(file, 'utf8'));
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    const expected = basename(file, '.json');
    if (result.scenario.id !== expected)
      problems.push({ file, path: 'id', message: `the id "${result.scenario.id}" must equal the file name "${expected}"` });
    entries.push({ file, scenario: result.scenario });
  }
  return { entries, problems };
}
