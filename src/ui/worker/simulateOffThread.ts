// The page's side of the simulation worker: one request at a time, answered
// with a playable session, a refusal by the work budget, an error, or
// "cancelled" when the user stopped it (the worker is ended and a fresh one
// started for the next request). Without Worker support (unit tests in Node)
// the same checks run in place.
import { checkWorkBudget, simulate, type BudgetVerdict, type Scenario, type WorldState } from '../../sim';
import { sessionFor, type PlaySession } from '../model/session';
import type { TimelineIndex } from '../model/timelineIndex';
import type { SimulateReply, SimulateRequest } from './protocol';
import { timelineBuilder } from './timelineTransport';

export type SimulationOutcome =
  | { readonly kind: 'ok'; readonly session: PlaySession }
  | { readonly kind: 'refused'; readonly verdict: Extract<BudgetVerdict, { ok: false }> }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'cancelled' };

export interface SimulationProgress {
  /** performance.now() when the request was made. */
  readonly since: number;
  /** Frames received so far, once the worker has finished simulating. */
  readonly received: number;
  readonly total: number | null;
}

interface Pending {
  readonly id: number;
  readonly scenario: Scenario;
  readonly variant: string | null;
  readonly resolve: (o: SimulationOutcome) => void;
  builder: ReturnType<typeof timelineBuilder> | null;
  index: TimelineIndex | null;
}

let worker: Worker | null = null;
let pending: Pending | null = null;
let nextId = 1;
const progressListeners = new Set<(p: SimulationProgress | null) => void>();
let progress: SimulationProgress | null = null;

function setProgress(p: SimulationProgress | null) {
  progress = p;
  for (const l of progressListeners) l(p);
}

export function onSimulationProgress(listener: (p: SimulationProgress | null) => void): () => void {
  progressListeners.add(listener);
  listener(progress);
  return () => progressListeners.delete(listener);
}

function settle(outcome: SimulationOutcome) {
  const p = pending;
  pending = null;
  setProgress(null);
  p?.resolve(outcome);
}

function receive(reply: SimulateReply) {
  const p = pending;
  if (!p || reply.id !== p.id) return;
  try {
    switch (reply.kind) {
      case 'refused':
        return settle({ kind: 'refused', verdict: reply.verdict });
      case 'failed':
        return settle({ kind: 'failed', message: reply.message });
      case 'header':
        p.builder = timelineBuilder(reply.header);
        p.index = reply.index;
        setProgress({ since: progress?.since ?? performance.now(), received: 0, total: reply.header.frameCount });
        return;
      case 'frames':
        p.builder!.add(reply.frames, new Map<number, WorldState>(reply.snapshots));
        setProgress({ since: progress?.since ?? performance.now(), received: p.builder!.received, total: progress?.total ?? null });
        return;
      case 'done':
        return settle({ kind: 'ok', session: sessionFor(p.scenario, p.variant, p.builder!.finish(), p.index ?? undefined) });
    }
  } catch (err) {
    settle({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
}

function ensureWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./simulation.worker.ts', import.meta.url), { type: 'module', name: 'simulation' });
  worker.onmessage = (e: MessageEvent<SimulateReply>) => receive(e.data);
  worker.onerror = (e: ErrorEvent) => {
    e.preventDefault();
    stopWorker();
    settle({ kind: 'failed', message: e.message || 'the simulation worker stopped' });
  };
  return worker;
}

function stopWorker() {
  worker?.terminate();
  worker = null;
}

function inPlace(scenario: Scenario, variant: string | null): SimulationOutcome {
  const verdict = checkWorkBudget(scenario);
  if (!verdict.ok) return { kind: 'refused', verdict };
  try {
    return { kind: 'ok', session: sessionFor(scenario, variant, simulate(scenario, { variant })) };
  } catch (err) {
    return { kind: 'failed', message: err instanceof Error ? err.message : String(err) };
  }
}

/** Simulate off the main thread. A new request cancels the one before it. */
export function simulateOffThread(scenario: Scenario, variant: string | null): Promise<SimulationOutcome> {
  if (typeof Worker === 'undefined') return Promise.resolve(inPlace(scenario, variant));
  if (pending) cancelSimulation();
  return new Promise((resolve) => {
    const id = nextId++;
    pending = { id, scenario, variant, resolve, builder: null, index: null };
    setProgress({ since: performance.now(), received: 0, total: null });
    const request: SimulateRequest = { id, scenario, variant };
    ensureWorker().postMessage(request);
  });
}

/** Stop the running simulation (the worker is ended: simulate cannot be interrupted from inside). */
export function cancelSimulation(): void {
  if (!pending) return;
  stopWorker();
  settle({ kind: 'cancelled' });
}
