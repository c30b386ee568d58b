// What a bench world's timeline keeps: heap used after a full collection with
// the timeline alive, less heap used before the run (as `npm run bench` counts
// "retained"), without the rest of the bench. Independent of machine load.
//   node --expose-gc --import tsx bench/engine/retainedYear.ts [case]
import { simulate } from '../../src/sim/run/simulate';
import { WORLDS } from '../worlds';

const collect = (globalThis as { gc?: () => void }).gc;
if (!collect) throw new Error('run with node --expose-gc');
const name = process.argv[2] ?? 'year-10000';
const world = WORLDS[name]();
collect();
const before = process.memoryUsage().heapUsed;
const t = simulate(world.scenario);
collect();
const after = process.memoryUsage().heapUsed;
console.log(`${name}: ${t.frames.length} frames, ${((after - before) / 1024 / 1024).toFixed(1)} MB retained`);
