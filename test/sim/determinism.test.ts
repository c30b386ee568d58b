// src/sim reads no clock and no unseeded randomness (STYLE.md "What that means
// here", 1); the timelines themselves are compared in test/sim/determinism/.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const SIM = join(ROOT, 'src', 'sim');

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
