// How many objects a bench world's timeline leaves on the heap, by kind: the
// garbage collector's marking and copying cost goes by objects as much as by
// bytes, and unlike CPU time this count does not depend on the machine's load.
// Writes a heap snapshot after the run (with the timeline alive) and counts its nodes.
//   node --max-old-space-size=8000 --import tsx bench/engine/heapObjects.ts [case] [rows]
// The count includes what Node and the loaded modules hold (about 120k objects); compare two commits, not to zero.
import { snapshotAfterRun } from './heapSnapshot';

const { name, rows, timeline, snap } = snapshotAfterRun('heapObjects', 20);
const fields = snap.snapshot.meta.node_fields;
const types = snap.snapshot.meta.node_types[0];
const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
const byKind = new Map<string, { count: number; bytes: number }>();
let objects = 0;
let bytes = 0;
for (let i = 0; i < snap.nodes.length; i += fields.length) {
  const type = types[snap.nodes[i + typeAt]];
  // Objects and closures by constructor or name; strings and the rest by their kind alone (a string's name is its text).
  const kind = type === 'object' || type === 'closure' ? `${type} ${snap.strings[snap.nodes[i + nameAt]]}` : type;
  const entry = byKind.get(kind) ?? { count: 0, bytes: 0 };
  entry.count++;
  entry.bytes += snap.nodes[i + sizeAt];
  byKind.set(kind, entry);
  objects++;
  bytes += snap.nodes[i + sizeAt];
}
console.log(`${name}: ${timeline.frames.length} frames; heap after the run: ${objects} objects, ${(bytes / 1048576).toFixed(1)} MB`);
for (const [kind, e] of [...byKind].sort((a, b) => b[1].count - a[1].count).slice(0, rows)) {
  console.log(`${String(e.count).padStart(9)}  ${(e.bytes / 1048576).toFixed(1).padStart(6)} MB  ${kind.slice(0, 70)}`);
}
