// What the rulebook checks are checked against: the names of the tests in a
// test file and the comments in a source file. Both are read with the
// TypeScript parser rather than regular expressions, so a test name is its
// real string value (escapes decoded) and only real comments count, not
// strings or regular expressions that happen to contain "//".
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

export interface TestName {
  /** The name as vitest shows it; `${…}` where the source builds it from a value. */
  readonly text: string;
  /** For a name built from a template: what each `${…}` may stand for is checked separately. */
  readonly pattern: RegExp | null;
  /** `describe`/`suite` names are suites; `it`/`test`/`bench` names are tests. */
  readonly kind: 'suite' | 'test';
  readonly line: number;
}

export interface SourceComment {
  readonly text: string;
  readonly line: number;
}

const TEST_FUNCTIONS = new Set(['it', 'test', 'bench']);
const SUITE_FUNCTIONS = new Set(['describe', 'suite']);

function parse(path: string, text: string): ts.SourceFile {
  const kind = path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
}

/** `it`, `it.fails`, `it.each(table)`, `describe.skip`… → the identifier they start from. */
function rootName(expr: ts.Expression): string | null {
  let e: ts.Expression = expr;
  for (;;) {
    if (ts.isIdentifier(e)) return e.text;
    if (ts.isPropertyAccessExpression(e)) e = e.expression;
    else if (ts.isCallExpression(e)) e = e.expression;
    else return null;
  }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function nameOf(arg: ts.Expression): { text: string; pattern: RegExp | null } | null {
  if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) return { text: arg.text, pattern: null };
  if (ts.isTemplateExpression(arg)) {
    const parts = [arg.head.text, ...arg.templateSpans.map((s) => s.literal.text)];
    return {
      text: parts.join('${…}'),
      pattern: new RegExp(`^${parts.map(escapeRegExp).join('(.+?)')}$`, 's'),
    };
  }
  return null;
}

/** Every test and suite name in a test file, in source order. */
export function testNamesIn(path: string, text = readFileSync(path, 'utf8')): TestName[] {
  const source = parse(path, text);
  const out: TestName[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && node.arguments.length > 0) {
      const root = rootName(node.expression);
      // `it.each(table)` is itself a call whose first argument is the table, not a name: nameOf skips it.
      if (root && (TEST_FUNCTIONS.has(root) || SUITE_FUNCTIONS.has(root))) {
        const name = nameOf(node.arguments[0]);
        const kind = SUITE_FUNCTIONS.has(root) ? 'suite' : 'test';
        if (name) out.push({ ...name, kind, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/**
 * Every comment in a source file. Consecutive `//` lines are joined into one
 * comment, so "rules\n// 29–31" reads as one citation.
 */
export function commentsIn(path: string, text = readFileSync(path, 'utf8')): SourceComment[] {
  const source = parse(path, text);
  const ranges = new Map<number, ts.CommentRange>();
  const collect = (list: ts.CommentRange[] | undefined) => list?.forEach((r) => ranges.set(r.pos, r));
  const visit = (node: ts.Node) => {
    collect(ts.getLeadingCommentRanges(text, node.getFullStart()));
    collect(ts.getTrailingCommentRanges(text, node.getEnd()));
    // getChildren includes tokens (a closing brace, the end of the file), whose trivia may hold the only comment.
    for (const child of node.getChildren(source)) visit(child);
  };
  visit(source);
  const sorted = [...ranges.values()].sort((a, b) => a.pos - b.pos);
  const out: SourceComment[] = [];
  let previous: { comment: { text: string; line: number }; end: number; single: boolean } | null = null;
  for (const r of sorted) {
    const raw = text.slice(r.pos, r.end);
    const single = r.kind === ts.SyntaxKind.SingleLineCommentTrivia;
    const body = single ? raw.replace(/^\/\/\s?/, '') : raw.replace(/^\/\*+/, '').replace(/\*+\/$/, '').replace(/^\s*\*\s?/gm, '');
    const line = source.getLineAndCharacterOfPosition(r.pos).line + 1;
    const between = previous ? text.slice(previous.end, r.pos) : '';
    if (previous && single && previous.single && /^\s*$/.test(between) && between.split('\n').length === 2) {
      previous.comment.text += ` ${body}`;
      previous.end = r.end;
      continue;
    }
    const comment = { text: body, line };
    out.push(comment);
    previous = { comment, end: r.end, single };
  }
  return out;
}

/** Files under `dir` (relative to `root`) whose names end in one of `suffixes`, as root-relative paths with forward slashes. */
export function filesUnder(root: string, dir: string, suffixes: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(root, rel))) {
      if (entry === 'node_modules' || entry.startsWith('.')) continue;
      const child = `${rel}/${entry}`;
      if (statSync(join(root, child)).isDirectory()) walk(child);
      else if (suffixes.some((s) => entry.endsWith(s))) out.push(child);
    }
  };
  walk(dir);
  return out.sort();
}
