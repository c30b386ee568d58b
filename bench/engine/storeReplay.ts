// The store's share of a year, alone: every op of a bench world's timeline
// applied again to a new MailStore, several times over, with the CPU time of
// each pass (a tight loop, so less at the mercy of machine load than a whole run).
//   npx tsx bench/engine/storeReplay.ts [case] [passes]
import { simulate } from '../../src/sim/run/simulate';
import { MailStore } from '../../src/sim/store/store';
import { WORLDS } from '../worlds';

const name = process.argv[2] ?? 'year-10000';
const passes = Number(process.argv[3] ?? 7);
const ops = simulate(WORLDS[name]().scenario).frames.flatMap((f) => f.ops);
const times: number[] = [];
for (let i = 0; i < passes; i++) {
  const cpu0 = process.cpuUsage();
  const store = new MailStore();
  for (const op of ops) store.apply(op);
  const cpu = process.cpuUsage(cpu0);
  times.push((cpu.user + cpu.system) / 1000);
}
times.sort((a, b) => a - b);
console.log(`${name}: ${ops.length} ops applied ${passes} times: min ${times[0].toFixed(0)} ms, median ${times[passes >> 1].toFixed(0)} ms CPU per pass`);
