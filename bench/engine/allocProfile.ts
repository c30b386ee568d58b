// Where simulate() allocates: V8's sampling heap profiler over one run of a
// bench world, counting every sampled allocation (also those collected later),
// summed by allocating function. Allocation is what the garbage collector
// pays for, and on this machine its threads' time counts as CPU time.
//   npx tsx bench/engine/allocProfile.ts [case] [count]
// A built-in (Map.set, an iterator's next…) is charged to its caller too, in a second list
// (with the nearest caller that has a source, when the caller is a built-in itself).
// With --retained: only what is still alive when the run returned (what the timeline keeps,
// which the garbage collector copies and promotes), by the function that allocated it.
//   npx tsx bench/engine/allocProfile.ts year-10000 40 --retained
import { Session } from 'node:inspector/promises';
import { simulate } from '../../src/sim/run/simulate';
import { WORLDS } from '../worlds';

interface Node { callFrame: { functionName: string; url: string; lineNumber: number }; selfSize: number; children: Node[] }

const args = process.argv.slice(2).filter((a) => a !== '--retained');
const retained = process.argv.includes('--retained');
const name = args[0] ?? 'year-10000';
const count = Number(args[1] ?? 40);
const world = WORLDS[name]();
const session = new Session();
session.connect();
await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: !retained, includeObjectsCollectedByMinorGC: !retained });
const timeline = simulate(world.scenario);
const { profile } = (await session.post('HeapProfiler.stopSampling')) as unknown as { profile: { head: Node } };
const bySelf = new Map<string, number>();
const builtinByCaller = new Map<string, number>();
let total = 0;
// path: the callers' keys; srcPath: only those with a source (a built-in's nearest own caller)
const walk = (n: Node, path: string[], srcPath: string[]) => {
  const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/^.*\/(src|node_modules)\//, '$1/')}:${n.callFrame.lineNumber + 1}`;
  bySelf.set(key, (bySelf.get(key) ?? 0) + n.selfSize);
  if (!n.callFrame.url && path.length) {
    const own = srcPath[srcPath.length - 1] ?? '(none)';
    const k = path[path.length - 1] === own ? `${key} ← ${own}` : `${key} ← ${path[path.length - 1]} ← ${own}`;
    builtinByCaller.set(k, (builtinByCaller.get(k) ?? 0) + n.selfSize);
  }
  total += n.selfSize;
  for (const c of n.children) walk(c, [...path, key], n.callFrame.url ? [...srcPath, key] : srcPath);
};
walk(profile.head, [], []);
console.log(`${name}: about ${(total / 1024 / 1024).toFixed(0)} MB ${retained ? 'still alive when the run returned' : 'allocated'} (sampled; ${timeline.frames.length} frames)`);
for (const [k, v] of [...bySelf].sort((a, b) => b[1] - a[1]).slice(0, count)) console.log(`${(v / 1024 / 1024).toFixed(1).padStart(7)} MB ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
console.log('\nbuilt-ins by caller');
for (const [k, v] of [...builtinByCaller].sort((a, b) => b[1] - a[1]).slice(0, count)) console.log(`${(v / 1024 / 1024).toFixed(1).padStart(7)} MB ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
