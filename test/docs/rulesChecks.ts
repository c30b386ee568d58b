// The checks that keep docs/rules.md true, as functions of the parsed
// rulebook and of what is on disk. Each returns the problems it found, one
// sentence each, naming the rule or the file and line to fix.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { citedRuleNumbers, ruleNumbersOfTestName, type RulesDoc } from './rulesDoc';
import type { SourceComment, TestName } from './sourceScan';

/** Repository folders whose files the rulebook may name as sources. */
const REPO_DIRS = ['src/', 'test/', 'conformance/', 'scenarios/', 'docs/', 'scripts/', 'e2e/', 'bench/'];

const defined = (doc: RulesDoc) => new Set(doc.rules.map((r) => r.id));

/** The rulebook's own shape: parse problems, statuses that contradict the lists, the acceptance list complete. */
export function shapeProblems(doc: RulesDoc, acceptanceList = 35): string[] {
  const problems = [...doc.problems];
  const ids = defined(doc);
  for (let n = 1; n <= acceptanceList; n++) if (!ids.has(n)) problems.push(`rule ${n} of the acceptance list has no heading`);
  for (const r of doc.rules) {
    if (!r.fields.get('rule')) problems.push(`rule ${r.id} (line ${r.line}) has no "rule:" text`);
    if (!r.fields.get('source')) problems.push(`rule ${r.id} (line ${r.line}) names no source`);
    if (r.status === 'implemented+tested' && r.tests.length === 0) problems.push(`rule ${r.id} (line ${r.line}) is marked implemented+tested but lists no test`);
    if (r.status === 'implemented, untested' && r.tests.length > 0) problems.push(`rule ${r.id} (line ${r.line}) is marked untested but lists ${r.tests.length} test(s)`);
    if (r.status !== null && r.status !== 'not modelled' && r.modules.length === 0) problems.push(`rule ${r.id} (line ${r.line}) is implemented but names no module`);
    if (r.status === 'not modelled' && r.statusNote.length < 10) problems.push(`rule ${r.id} (line ${r.line}) is not modelled but gives no reason`);
  }
  return problems;
}

/**
 * (a) every test named "rule N: …" cites rules that exist, and (a') is listed
 * under each of them, so the tests column is complete.
 */
export function testCitationProblems(doc: RulesDoc, testFiles: ReadonlyMap<string, readonly TestName[]>): string[] {
  const problems: string[] = [];
  const ids = defined(doc);
  const listed = new Map(doc.rules.map((r) => [r.id, new Set(r.tests.map((t) => `${t.file}\u0000${t.name}`))]));
  for (const [file, names] of testFiles) {
    for (const t of names) {
      for (const n of ruleNumbersOfTestName(t.text)) {
        if (!ids.has(n)) problems.push(`${file}:${t.line}: "${t.text}" cites rule ${n}, which docs/rules.md does not define`);
        else if (t.kind === 'test' && !listed.get(n)!.has(`${file}\u0000${t.text}`)) problems.push(`${file}:${t.line}: "${t.text}" is not listed under rule ${n} in docs/rules.md`);
      }
    }
  }
  return problems;
}

/** Every .ts file's text in a folder, for checking what a templated test name's `${…}` stands for. */
function folderTexts(root: string, dir: string): string[] {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs)
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => readFileSync(join(abs, f), 'utf8'));
}

/**
 * A name built from a template matches when its fixed parts do and each
 * `${…}` part is text that occurs in a source file next to the test (the
 * lesson texts of the golden outcomes live in lessons.ts). A leading
 * "[variant] " is how the golden test labels a variant, and is not in that text.
 */
function matchesTemplate(t: TestName, name: string, texts: readonly string[]): boolean {
  const m = t.pattern?.exec(name);
  if (!m) return false;
  return m.slice(1).every((value) => {
    const core = value.replace(/^\[[^\]]+\]\s+/, '');
    return texts.some((text) => text.includes(core));
  });
}

/** (b) every test the rulebook lists exists: the file, and a test of that name in it. */
export function listedTestProblems(doc: RulesDoc, root: string, namesOf: (file: string) => readonly TestName[]): string[] {
  const problems: string[] = [];
  for (const r of doc.rules) {
    for (const ref of r.tests) {
      if (!existsSync(join(root, ref.file))) {
        problems.push(`rule ${r.id} lists ${ref.file}, which does not exist`);
        continue;
      }
      const names = namesOf(ref.file).filter((t) => t.kind === 'test');
      if (names.some((t) => !t.pattern && t.text === ref.name)) continue;
      const templated = names.filter((t) => t.pattern);
      if (templated.length && templated.some((t) => matchesTemplate(t, ref.name, folderTexts(root, dirname(ref.file))))) continue;
      problems.push(`rule ${r.id} lists "${ref.name}", but ${ref.file} has no test of that name`);
    }
  }
  return problems;
}

/** (c) every module, every file named as a further check and every repository file named as a source exists. */
export function pathProblems(doc: RulesDoc, root: string): string[] {
  const problems: string[] = [];
  for (const r of doc.rules) {
    const sourcePaths = [...(r.fields.get('source') ?? '').matchAll(/`([^`\s]+)`/g)].map((m) => m[1]).filter((p) => REPO_DIRS.some((d) => p.startsWith(d)));
    const named: Array<[string, string]> = [
      ...r.modules.map((p): [string, string] => ['module', p]),
      ...r.alsoCheckedBy.map((p): [string, string] => ['check', p]),
      ...sourcePaths.map((p): [string, string] => ['source', p]),
    ];
    for (const [what, path] of named) if (!existsSync(join(root, path))) problems.push(`rule ${r.id}: ${what} ${path} does not exist`);
  }
  return problems;
}

/** (d) every rule number a comment cites has a heading in the rulebook. */
export function commentCitationProblems(doc: RulesDoc, comments: ReadonlyMap<string, readonly SourceComment[]>): string[] {
  const problems: string[] = [];
  const ids = defined(doc);
  for (const [file, list] of comments) {
    for (const c of list) {
      for (const n of new Set(citedRuleNumbers(c.text))) {
        if (!ids.has(n)) problems.push(`${file}:${c.line}: a comment cites rule ${n}, which docs/rules.md does not define`);
      }
    }
  }
  return problems;
}
