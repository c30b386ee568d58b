// npm run bench: time and peak memory of simulate() for a small scenario and
// for a year of daily syncs at two mail volumes. Each case runs in a fresh
// Node process (with --expose-gc), so one case's heap does not colour the next.
//   npm run bench                 every case, as a table
//   npm run bench -- year-1000    one case
//   npm run bench -- figures      only the scorecard's figures per frame at 1,200 mails
// Targets on a 2-core machine: year-10000 within 1 s and 150 MB retained (heap after gc); the ratio
// year-10000 / year-1000 near 10 (linear in the mail volume).
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { simulate } from '../src/sim/run/simulate';
import { WORLDS } from './worlds';
import { figuresText, measureFigures } from './figures';
import { WORK_CAP } from '../src/sim';
import { threadCpuMs, threadSplit } from './threadTimes';

interface Result {
  name: string;
  describe: string;
  ms: number;
  /** CPU time of simulate() (user + system): what other processes on a loaded machine do not add to. */
  cpuMs: number;
  /** Of cpuMs, the main thread's (the engine and its share of garbage collection); null where the system does not tell. */
  mainCpuMs: number | null;
  frames: number;
  heapBeforeMB: number;
  heapAfterMB: number;
  heapPeakMB: number;
  rssPeakMB: number;
  /** Resident memory of the process before simulate() (Node, tsx and the loaded modules). */
  rssBeforeMB: number;
  /** Work the run recorded, against the hard cap (WORK_CAP). */
  ops?: number;
  lines?: number;
  /** Why the case did not finish (out of memory, over the time cap). */
  error?: string;
}

const MB = 1024 * 1024;
const CHILD_FLAG = '--bench-case';
const FIGURES = 'figures';

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** In the child: simulate one world once and print the figures as JSON. */
function measure(name: string): Result {
  const world = WORLDS[name]();
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage().rss;
  let heapPeak = heapBefore;
  // simulate() runs synchronously, so no timer can sample the heap during it: the
  // peak heap is heapUsed right after it returns (before gc); peak RSS is the OS high-water mark.
  const start = process.hrtime.bigint();
  const threadsBefore = threadCpuMs();
  const cpuStart = process.cpuUsage();
  const timeline = simulate(world.scenario);
  const cpu = process.cpuUsage(cpuStart);
  const split = threadSplit(threadsBefore, threadCpuMs());
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  gc();
  const heapAfter = process.memoryUsage().heapUsed;
  let ops = 0;
  let lines = 0;
  for (const f of timeline.frames) {
    ops += f.ops.length;
    // Every line as the work cap counts it: a source kept as a function (an LMTP delivery, an IDLE push, a FETCH)
    // is written out to count its lines (after the timing); a flag listing kept by reference counts as one.
    for (const src of f.lineSources) lines += typeof src === 'function' ? src().length : 'texts' in src ? src.texts.length : 1;
  }
  const result: Result = {
    ops,
    lines,
    name,
    describe: world.describe,
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    mainCpuMs: split?.main ?? null,
    frames: timeline.frames.length,
    heapBeforeMB: heapBefore / MB,
    heapAfterMB: heapAfter / MB,
    heapPeakMB: heapPeak / MB,
    rssPeakMB: process.resourceUsage().maxRSS / 1024,
    rssBeforeMB: rssBefore / MB,
  };
  return result;
}

/** A case that has not finished after this long is reported as such. */
const CASE_TIME_CAP_MS = Number(process.env.BENCH_CAP_MS ?? 10 * 60 * 1000);

function runChild(name: string): Result {
  const started = Date.now();
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', import.meta.filename, CHILD_FLAG, name], {
    encoding: 'utf8',
    maxBuffer: 16 * MB,
    timeout: CASE_TIME_CAP_MS,
  });
  const last = child.stdout?.trim().split('\n').pop() ?? '';
  if (child.status === 0 && last.startsWith('{')) return JSON.parse(last);
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const oom = /heap out of memory|Allocation failed/i.test(child.stderr ?? '');
  const error = child.signal === 'SIGTERM' ? `not finished after ${seconds} s (cap)` : oom ? `out of memory after ${seconds} s` : `failed after ${seconds} s: ${(child.stderr ?? '').trim().split('\n').slice(-3).join(' | ')}`;
  return { name, describe: WORLDS[name]().describe, ms: NaN, cpuMs: NaN, mainCpuMs: null, frames: NaN, heapBeforeMB: NaN, heapAfterMB: NaN, heapPeakMB: NaN, rssPeakMB: NaN, rssBeforeMB: NaN, error };
}

