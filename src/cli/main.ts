// npm run sim -- FILE [--variant NAME] [--frames] [--json] [--lang de|en]
// Prints where every mail lives at the end of a scenario, frame by frame with
// --frames, or the whole timeline as JSON with --json. A broken file exits 1
// with every problem named.
import type { Lang } from '../i18n/narrate';
import { runFile, type RunOutput } from './runFile';
import { runWithProgress } from './progress';
import { listScenarios } from './list';
import { printClaims } from './claims';
import { compareFile } from './compare';
import { printProfiles } from './profiles';
import { parseLmsArgs, printQuestions, writeMoodle, writeScorm } from './lms';

const USAGE = `usage: npm run sim -- FILE [--variant NAME] [--frames] [--json] [--lang de|en]
       npm run sim -- --list | --claims | --profiles [--json] | --compare FILE   [--lang de|en]
       npm run sim -- FILE --questions [--lang de|en]
       npm run sim -- --moodle FILE… [--lang de|en|both] [--out quiz.xml]
       npm run sim -- --scorm FILE… --out lesson.zip [--lang de|en]`;

export interface Args {
  file: string | null;
  variant: string | null;
  frames: boolean;
  json: boolean;
  lang: Lang;
  rest: string[];
}

export function parseArgs(argv: string[]): Args {
  const args: Args = { file: null, variant: null, frames: false, json: false, lang: 'en', rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--variant') args.variant = argv[++i] ?? null;
    else if (a === '--frames') args.frames = true;
    else if (a === '--json') args.json = true;
    else if (a === '--lang') args.lang = argv[++i] === 'de' ? 'de' : 'en';
    else if (!a.startsWith('--') && !args.file) args.file = a;
    else args.rest.push(a);
  }
  return args;
}

export function main(argv: string[]): number | Promise<number> {
  // Exports for learning platforms take several files and an output path.
  if (argv.includes('--moodle')) return writeMoodle(parseLmsArgs(argv));
  if (argv.includes('--scorm')) return writeScorm(parseLmsArgs(argv));
  const args = parseArgs(argv);
  if (args.rest.includes('--questions') && args.file) return printQuestions(args.file, args.lang);
  if (args.rest.includes('--list')) return listScenarios(args.lang);
  if (args.rest.includes('--claims')) return printClaims(args.lang);
  if (args.rest.includes('--profiles')) return printProfiles(args.lang, args.json);
  if (args.rest.includes('--compare')) return compareFile(args.file, args.lang);
  if (!args.file) {
    console.error(USAGE);
    return 2;
  }
  const fileArgs = { file: args.file, variant: args.variant, frames: args.frames, json: args.json, lang: args.lang };
  // A terminal gets progress for long runs; pipes and tests get the plain, synchronous run.
  if (process.stderr.isTTY && !process.env.SIM_NO_PROGRESS) return runWithProgress(fileArgs).then(print);
  return print(runFile(fileArgs));
}

function print(out: RunOutput): number {
  for (const line of out.stderr) console.error(line);
  if (out.stdout.length) process.stdout.write(out.stdout.join('\n') + '\n');
  return out.code;
}

const invokedDirectly = process.argv[1] && /main\.ts$/.test(process.argv[1]);
if (invokedDirectly) void Promise.resolve(main(process.argv.slice(2))).then((code) => (process.exitCode = code));
