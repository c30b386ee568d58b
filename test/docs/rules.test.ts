// docs/rules.md is the project's rulebook: every protocol rule, its source,
// the module that implements it and the tests that check it. These tests keep
// it true as the code changes: a test or comment citing a rule that is not
// there, a listed test or module that has gone, fail here with what to fix.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { citedRuleNumbers, parseRulesDoc, ruleNumbersOfTestName } from './rulesDoc';
import { commentCitationProblems, listedTestProblems, pathProblems, shapeProblems, testCitationProblems } from './rulesChecks';
import { commentsIn, filesUnder, testNamesIn, type TestName } from './sourceScan';

const ROOT = join(import.meta.dirname, '..', '..');
const doc = parseRulesDoc(readFileSync(join(ROOT, 'docs/rules.md'), 'utf8'));
const parsedNames = new Map<string, TestName[]>();
const namesOf = (file: string) => {
  if (!parsedNames.has(file)) parsedNames.set(file, testNamesIn(join(ROOT, file)));
  return parsedNames.get(file)!;
};

describe('docs/rules.md', () => {
  it('is well-formed: every rule has its text, source and a status that agrees with its lists; rules 1–35 are all there', () => {
    expect(doc.rules.length).toBeGreaterThanOrEqual(35);
    expect(shapeProblems(doc)).toEqual([]);
  });

  it('(a) defines every rule a test under test/ is named after, and lists that test under it', () => {
    const mentionsRule = (f: string) => /\brules?\s+\d/i.test(readFileSync(join(ROOT, f), 'utf8'));
    const files = new Map(filesUnder(ROOT, 'test', ['.test.ts', '.test.tsx']).filter(mentionsRule).map((f) => [f, namesOf(f)] as const));
    // The rule tests are where most citations live: make sure they were read at all.
    expect([...files.values()].flat().filter((t) => ruleNumbersOfTestName(t.text).length > 0).length).toBeGreaterThan(30);
    expect(testCitationProblems(doc, files)).toEqual([]);
  });

  it('(b) lists only tests that exist, by file and name', () => {
    expect(listedTestProblems(doc, ROOT, namesOf)).toEqual([]);
  });

  it('(c) names only modules, checks and source files that exist', () => {
    expect(pathProblems(doc, ROOT)).toEqual([]);
  });

  it('(d) defines every rule a comment under src/ or test/ cites', () => {
    // Only files that mention a rule number at all need parsing.
    const files = [...filesUnder(ROOT, 'src', ['.ts', '.tsx']), ...filesUnder(ROOT, 'test', ['.ts', '.tsx'])].filter((f) => /\brules?\s+\d/i.test(readFileSync(join(ROOT, f), 'utf8')));
    const comments = new Map(files.map((f) => [f, commentsIn(join(ROOT, f))] as const));
    expect([...comments.values()].flat().filter((c) => citedRuleNumbers(c.text).length > 0).length).toBeGreaterThan(10);
    expect(commentCitationProblems(doc, comments)).toEqual([]);
  }, 60_000); // parses every source and test file: seconds on a busy machine
});

// --- the checks themselves: each catches what it is for ------------------------

const RULE_TEST = 'test/sim/rules.pop3.test.ts';
const RULE_1_TEST = 'rule 1: DELE then a dropped connection (no QUIT) removes nothing';

function rulebook(blocks: string): string {
  return `# Rules\n\nIntro text that mentions rule 7 in passing.\n\n${blocks}\n## Appendix\n\n- rule: not a rule block\n`;
}

const GOOD = `
## rule 1 — dropped connection

* Rule: Nothing is removed.
* Source: RFC 1939 §6, \`test/conformance/dovecot-2.3.19-observed.txt\`
* Modules: \`src/sim/client/pop3Client.ts\`,
  \`src/sim/server/pop3/pop3Session.machine.ts\`
* Tests:
  * \`${RULE_TEST}\` › \`${RULE_1_TEST}\`
* Status: **implemented+tested**

#### Rule 2: not there yet
- rule: x
- source: y
- modules: —
- status: not modelled (sessions never overlap)
`;

describe('the rulebook parser', () => {
  it('reads headings at any level, any bullet sign, wrapped fields and sub-bullets', () => {
    const parsed = parseRulesDoc(rulebook(GOOD));
    expect(parsed.problems).toEqual([]);
    expect(parsed.rules.map((r) => [r.id, r.status, r.modules.length, r.tests.length])).toEqual([
      [1, 'implemented+tested', 2, 1],
      [2, 'not modelled', 0, 0],
    ]);
    expect(parsed.rules[0].tests[0]).toEqual({ file: RULE_TEST, name: RULE_1_TEST });
    expect(parsed.rules[1].statusNote).toBe('sessions never overlap');
  });

  it('ignores rule headings inside code fences', () => {
    expect(parseRulesDoc('```\n### rule 9 — example\n- status: implemented+tested\n```\n').rules).toEqual([]);
  });

  it('names a block with an unknown status, a test without a name and a rule defined twice', () => {
    const parsed = parseRulesDoc(rulebook(`## rule 4\n- rule: x\n- source: y\n- status: done\n- tests: \`${RULE_TEST}\`\n\n## rule 4\n- status: not modelled — later\n`));
    expect(parsed.problems).toEqual([
      expect.stringMatching(/^rule 4 \(line \d+\): status "done" is not one of/),
      expect.stringMatching(/^rule 4 \(line \d+\): every test must be written/),
      expect.stringMatching(/^rule 4 is defined twice/),
    ]);
  });

  it('reads rule numbers as prose cites them', () => {
    expect(citedRuleNumbers('semantics.md rules\n 29–31. A bounce (rule 33)')).toEqual([29, 30, 31, 33]);
    expect(citedRuleNumbers('rules 14–16, 26, 32; rule 19 and 28; rule *:storage=50K')).toEqual([14, 15, 16, 26, 32, 19, 28]);
    expect(ruleNumbersOfTestName('rule 19 and 28: a COPY …')).toEqual([19, 28]);
    expect(ruleNumbersOfTestName('claim I5: moving …')).toEqual([]);
  });
});

