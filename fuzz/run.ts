// npm run fuzz [-- --runs N] [--seed S] [--limit-ms L]
// Throws N generated and mutated scenario files and share links at the loader,
// the work budget and the simulation. Every case must end in a valid timeline
// whose invariants hold or in a located problem message — never an uncaught
// exception, a case over the time limit, or two runs that differ. Prints cases
// run, valid, refused and failures, with the seed; saves each failing case in
// .tmp/fuzz-failures/ (to keep one as a test, copy it to test/fuzz/fixtures/).
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { caseAt } from './cases';
import type { CaseResult } from './runCase';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) ? v : fallback;
}

const RUNS = arg('runs', 1000);
const SEED = arg('seed', 20261201);
const LIMIT_MS = arg('limit-ms', 30_000);
const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, '.tmp/fuzz-failures');

const counts = { run: 0, valid: 0, refused: 0, failures: 0 };
const byHow = new Map<string, { valid: number; refused: number; failures: number }>();
const started = Date.now();

function record(i: number, how: string, result: CaseResult) {
  counts.run++;
  const h = byHow.get(how) ?? { valid: 0, refused: 0, failures: 0 };
  byHow.set(how, h);
  if (result.outcome === 'failure') {
    counts.failures++;
    h.failures++;
    mkdirSync(OUT, { recursive: true });
    const c = caseAt(SEED, i);
    const file = join(OUT, `seed-${SEED}-case-${i}.json`);
    writeFileSync(file, JSON.stringify({ seed: SEED, case: i, reason: result.reason, ...c }, null, 1));
    console.error(`FAILURE case ${i} (${how}): ${result.reason}\n  saved: ${file}`);
  } else {
    counts[result.outcome]++;
    h[result.outcome]++;
  }
  if (process.stderr.isTTY && counts.run % 50 === 0) process.stderr.write(`\r${counts.run} of ${RUNS} cases …`);
}

function runFrom(from: number): Promise<void> {
  return new Promise((resolve) => {
    if (from >= RUNS) return resolve();
    const worker = fork(fileURLToPath(new URL('./worker.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'] });
    let ended = false;
    const end = () => {
      ended = true;
      worker.kill();
    };
    let current = -1;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const watchdog = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        // The case hangs (or nearly): end the worker, count it, go on after it.
        record(current, caseAt(SEED, current).how, { outcome: 'failure', reason: `took longer than ${LIMIT_MS} ms` });
        end();
        void runFrom(current + 1).then(resolve);
      }, LIMIT_MS);
    };
    worker.on('message', (m: { type: 'start'; i: number } | { type: 'result'; i: number; how: string; result: CaseResult } | { type: 'idle' }) => {
      // A worker given up on may still have said something on its way out (on a busy machine a
      // slow case can end just as its time runs out): a "start" heard then would arm a second
      // watchdog and run the rest of the cases twice over.
      if (ended) return;
      if (m.type === 'start') {
        current = m.i;
        watchdog();
      } else if (m.type === 'result') record(m.i, m.how, m.result);
      else {
        if (timer) clearTimeout(timer);
        end();
        resolve();
      }
    });
    worker.on('exit', (code, signal) => {
      if (ended) return;
      if (timer) clearTimeout(timer);
      // Died before its first case: something is wrong with the campaign itself, not a case.
      if (current < from) {
        record(from, 'worker', { outcome: 'failure', reason: `the worker could not start (exit ${code ?? signal})` });
        return resolve();
      }
      record(current, 'worker', { outcome: 'failure', reason: `the worker died in this case (exit ${code ?? signal})` });
      void runFrom(current + 1).then(resolve);
    });
    worker.send({ seed: SEED, from, to: RUNS });
  });
}

console.log(`fuzz: seed ${SEED}, ${RUNS} cases, at most ${LIMIT_MS} ms each (again with: npm run fuzz -- --seed ${SEED} --runs ${RUNS})`);
await runFrom(0);
if (process.stderr.isTTY) process.stderr.write('\r');
const seconds = ((Date.now() - started) / 1000).toFixed(1);
for (const [how, h] of [...byHow].sort()) console.log(`  ${how.padEnd(14)} valid ${h.valid}, refused ${h.refused}, failures ${h.failures}`);
console.log(`fuzz: ${counts.run} cases in ${seconds} s: ${counts.valid} valid, ${counts.refused} refused with a message, ${counts.failures} failures (seed ${SEED})`);
process.exitCode = counts.failures === 0 && counts.run === RUNS ? 0 : 1;
