// Which plain objects a bench world's timeline leaves on the heap, by their
// property names (the shape a reader would recognise: a `put` op, a copy, a
// narration's parameters), and which strings repeat most. Like heapObjects.ts
// it writes a heap snapshot after the run, with the timeline alive (heapSnapshot.ts).
//   node --max-old-space-size=8000 --import tsx bench/engine/heapShapes.ts [case] [rows]
import { snapshotAfterRun } from './heapSnapshot';

const { name, rows, timeline, snap } = snapshotAfterRun('heapShapes', 25);
const nf = snap.snapshot.meta.node_fields;
const ef = snap.snapshot.meta.edge_fields;
const ntypes = snap.snapshot.meta.node_types[0];
const etypes = snap.snapshot.meta.edge_types[0];
const [typeAt, nameAt, sizeAt, edgeCountAt] = ['type', 'name', 'self_size', 'edge_count'].map((f) => nf.indexOf(f));
const [eTypeAt, eNameAt] = ['type', 'name_or_index'].map((f) => ef.indexOf(f));
const shapes = new Map<string, { count: number; bytes: number }>();
const strings = new Map<string, number>();
let edge = 0;
for (let i = 0; i < snap.nodes.length; i += nf.length) {
  const edges = snap.nodes[i + edgeCountAt];
  const type = ntypes[snap.nodes[i + typeAt]];
  const own = snap.strings[snap.nodes[i + nameAt]];
  if (type === 'object' && own === 'Object') {
    const props: string[] = [];
    for (let e = edge; e < edge + edges * ef.length; e += ef.length) {
      if (etypes[snap.edges[e + eTypeAt]] === 'property') props.push(snap.strings[snap.edges[e + eNameAt]]);
    }
    const key = `{${props.join(',')}}`;
    const entry = shapes.get(key) ?? { count: 0, bytes: 0 };
    entry.count++;
    entry.bytes += snap.nodes[i + sizeAt];
    shapes.set(key, entry);
  } else if (type === 'string' || type === 'concatenated string' || type === 'sliced string') {
    const text = own.length > 60 ? `${own.slice(0, 57)}...` : own;
    strings.set(text, (strings.get(text) ?? 0) + 1);
  }
  edge += edges * ef.length;
}
console.log(`${name}: ${timeline.frames.length} frames; plain objects by shape`);
for (const [k, e] of [...shapes].sort((a, b) => b[1].count - a[1].count).slice(0, rows)) {
  console.log(`${String(e.count).padStart(9)}  ${(e.bytes / 1048576).toFixed(1).padStart(6)} MB  ${k.slice(0, 100)}`);
}
console.log(`\nstrings: ${[...strings.values()].reduce((a, b) => a + b, 0)}, distinct texts ${strings.size}; most repeated`);
for (const [k, n] of [...strings].sort((a, b) => b[1] - a[1]).slice(0, rows)) console.log(`${String(n).padStart(9)}  ${JSON.stringify(k)}`);
