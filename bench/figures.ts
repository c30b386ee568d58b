// The scorecard's figures per frame at 1,200 mails (imap-big-mailbox-slow-link):
// the incremental pass once, then every frame's figures asked for in a spread-out
// order (as a jump would), against metricsOf from the frame's whole state.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FrameFigures, loadScenarioText, formatProblem, metricsOf, simulate } from '../src/sim';

export interface FiguresResult {
  readonly scenario: string;
  readonly mails: number;
  readonly frames: number;
  readonly passMs: number;
  readonly perFrame: { readonly mean: number; readonly p99: number; readonly max: number };
  readonly sequentialMean: number;
  readonly metricsOfMean: number;
}

const FILE = 'scenarios/imap-big-mailbox-slow-link.json';

export function measureFigures(): FiguresResult {
  const r = loadScenarioText(FILE, readFileSync(join(import.meta.dirname, '..', FILE), 'utf8'));
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
  const t = simulate(r.scenario);
  const n = t.frames.length;
  const mails = t.frames[n - 1].state.mails.size;

  const figures = new FrameFigures(t);
  let start = performance.now();
  figures.buildUpTo(n - 1);
  const passMs = performance.now() - start;

  // Every frame once, in a stride order that never asks for a neighbour (no help from a cache).
  const times: number[] = [];
  for (let k = 0; k < n; k++) {
    const i = (k * 7919) % n;
    const t0 = performance.now();
    figures.at(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const fresh = new FrameFigures(t);
  start = performance.now();
  for (let i = 0; i < n; i++) fresh.at(i);
  const sequentialMean = (performance.now() - start) / n;

  const sample = Array.from({ length: 20 }, (_, k) => Math.floor(((k + 1) * n) / 21));
  for (const i of sample) void t.frames[i].state; // state rebuilt outside the timing
  start = performance.now();
  for (const i of sample) metricsOf(t.frames[i], t);
  const metricsOfMean = (performance.now() - start) / sample.length;

  return {
    scenario: r.scenario.id,
    mails,
    frames: n,
    passMs,
    perFrame: { mean: times.reduce((a, b) => a + b, 0) / n, p99: times[Math.floor(0.99 * n)], max: times[n - 1] },
    sequentialMean,
    metricsOfMean,
  };
}

export function figuresText(f: FiguresResult): string {
  const ms = (v: number) => v.toFixed(3);
  return [
    `figures per frame: ${f.scenario}, ${f.mails} mails, ${f.frames} frames`,
    `  incremental pass over every frame     ${f.passMs.toFixed(0)} ms (once; the player runs it in idle slices)`,
    `  one frame, random order               mean ${ms(f.perFrame.mean)} ms, p99 ${ms(f.perFrame.p99)} ms, max ${ms(f.perFrame.max)} ms`,
    `  one frame, in order (pass included)   mean ${ms(f.sequentialMean)} ms`,
    `  metricsOf from the whole state        mean ${ms(f.metricsOfMean)} ms (state rebuilt beforehand, not timed)`,
    `  target ≤ 1 ms per frame at 1,200 mails: ${f.perFrame.p99 <= 1 ? 'met' : 'missed'} (p99)`,
  ].join('\n');
}
