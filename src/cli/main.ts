// npm run sim -- FILE [--variant NAME] [--frames] [--json] [--lang de|en]
// Prints where every mail lives at the end of a scenario, frame by frame with
// --frames, or the whole timeline as JSON with --json. A broken file exits 1
// with every problem named.
import { readFileSync } from 'node:fs';
import { formatProblem, formatTime, frameLines, loadScenarioText, metricsOf, simulate, timelineToJSON, type Timeline } from '../sim';
import { narrate, timelineNames, type Lang } from '../i18n/narrate';
import { outcomeText } from './outcome';
import { listScenarios } from './list';
import { printClaims } from './claims';
import { compareFile } from './compare';
import { printProfiles } from './profiles';

const USAGE = `usage: npm run sim -- FILE [--variant NAME] [--frames] [--json] [--lang de|en]
       npm run sim -- --list | --claims | --profiles [--json] | --compare FILE   [--lang de|en]`;

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

function printFrames(t: Timeline, lang: Lang): void {
  const names = timelineNames(t, lang);
  for (const f of t.frames) {
    console.log(`\n[${f.index}] ${formatTime(f.time)} · step ${f.step < 0 ? (f.step === -1 ? 'start' : 'scheduled') : f.step + 1}.${f.micro} · ${f.label}`);
    if (f.note) console.log(`  » ${f.note[lang]}`);
    console.log(`  ${narrate(f.narration, lang, names)}`);
    for (const tr of f.transfers) console.log(`  ${tr.kind.padEnd(8)} ${tr.mail}: ${tr.from ?? '∅'} → ${tr.to ?? '∅'}`);
    for (const l of frameLines(f)) console.log(`    ${l.dir}: ${l.text}`);
  }
}

export function main(argv: string[]): number {
  const args = parseArgs(argv);
  if (args.rest.includes('--list')) return listScenarios(args.lang);
  if (args.rest.includes('--claims')) return printClaims(args.lang);
  if (args.rest.includes('--profiles')) return printProfiles(args.lang, args.json);
  if (args.rest.includes('--compare')) return compareFile(args.file, args.lang);
  if (!args.file) {
    console.error(USAGE);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(args.file, 'utf8');
  } catch (err) {
    console.error(`${args.file}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    return 1;
  }
  const loaded = loadScenarioText(args.file, text);
  if (!loaded.ok) {
    for (const p of loaded.problems) console.error(formatProblem(p));
    console.error(`${loaded.problems.length} problem(s); nothing was simulated.`);
    return 1;
  }
  const scenario = loaded.scenario;
  if (args.variant && !scenario.variants[args.variant]) {
    console.error(`${args.file}: no variant "${args.variant}" — variants are ${Object.keys(scenario.variants).join(', ') || '(none)'}`);
    return 1;
  }
  const timeline = simulate(scenario, { variant: args.variant });
  if (args.json) {
    process.stdout.write(JSON.stringify(timelineToJSON(timeline)) + '\n');
    return 0;
  }
  console.log(`${scenario.title[args.lang]}${args.variant ? ` — ${scenario.variants[args.variant].title[args.lang]}` : ''}`);
  console.log(scenario.summary[args.lang]);
  if (args.frames) printFrames(timeline, args.lang);
  const last = timeline.frames[timeline.frames.length - 1];
  console.log(`\n${timeline.frames.length} frames.`);
  console.log(outcomeText(metricsOf(last, timeline), last.state, timeline.world));
  return 0;
}

const invokedDirectly = process.argv[1] && /main\.ts$/.test(process.argv[1]);
if (invokedDirectly) process.exitCode = main(process.argv.slice(2));
