// The setup heapObjects.ts and heapShapes.ts share: run a bench world (the case
// from the command line, default year-10000), write a heap snapshot with the
// timeline still alive, and read it back. The rows to print come second.
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { simulate } from '../../src/sim/run/simulate';
import type { Timeline } from '../../src/sim/timeline';
import { WORLDS } from '../worlds';

export interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

export interface SnapshotRun {
  name: string;
  rows: number;
  timeline: Timeline;
  snap: Snapshot;
}

/** Simulates the case named on the command line and snapshots the heap with its timeline alive. */
export function snapshotAfterRun(label: string, defaultRows: number): SnapshotRun {
  const name = process.argv[2] ?? 'year-10000';
  const rows = Number(process.argv[3] ?? defaultRows);
  const timeline = simulate(WORLDS[name]().scenario);
  const file = writeHeapSnapshot(join(tmpdir(), `${label}-${process.pid}.heapsnapshot`));
  const snap = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  rmSync(file);
  return { name, rows, timeline, snap };
}
