// simulate(scenario) is a pure function: the same scenario (and variant) gives
// the same timeline, byte for byte, and src/sim reads no clock and no
// unseeded randomness (STYLE.md "What that means here", 1).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadScenarioText, formatProblem } from '../../src/sim/scenario/load';
import { simulate } from '../../src/sim/run/simulate';
import { stateToJSON, timelineToJSON } from '../../src/sim/run/serialize';

const ROOT = join(import.meta.dirname, '..', '..');
const SCENARIOS = join(ROOT, 'scenarios');
const SIM = join(ROOT, 'src', 'sim');
// The big-mailbox scenarios have ~2,400 frames and timelineToJSON writes every
// frame's complete state (~220 MB of text), so these tests get long timeouts.

const scenarioFiles = readdirSync(SCENARIOS)
  .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
  .sort();

function load(file: string) {
  const loaded = loadScenarioText(file, readFileSync(join(SCENARIOS, file), 'utf8'));
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  return loaded.scenario;
}

const cases = scenarioFiles.flatMap((file) => {
  const scenario = load(file);
  return [null, ...Object.keys(scenario.variants)].map((variant) => ({ file, variant, scenario }));
});

describe('the same scenario gives the same timeline', () => {
  it.each(cases.map((c) => [`${c.file}${c.variant ? ` (variant ${c.variant})` : ''}`, c] as const))('%s', (_, { scenario, variant }) => {
    const once = JSON.stringify(timelineToJSON(simulate(scenario, { variant })));
    const twice = JSON.stringify(timelineToJSON(simulate(scenario, { variant })));
    if (once !== twice) {
      const at = [...once].findIndex((ch, i) => ch !== twice[i]);
      expect.fail(`the two runs differ from character ${at}: …${once.slice(Math.max(0, at - 80), at + 80)}… vs …${twice.slice(Math.max(0, at - 80), at + 80)}…`);
    }
  }, 60_000);

  it('frame states read backwards equal frame states read forwards (snapshots rebuild exactly)', () => {
    for (const { file, scenario } of cases.filter((c) => c.variant === null)) {
      const forwards = simulate(scenario).frames.map((f) => JSON.stringify(stateToJSON(f.state)));
      const backwards = simulate(scenario);
      for (let i = backwards.frames.length - 1; i >= 0; i--) expect(JSON.stringify(stateToJSON(backwards.frames[i].state)), `${file}, frame ${i}`).toBe(forwards[i]);
    }
  }, 120_000);
});

/** Code that would make a run depend on when or how often it runs. */
const FORBIDDEN: Array<[RegExp, string]> = [
  [/\bMath\.random\b/, 'Math.random'],
  [/\bDate\.now\b/, 'Date.now'],
  [/\bnew\s+Date\s*\(/, 'new Date()'],
  [/\bperformance\.now\b/, 'performance.now'],
  [/\bsetTimeout\b/, 'setTimeout'],
  [/\bsetInterval\b/, 'setInterval'],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sourceFiles(path);
      return /\.(ts|tsx|js|mjs)$/.test(name) ? [path] : [];
    });
}

/** The line without its comment (a comment may name what the code avoids). */
function codeOf(line: string, inBlockComment: { on: boolean }): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    if (inBlockComment.on) {
      const end = line.indexOf('*/', i);
      if (end < 0) return out;
      inBlockComment.on = false;
      i = end + 2;
    } else if (line.startsWith('/*', i)) {
      inBlockComment.on = true;
      i += 2;
    } else if (line.startsWith('//', i)) return out;
    else out += line[i++];
  }
  return out;
}

describe('src/sim reads no clock and no unseeded randomness', () => {
  it('has no Math.random, Date.now, new Date(), performance.now, setTimeout or setInterval', () => {
    const hits: string[] = [];
    const files = sourceFiles(SIM);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const block = { on: false };
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const code = codeOf(line, block);
          for (const [pattern, name] of FORBIDDEN) if (pattern.test(code)) hits.push(`${relative(ROOT, file)}:${i + 1}: ${name} — ${line.trim()}`);
        });
    }
    expect(hits, hits.join('\n')).toEqual([]);
  });
});