function table(results: Result[]): string {
  const head = ['case', 'frames', 'simulate ms', 'CPU ms', 'main thread ms', 'heap after gc MB', 'heap peak MB', 'peak RSS MB', 'RSS growth MB'];
  const rows = results.map((r) =>
    r.error
      ? [r.name, r.error, '', '', '', '', '', '', '']
      : [r.name, String(r.frames), r.ms.toFixed(0), r.cpuMs.toFixed(0), r.mainCpuMs === null ? 'n/a' : String(r.mainCpuMs), (r.heapAfterMB - r.heapBeforeMB).toFixed(1), r.heapPeakMB.toFixed(1), r.rssPeakMB.toFixed(1), (r.rssPeakMB - r.rssBeforeMB).toFixed(1)],
  );
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(width[i]) : c.padStart(width[i]))).join('  ');
  return [line(head), line(width.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const args = process.argv.slice(2);
if (args[0] === CHILD_FLAG && args[1] === FIGURES) {
  console.log(JSON.stringify(measureFigures()));
} else if (args[0] === CHILD_FLAG) {
  console.log(JSON.stringify(measure(args[1])));
} else {
  const names = args.length ? args.filter((a) => a !== FIGURES) : Object.keys(WORLDS);
  for (const n of names) if (!WORLDS[n]) throw new Error(`no bench case ${n}; cases: ${Object.keys(WORLDS).join(', ')}`);
  const results = names.map((n) => {
    process.stderr.write(`${n}… `);
    return runChild(n);
  });
  process.stderr.write('\n');
  console.log(`Node ${process.version}, ${results.length} case(s), each in a fresh process\n`);
  for (const r of results) console.log(`${r.name}: ${r.describe}`);
  console.log(`\n${table(results)}`);
  console.log('\n"CPU ms" counts every thread of the process; "main thread ms" is the part on the thread that runs the engine (with its share of');
  console.log('garbage collection, in 10 ms ticks, Linux only): the rest is V8 compiling hot functions and collecting garbage on threads of its own.');
  console.log('"heap after gc" is what the timeline keeps; "heap peak" is heapUsed read right after simulate() returned (before gc).');
  const big = results.find((r) => r.name === 'year-10000');
  const tenth = results.find((r) => r.name === 'year-1000');
  if (big && tenth && !big.error && !tenth.error) {
    console.log(`\nratio year-10000 / year-1000: CPU time ${(big.cpuMs / tenth.cpuMs).toFixed(1)}×, time ${(big.ms / tenth.ms).toFixed(1)}×, retained heap ${((big.heapAfterMB - big.heapBeforeMB) / (tenth.heapAfterMB - tenth.heapBeforeMB)).toFixed(1)}× (linear would be 10×)`);
    // Memory is what the timeline keeps: the heap after gc, over the process before the run.
    // Time is judged as CPU time: on a shared machine the wall clock counts other processes' turns too.
    const ok = big.cpuMs <= 1000 && big.heapAfterMB - big.heapBeforeMB <= 150;
    console.log(`target for year-10000 (within 1 s of CPU and 150 MB retained): ${ok ? 'met' : 'missed'}`);
  } else if (big?.error) console.log('\ntarget for year-10000 (within 1 s and 150 MB retained): missed (did not finish)');
  for (const r of results)
    if (!r.error && r.ops !== undefined)
      console.log(`work recorded, ${r.name}: ${r.frames} frames, ${r.ops} ops, ${r.lines} protocol lines — hard cap ${WORK_CAP.frames} / ${WORK_CAP.ops} / ${WORK_CAP.lines} (${Math.max(r.frames / WORK_CAP.frames, r.ops / WORK_CAP.ops, r.lines! / WORK_CAP.lines).toLocaleString('en', { style: 'percent', maximumFractionDigits: 0 })} of it at most)`);
  if (!args.length || args.includes(FIGURES)) {
    process.stderr.write('figures… ');
    const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', import.meta.filename, CHILD_FLAG, FIGURES], { encoding: 'utf8', maxBuffer: 16 * MB });
    const last = child.stdout?.trim().split('\n').pop() ?? '';
    console.log(`\n${last.startsWith('{') ? figuresText(JSON.parse(last)) : `figures: failed: ${(child.stderr ?? '').trim().split('\n').slice(-3).join(' | ')}`}`);
  }
  console.log(`machine load ${loadavg().map((l) => l.toFixed(1)).join(' ')} (1, 5, 15 min) on ${cpus().length} cores`);
}
