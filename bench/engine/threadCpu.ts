// Where a run's CPU time goes by thread (Linux): the main thread (the engine
// and its share of garbage collection) against V8's worker threads, which
// compile hot functions with the optimizing compiler and help the garbage
// collector. process.cpuUsage() counts them all, so on a 2-core machine the
// workers are a large part of the figure bench reports. Several cases run one
// after another in one process: a case run again shows it warm (compiled).
//   npx tsx bench/engine/threadCpu.ts year-1000 year-10000
//   node --no-opt --import tsx bench/engine/threadCpu.ts   (workers: only the garbage collector)
import { simulate } from '../../src/sim/run/simulate';
import { threadCpuMs, threadSplit } from '../threadTimes';
import { WORLDS } from '../worlds';

for (const name of process.argv.length > 2 ? process.argv.slice(2) : ['year-10000']) {
  const world = WORLDS[name]();
  const before = threadCpuMs();
  const cpu0 = process.cpuUsage();
  const t = simulate(world.scenario);
  const cpu = process.cpuUsage(cpu0);
  const split = threadSplit(before, threadCpuMs());
  if (!split) throw new Error('no /proc/self/task here: the split by thread needs Linux');
  console.log(`${name}: ${t.frames.length} frames, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU: main thread ${split.main} ms, V8 workers ${split.others} ms`);
}
