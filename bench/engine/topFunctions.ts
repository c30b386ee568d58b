// Reads a V8 .cpuprofile and prints the functions with the most self time and
// the most total (inclusive) time, with their file and line.
//   npx tsx bench/engine/topFunctions.ts /tmp/prof/X.cpuprofile [count] [only samples under this function]
import { readFileSync } from 'node:fs';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[]; hitCount?: number }
const file = process.argv[2];
const count = Number(process.argv[3] ?? 40);
const under = process.argv[4];
const prof = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const key = (n: Node) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/^.*\/(src|node_modules|engbuild)\//, "$1/")}:${n.callFrame.lineNumber + 1}`;
const self = new Map<string, number>();
const total = new Map<string, number>();
let all = 0;
prof.samples.forEach((id, i) => {
  const dt = prof.timeDeltas[i] ?? 0;
  if (under) {
    let inside = false;
    for (let cur: number | undefined = id; cur !== undefined && !inside; cur = parent.get(cur)) inside = byId.get(cur)!.callFrame.functionName === under;
    if (!inside) return;
  }
  all += dt;
  const n = byId.get(id)!;
  self.set(key(n), (self.get(key(n)) ?? 0) + dt);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const k = key(byId.get(cur)!);
    if (seen.has(k)) continue;
    seen.add(k);
    total.set(k, (total.get(k) ?? 0) + dt);
  }
});
const show = (title: string, m: Map<string, number>) => {
  console.log(`\n${title} (of ${(all / 1000).toFixed(0)} ms)`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, count)) console.log(`${(v / 1000).toFixed(0).padStart(6)} ms ${((100 * v) / all).toFixed(1).padStart(5)}%  ${k}`);
};
show('self', self);
show('total', total);
