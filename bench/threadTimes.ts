// CPU time by thread of this process (Linux, from /proc): the main thread runs
// the engine and its share of garbage collection; V8's own threads compile hot
// functions with the optimizing compiler and help collect garbage beside it.
// process.cpuUsage() counts them all. Where /proc is missing, there is no split.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** CPU ms of each thread, by thread id (utime + stime in clock ticks of 10 ms); null without /proc/self/task. */
export function threadCpuMs(): Map<string, number> | null {
  if (!existsSync('/proc/self/task')) return null;
  const byThread = new Map<string, number>();
  for (const id of readdirSync('/proc/self/task')) {
    const stat = readFileSync(`/proc/self/task/${id}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    byThread.set(id, (Number(fields[11]) + Number(fields[12])) * 10);
  }
  return byThread;
}

/** The main thread's CPU ms and the other threads' between two readings; null without both. */
export function threadSplit(before: Map<string, number> | null, after: Map<string, number> | null): { main: number; others: number } | null {
  if (!before || !after) return null;
  const mainId = String(process.pid);
  let main = 0;
  let others = 0;
  for (const [id, ms] of after) {
    const used = ms - (before.get(id) ?? 0);
    if (id === mainId) main = used;
    else others += used;
  }
  return { main, others };
}
