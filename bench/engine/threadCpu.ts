// Where a run's CPU time goes by thread (Linux): the main thread (the engine
// and its share of garbage collection) against V8's worker threads, which
// compile hot functions with the optimizing compiler and help the garbage
// collector. process.cpuUsage() counts them all, so on a 2-core machine the
// workers are a large part of the figure bench reports. Several cases run one
// after another in one process: a case run again shows it warm (compiled).
//   npx tsx bench/engine/threadCpu.ts year-1000 year-10000
//   node --no-opt --import tsx bench/engine/threadCpu.ts   (workers: only the garbage collector)
import { readdirSync, readFileSync } from 'node:fs';
import { simulate } from '../../src/sim/run/simulate';
import { WORLDS } from '../worlds';

/** CPU ms of each thread of this process, by thread id (utime + stime from /proc, in clock ticks of 10 ms). */
function threadCpu(): Map<string, number> {
  const byThread = new Map<string, number>();
  for (const id of readdirSync('/proc/self/task')) {
    const stat = readFileSync(`/proc/self/task/${id}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    byThread.set(id, (Number(fields[11]) + Number(fields[12])) * 10);
  }
  return byThread;
}

const main = String(process.pid);
for (const name of process.argv.length > 2 ? process.argv.slice(2) : ['year-10000']) {
  const world = WORLDS[name]();
  const before = threadCpu();
  const cpu0 = process.cpuUsage();
  const t = simulate(world.scenario);
  const cpu = process.cpuUsage(cpu0);
  let workers = 0;
  let own = 0;
  for (const [id, ms] of threadCpu()) {
    const used = ms - (before.get(id) ?? 0);
    if (id === main) own = used;
    else workers += used;
  }
  console.log(`${name}: ${t.frames.length} frames, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU: main thread ${own} ms, V8 workers ${workers} ms`);
}
