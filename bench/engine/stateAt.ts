// What reading a frame's state costs the player: Timeline.stateAt for every
// frame in order (playing forward) and for frames in a fixed mixed order
// (jumps, steps back), on the largest built-in scenario. Prints ms per read.
//   npx tsx bench/engine/stateAt.ts [scenario id]   (BENCH_ROUNDS=5)
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { loadScenarioText, simulate } from '../../src/sim';

const id = process.argv[2] ?? 'imap-big-mailbox-slow-link';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const loaded = loadScenarioText(`${id}.json`, readFileSync(`scenarios/${id}.json`, 'utf8'));
if (!loaded.ok) throw new Error(`${id} does not load`);

const perRead: { forward: number[]; mixed: number[] } = { forward: [], mixed: [] };
for (let round = 0; round < ROUNDS; round++) {
  // A new timeline each round: its rebuilt-state cache starts empty, as after opening a scenario.
  const t = simulate(loaded.scenario);
  const n = t.frames.length;
  let start = performance.now();
  for (let i = 0; i < n; i++) t.stateAt(i);
  perRead.forward.push((performance.now() - start) / n);
  let seed = 7;
  const order = Array.from({ length: 500 }, () => (seed = (seed * 1103515245 + 12345) % 2147483648) % n);
  start = performance.now();
  for (const i of order) t.stateAt(i);
  perRead.mixed.push((performance.now() - start) / order.length);
}
const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
console.log(`${id}: stateAt, median of ${ROUNDS} rounds — in order ${median(perRead.forward).toFixed(3)} ms per frame; mixed order ${median(perRead.mixed).toFixed(3)} ms per read`);
console.log(`machine load ${loadavg().map((l) => l.toFixed(1)).join(' ')} (1, 5, 15 min) on ${cpus().length} cores`);
