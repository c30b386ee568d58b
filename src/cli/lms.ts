// npm run sim -- FILE --questions [--lang de|en]
// npm run sim -- --moodle FILE… [--lang de|en|both] [--out quiz.xml]
// npm run sim -- --scorm FILE… --out lesson.zip [--lang de|en]
// A FILE may also be a built-in scenario's id (pop3-three-devices).
// The questions with their answers read from the run, the Moodle XML of one or
// more scenarios, or a SCORM 1.2 package of a lesson.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkQuestions, formatProblem, loadScenarioText, simulate, type Scenario } from '../sim';
import { DEFAULT_SCENARIO_DIR } from '../claims/libraryFromDisk';
import type { Lang } from '../i18n/names';
import { fixedT } from '../lms/texts';
import { moodleXml, type MoodleLang } from '../lms/moodleXml';
import { wordedQuestions } from '../ui/quiz/questionText';

export interface LmsArgs {
  readonly files: readonly string[];
  readonly out: string | null;
  readonly lang: MoodleLang;
}

/** Files and options after a command flag: --out PATH, --lang de|en|both; the rest are scenario files or ids. */
export function parseLmsArgs(argv: readonly string[]): LmsArgs {
  const files: string[] = [];
  let out: string | null = null;
  let lang: MoodleLang = 'multilang';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') out = argv[++i] ?? null;
    else if (a === '--lang') {
      const v = argv[++i];
      lang = v === 'de' || v === 'en' ? v : 'multilang';
    } else if (!a.startsWith('--')) files.push(a);
  }
  return { files, out, lang };
}

type Loaded = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

function load(fileOrId: string): Loaded {
  const builtin = join(DEFAULT_SCENARIO_DIR, `${fileOrId}.json`);
  const file = existsSync(fileOrId) ? fileOrId : /^[a-z][a-z0-9-]{0,31}$/.test(fileOrId) && existsSync(builtin) ? builtin : fileOrId;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { ok: false, errors: [`${fileOrId}: cannot read the file — give a scenario file or a built-in id (npm run sim -- --list names them)`] };
  }
  const r = loadScenarioText(file, text);
  if (!r.ok) return { ok: false, errors: r.problems.map(formatProblem) };
  const problems = checkQuestions(file, r.scenario);
  if (problems.length) return { ok: false, errors: problems.map(formatProblem) };
  return { ok: true, scenario: r.scenario };
}

function loadAll(files: readonly string[]): Scenario[] | null {
  const scenarios: Scenario[] = [];
  let failed = false;
  for (const f of files) {
    const r = load(f);
    if (r.ok) scenarios.push(r.scenario);
    else {
      failed = true;
      for (const e of r.errors) console.error(e);
    }
  }
  return failed ? null : scenarios;
}

export function printQuestions(file: string, lang: Lang): number {
  const scenarios = loadAll([file]);
  if (!scenarios) return 1;
  const [scenario] = scenarios;
  const worded = wordedQuestions(scenario, simulate(scenario), fixedT(lang), lang);
  if (!worded.length) {
    console.log(lang === 'de' ? `${scenario.id}: keine Fragen.` : `${scenario.id}: no questions.`);
    return 0;
  }
  for (const w of worded) {
    console.log(`${w.index + 1}. ${w.context}\n   ${w.text}\n   → ${w.answerText}`);
  }
  return 0;
}

export function writeMoodle(args: LmsArgs): number {
  if (!args.files.length) {
    console.error('usage: npm run sim -- --moodle FILE… [--lang de|en|both] [--out quiz.xml]');
    return 2;
  }
  const scenarios = loadAll(args.files);
  if (!scenarios) return 1;
  const xml = moodleXml(
    scenarios.map((scenario) => ({ scenario, timeline: simulate(scenario) })),
    args.lang,
    { de: fixedT('de'), en: fixedT('en') },
  );
  if (args.out) {
    writeFileSync(args.out, xml);
    console.error(`wrote ${args.out}`);
  } else process.stdout.write(xml);
  return 0;
}

export async function writeScorm(args: LmsArgs): Promise<number> {
  if (!args.files.length || !args.out) {
    console.error('usage: npm run sim -- --scorm FILE… --out lesson.zip [--lang de|en]');
    return 2;
  }
  const scenarios = loadAll(args.files);
  if (!scenarios) return 1;
  // The pictures are drawn by the player's own picture code, in a jsdom page with the app's style sheet.
  const { JSDOM } = await import('jsdom');
  const here = import.meta.dirname;
  const css = readFileSync(resolve(here, '../ui/styles.css'), 'utf8');
  const dom = new JSDOM(`<!doctype html><html><head><style>${css}</style></head><body></body></html>`);
  const { scormZip } = await import('../lms/scorm/build');
  const zip = scormZip({
    scenarios,
    lang: args.lang === 'de' ? 'de' : 'en',
    ts: { de: fixedT('de'), en: fixedT('en') },
    doc: dom.window.document,
    assets: { script: readFileSync(resolve(here, '../lms/scorm/launch.js'), 'utf8'), css: readFileSync(resolve(here, '../lms/scorm/launch.css'), 'utf8') },
  });
  writeFileSync(args.out, zip);
  console.error(`wrote ${args.out} (${Math.round(zip.length / 1024)} KB)`);
  return 0;
}