describe('the checks', () => {
  const good = parseRulesDoc(rulebook(GOOD));

  it('(a) catch a test named after a missing rule, and a rule test not listed', () => {
    const names: TestName[] = [
      { text: RULE_1_TEST, pattern: null, kind: 'test', line: 3 },
      { text: 'rule 3: something else', pattern: null, kind: 'test', line: 9 },
      { text: 'rule 1: another test of rule 1', pattern: null, kind: 'test', line: 12 },
    ];
    expect(testCitationProblems(good, new Map([[RULE_TEST, names]]))).toEqual([
      `${RULE_TEST}:9: "rule 3: something else" cites rule 3, which docs/rules.md does not define`,
      `${RULE_TEST}:12: "rule 1: another test of rule 1" is not listed under rule 1 in docs/rules.md`,
    ]);
  });

  it('(b) catch a missing test file and a test name the file does not have', () => {
    const bad = parseRulesDoc(rulebook(`## rule 1\n- rule: x\n- source: y\n- modules: \`src/sim/index.ts\`\n- tests:\n  - \`test/sim/gone.test.ts\` › \`rule 1: x\`\n  - \`${RULE_TEST}\` › \`rule 1: DELE then a dropped connection removes nothing at all\`\n- status: implemented+tested\n`));
    expect(listedTestProblems(bad, ROOT, namesOf)).toEqual([
      'rule 1 lists test/sim/gone.test.ts, which does not exist',
      `rule 1 lists "rule 1: DELE then a dropped connection removes nothing at all", but ${RULE_TEST} has no test of that name`,
    ]);
    expect(listedTestProblems(good, ROOT, namesOf)).toEqual([]);
  });

  it('(b) match a templated golden test by what its template stands for, and only that', () => {
    const golden = (name: string) => parseRulesDoc(rulebook(`## rule 1\n- rule: x\n- source: y\n- modules: \`src/sim/index.ts\`\n- tests: \`test/scenarios/golden.test.ts\` › \`${name}\`\n- status: implemented+tested\n`));
    expect(listedTestProblems(golden('proof: [short-queue] if the sender’s queue gives up before space is freed, the mail bounces after all – days late'), ROOT, namesOf)).toEqual([]);
    expect(listedTestProblems(golden('proof: a lesson no scenario teaches'), ROOT, namesOf)).toHaveLength(1);
  });

  it('(c) catch a module, a check and a source file that do not exist', () => {
    const bad = parseRulesDoc(rulebook('## rule 1\n- rule: x\n- source: RFC 1939, `test/conformance/nowhere.txt`, `mail.server.*.leave_on_server`\n- modules: `src/sim/pop3/gone.ts`\n- also checked by: `conformance/gone.ts`\n- status: implemented, untested\n'));
    expect(pathProblems(bad, ROOT)).toEqual([
      'rule 1: module src/sim/pop3/gone.ts does not exist',
      'rule 1: check conformance/gone.ts does not exist',
      'rule 1: source test/conformance/nowhere.txt does not exist',
    ]);
    expect(pathProblems(good, ROOT)).toEqual([]);
  });

  it('(d) catch a comment citing a rule that is not defined, within a range too', () => {
    const comments = new Map([['src/sim/x.ts', [{ text: 'Dovecot does this (rules 1–3).', line: 4 }, { text: 'see rule 1', line: 8 }]]]);
    expect(commentCitationProblems(good, comments)).toEqual(['src/sim/x.ts:4: a comment cites rule 3, which docs/rules.md does not define']);
  });

  it('find comments with the TypeScript parser: joined // lines, JSDoc, not strings', () => {
    const source = [
      '// Over quota (semantics.md rules',
      '// 29–31).',
      'const s = "rule 99 in a string";',
      '/** DELE only marks (rule 2). */',
      'export function f(): void {',
      '  // rule 3 in an otherwise empty body',
      '}',
    ].join('\n');
    const found = commentsIn('x.ts', source).map((c) => [c.line, citedRuleNumbers(c.text)]);
    expect(found).toEqual([
      [1, [29, 30, 31]],
      [4, [2]],
      [6, [3]],
    ]);
  });

  it('read test names as vitest shows them: escapes decoded, templates kept as patterns', () => {
    const source = "describe('IMAP', () => {\n  it('rule 14: \\\\Deleted stays', () => {});\n  it.each([1])('%s', () => {});\n  it(`golden: ${label}`, () => {});\n});\n";
    const names = testNamesIn('x.test.ts', source);
    expect(names.map((n) => [n.kind, n.text, n.pattern !== null])).toEqual([
      ['suite', 'IMAP', false],
      ['test', 'rule 14: \\Deleted stays', false],
      ['test', '%s', false],
      ['test', 'golden: ${…}', true],
    ]);
  });
});
