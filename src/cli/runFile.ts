// One scenario file, start to end, as text: load it, check its work budget,
// simulate, and say the outcome. Returns what to print instead of printing, so
// the same run can happen on a worker thread while the terminal shows progress.
import { readFileSync } from 'node:fs';
import { formatProblem, formatTime, frameLines, loadWithinLimits, metricsOf, simulateWithinBudget, timelineToJSON, type Scenario, type Timeline } from '../sim';
import { narrate, timelineNames, type Lang } from '../i18n/narrate';
import { outcomeText } from './outcome';
import { budgetText } from './budgetText';

export interface FileArgs {
  readonly file: string;
  readonly variant: string | null;
  readonly frames: boolean;
  readonly json: boolean;
  readonly lang: Lang;
}

/** Told how far the run is (0..1, never going down); the terminal's progress line shows it. */
export type OnProgress = (fraction: number) => void;

export interface RunOutput {
  readonly stdout: string[];
  readonly stderr: string[];
  readonly code: number;
}

function frameText(t: Timeline, lang: Lang, out: string[], scenario?: Scenario): void {
  const names = timelineNames(t, lang, scenario);
  for (const f of t.frames) {
    out.push(`\n[${f.index}] ${formatTime(f.time)} · step ${f.step < 0 ? (f.step === -1 ? 'start' : 'scheduled') : f.step + 1}.${f.micro} · ${f.label}`);
    if (f.note) out.push(`  » ${f.note[lang]}`);
    out.push(`  ${narrate(f.narration, lang, names)}`);
    for (const tr of f.transfers) out.push(`  ${tr.kind.padEnd(8)} ${tr.mail}: ${tr.from ?? '∅'} → ${tr.to ?? '∅'}`);
    for (const l of frameLines(f)) out.push(`    ${l.dir}: ${l.text}`);
  }
}

/** Why a file cannot be read, and what to do about it. */
function unreadable(file: string, err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `${file}: cannot read the file (ENOENT): there is no such file — check the path (built-in scenarios are in scenarios/, e.g. scenarios/pop3-three-devices.json; npm run sim -- --list names them)`;
  if (code === 'EISDIR') return `${file}: cannot read the file (EISDIR): it is a folder — name one scenario file in it, e.g. ${file.replace(/\/$/, '')}/pop3-three-devices.json`;
  if (code === 'EACCES') return `${file}: cannot read the file (EACCES): not allowed to read it — check the file's permissions`;
  return `${file}: cannot read the file (${code ?? String(err)})`;
}

export function runFile(args: FileArgs, onProgress?: OnProgress): RunOutput {
  const stdout: string[] = [];
  const stderr: string[] = [];
  let text: string;
  try {
    text = readFileSync(args.file, 'utf8');
  } catch (err) {
    return { stdout, stderr: [unreadable(args.file, err)], code: 1 };
  }
  const loaded = loadWithinLimits(args.file, text);
  if (!loaded.ok) {
    for (const p of loaded.problems) stderr.push(formatProblem(p));
    stderr.push(`${loaded.problems.length === 1 ? '1 problem' : `${loaded.problems.length} problems`}; nothing was simulated. Fix them in ${args.file} and run again.`);
    return { stdout, stderr, code: 1 };
  }
  const scenario = loaded.scenario;
  if (args.variant && !scenario.variants[args.variant]) {
    stderr.push(`${args.file}: no variant "${args.variant}" — variants are ${Object.keys(scenario.variants).join(', ') || '(none)'}`);
    return { stdout, stderr, code: 1 };
  }
  // One door, as in the player: the work budget first, then the hard cap while it runs.
  const run = simulateWithinBudget(scenario, { variant: args.variant, onProgress });
  if (!run.ok) {
    stderr.push(...budgetText(run.verdict, args.file, args.lang));
    stderr.push(run.verdict.cap ? `The run was stopped at its limit. Change ${args.file} as above and run again.` : `Nothing was simulated. Change ${args.file} as above and run again.`);
    return { stdout, stderr, code: 1 };
  }
  const timeline = run.timeline;
  if (args.json) {
    stdout.push(JSON.stringify(timelineToJSON(timeline)));
    return { stdout, stderr, code: 0 };
  }
  stdout.push(`${scenario.title[args.lang]}${args.variant ? ` — ${scenario.variants[args.variant].title[args.lang]}` : ''}`);
  stdout.push(scenario.summary[args.lang]);
  if (args.frames) frameText(timeline, args.lang, stdout, scenario);
  const last = timeline.frames[timeline.frames.length - 1];
  stdout.push(`\n${timeline.frames.length} frames.`);
  stdout.push(outcomeText(metricsOf(last, timeline), last.state, timeline.world));
  return { stdout, stderr, code: 0 };
}
