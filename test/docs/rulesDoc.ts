// Reads docs/rules.md, the project's rulebook, into plain data. The format is
// described at the top of that file; this parser is deliberately lenient
// about spelling (heading level, bullet sign, field-name case, the separator
// between a test file and a test name) so that editing the rulebook by hand
// does not trip it, and strict about what the checks need: an id, a status,
// and well-formed references.

export type RuleStatus = 'implemented+tested' | 'implemented, untested' | 'not modelled';

export interface TestRef {
  readonly file: string;
  readonly name: string;
}

export interface RuleEntry {
  readonly id: number;
  readonly title: string;
  /** 1-based line of the rule's heading, for messages. */
  readonly line: number;
  /** Field name (lower case) → its text, continuation lines and sub-bullets joined. */
  readonly fields: ReadonlyMap<string, string>;
  readonly status: RuleStatus | null;
  /** What follows the status keyword (the reason, for a rule that is not modelled). */
  readonly statusNote: string;
  readonly modules: readonly string[];
  readonly tests: readonly TestRef[];
  /** Other files named as checking the rule outside vitest (the conformance replay). */
  readonly alsoCheckedBy: readonly string[];
}

export interface RulesDoc {
  readonly rules: readonly RuleEntry[];
  /** Problems in the document's own shape (unknown status, a malformed test reference…). */
  readonly problems: readonly string[];
}

/** `## rule 12`, `### Rule 12 — title`, `#### rule 12: title`. */
const RULE_HEADING = /^#{2,4}\s+rule\s+(\d+)\b[\s:.—–-]*(.*)$/i;
const ANY_HEADING = /^#{1,6}\s/;
/** `- tests: …`, `* Modules: …`. */
const FIELD = /^\s{0,3}[-*+]\s+([A-Za-z][A-Za-z ]*?)\s*:\s*(.*)$/;
/** `` `test/x.test.ts` › `name` `` with ›, >, », :: or → between the two. */
const TEST_REF = /`([^`\s]+\.(?:test|spec)\.tsx?)`\s*(?:›|»|>|::|→)\s*`([^`]+)`/g;
const BACKTICKED = /`([^`]+)`/g;

const STATUSES: ReadonlyArray<[RegExp, RuleStatus]> = [
  [/^implemented\s*\+\s*tested\b/i, 'implemented+tested'],
  [/^implemented\s*,?\s*(?:but\s+)?untested\b/i, 'implemented, untested'],
  [/^not\s+modell?ed\b/i, 'not modelled'],
];

function parseStatus(text: string): { status: RuleStatus | null; note: string } {
  const t = text.replace(/[*_`]/g, '').trim();
  for (const [re, status] of STATUSES) {
    const m = re.exec(t);
    if (m) return { status, note: t.slice(m[0].length).replace(/^[\s:;,.—–(-]+/, '').replace(/\)\s*$/, '').trim() };
  }
  return { status: null, note: t };
}

/** Backticked tokens that look like paths in the repository (contain a slash, no spaces). */
function pathsIn(text: string): string[] {
  return [...text.matchAll(BACKTICKED)].map((m) => m[1].trim()).filter((p) => p.includes('/') && !/\s/.test(p));
}

export function parseRulesDoc(markdown: string): RulesDoc {
  const lines = markdown.split(/\r?\n/);
  const rules: RuleEntry[] = [];
  const problems: string[] = [];
  let current: { id: number; title: string; line: number; fields: Map<string, string> } | null = null;
  let lastField: string | null = null;
  let inFence = false;

  const finish = () => {
    if (!current) return;
    const { id, title, line, fields } = current;
    const statusText = fields.get('status') ?? '';
    const { status, note } = parseStatus(statusText);
    if (!fields.has('status')) problems.push(`rule ${id} (line ${line}): no "status:" field`);
    else if (!status) problems.push(`rule ${id} (line ${line}): status "${statusText}" is not one of implemented+tested / implemented, untested / not modelled`);
    const testsText = fields.get('tests') ?? '';
    const tests = [...testsText.matchAll(TEST_REF)].map((m) => ({ file: m[1], name: m[2] }));
    // A backticked test file without a name after it is a reference the checks could not follow.
    const filesNamed = [...testsText.matchAll(BACKTICKED)].map((m) => m[1]).filter((p) => /\.(?:test|spec)\.tsx?$/.test(p));
    if (filesNamed.length !== tests.length) problems.push(`rule ${id} (line ${line}): every test must be written \`file\` › \`test name\` (found ${filesNamed.length} test files, ${tests.length} complete references)`);
    rules.push({ id, title, line, fields, status, statusNote: note, modules: pathsIn(fields.get('modules') ?? ''), tests, alsoCheckedBy: pathsIn(fields.get('also checked by') ?? '') });
    current = null;
    lastField = null;
  };

  lines.forEach((text, i) => {
    if (/^\s*(```|~~~)/.test(text)) inFence = !inFence;
    if (inFence) return;
    const heading = RULE_HEADING.exec(text);
    if (heading) {
      finish();
      current = { id: Number(heading[1]), title: heading[2].trim(), line: i + 1, fields: new Map() };
      return;
    }
    if (ANY_HEADING.test(text)) {
      finish();
      return;
    }
    if (!current) return;
    const field = FIELD.exec(text);
    if (field) {
      const key = field[1].toLowerCase().replace(/\s+/g, ' ');
      current.fields.set(key, ((current.fields.get(key) ?? '') + ' ' + field[2]).trim());
      lastField = key;
      return;
    }
    // A sub-bullet or a wrapped line continues the field above it; a blank line ends it.
    if (text.trim() === '') {
      lastField = null;
      return;
    }
    if (lastField && /^\s+\S/.test(text)) current.fields.set(lastField, `${current.fields.get(lastField)} ${text.trim().replace(/^[-*+]\s+/, '')}`.trim());
  });
  finish();

  const seen = new Map<number, number>();
  for (const r of rules) {
    if (seen.has(r.id)) problems.push(`rule ${r.id} is defined twice (lines ${seen.get(r.id)} and ${r.line})`);
    seen.set(r.id, r.line);
  }
  return { rules, problems };
}

/**
 * Rule numbers cited by a piece of prose: "rule 17", "rules 19, 28",
 * "rules 29–31", "rule 19 and 28", "rules 14–24, 26, 32".
 */
export function citedRuleNumbers(text: string): number[] {
  const out: number[] = [];
  const flat = text.replace(/\s+/g, ' ');
  for (const m of flat.matchAll(/\brules?\s+(\d+(?:\s*(?:[-–—]|,|&|\band\b)\s*\d+)*)/gi)) {
    for (const part of m[1].split(/\s*(?:,|&|\band\b)\s*/i)) {
      const range = /^(\d+)\s*[-–—]\s*(\d+)$/.exec(part);
      if (range) {
        const [lo, hi] = [Number(range[1]), Number(range[2])];
        for (let n = lo; n <= hi && hi - lo < 200; n++) out.push(n);
      } else if (/^\d+$/.test(part)) out.push(Number(part));
    }
  }
  return out;
}

/** The rule numbers a test's name claims to show: "rule 3: …", "rule 19 and 28: …", "rules 29–31: …". */
export function ruleNumbersOfTestName(name: string): number[] {
  const m = /^\s*rules?\s+([\d\s,–—&-]+(?:\band\b[\d\s,–—&-]+)*):/i.exec(name);
  return m ? citedRuleNumbers(`rules ${m[1]}`) : [];
}
