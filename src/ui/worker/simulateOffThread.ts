// The page's side of the simulation worker: one request at a time, answered
// with a playable session, a refusal by the work budget or the hard cap, an
// error, or "cancelled" when the user stopped it (the worker is ended and a
// fresh one started for the next request). Without Worker support (unit tests
// in Node) the same checks run in place. See README.md in this folder for the
// client API.
import type { Scenario, WorldState } from '../../sim';
import { sessionFor } from '../model/session';
import type { Checked, LinkOutcome, SimulationOutcome } from './outcome';
import type { TimelineIndex } from '../model/timelineIndex';
import type { CheckReply, CheckRequest, SimulateReply, SimulateRequest } from './protocol';
import { timelineBuilder } from './timelineTransport';
import { decodeScenario } from '../url/sharedScenario';

export type { Checked, LinkOutcome, SimulationOutcome } from './outcome';

export interface SimulationProgress {
  /** performance.now() when the request was made. */
  readonly since: number;
  /** Frames received so far, once the worker has finished simulating. */
  readonly received: number;
  readonly total: number | null;
  /**
   * How far the whole request is, 0..1, never going down: the run's own
   * measure (simulated time passed over the scenario's span) up to
   * SIMULATED_SHARE, the frames received after that.
   */
  readonly fraction: number;
}

/** Up to this many frames, the session is made and drawn in one task (see 'done' below). */
export const DRAW_AT_ONCE_FRAMES = 400;

/** The part of the progress bar the run itself fills; receiving the frames fills the rest. */
export const SIMULATED_SHARE = 0.8;

interface Pending {
  readonly id: number;
  scenario: Scenario | null;
  variant: string | null;
  readonly resolve: (o: LinkOutcome) => void;
  builder: ReturnType<typeof timelineBuilder> | null;
  index: TimelineIndex | null;
}

let worker: Worker | null = null;
let pending: Pending | null = null;
let nextId = 1;
/** Files being checked in the worker; sent again to a fresh worker when a cancel ended the old one. */
const checks = new Map<number, { readonly request: CheckRequest; readonly resolve: (c: Checked) => void }>();
const progressListeners = new Set<(p: SimulationProgress | null) => void>();
let progress: SimulationProgress | null = null;

function setProgress(p: SimulationProgress | null) {
  // The fraction never goes down within one request.
  progress = p && progress && p.since === progress.since ? { ...p, fraction: Math.max(p.fraction, progress.fraction) } : p;
  for (const l of progressListeners) l(progress);
}

export function onSimulationProgress(listener: (p: SimulationProgress | null) => void): () => void {
  progressListeners.add(listener);
  listener(progress);
  return () => progressListeners.delete(listener);
}

function settle(outcome: LinkOutcome) {
  const p = pending;
  pending = null;
  setProgress(null);
  p?.resolve(outcome);
}

function receive(reply: SimulateReply) {
  const p = pending;
  if (!p || reply.id !== p.id || !progress) return;
  const since = progress.since;
  try {
    switch (reply.kind) {
      case 'refused':
        return settle({ kind: 'refused', verdict: reply.verdict });
      case 'failed':
        return settle({ kind: 'failed', message: reply.message });
      case 'badLink':
        return settle({ kind: 'badLink', problems: reply.problems });
      case 'decoded':
        p.scenario = reply.scenario;
        p.variant = reply.variant;
        return;
      case 'progress':
        return setProgress({ since, received: 0, total: null, fraction: reply.fraction * SIMULATED_SHARE });
      case 'header':
        p.builder = timelineBuilder(reply.header);
        p.index = reply.index;
        return setProgress({ since, received: 0, total: reply.header.frameCount, fraction: SIMULATED_SHARE });
      case 'frames': {
        p.builder!.add(reply.frames, new Map<number, WorldState>(reply.snapshots));
        const total = progress.total ?? p.builder!.received;
        return setProgress({ since, received: p.builder!.received, total, fraction: SIMULATED_SHARE + (1 - SIMULATED_SHARE) * (p.builder!.received / Math.max(1, total)) });
      }
      case 'done': {
        const timeline = p.builder!.finish();
        const outcome: SimulationOutcome = { kind: 'ok', session: sessionFor(p.scenario!, p.variant, timeline, p.index ?? undefined), base: p.scenario!, variant: p.variant };
        // A short timeline is drawn at once: a timer's turn can wait behind other tasks on a busy page,
        // and here it is the last step between an edit and its picture.
        if (timeline.frames.length <= DRAW_AT_ONCE_FRAMES) return settle(outcome);
        // A large one's session is made in this task, the page draws it in the next: together they were
        // the longest task of a large scenario's load.
        setTimeout(() => {
          if (pending === p) settle(outcome);
        }, 0);
        return;
      }
    }
  } catch (err) {
    settle({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
}

function checked(reply: CheckReply) {
  const c = checks.get(reply.id);
  if (!c) return;
  checks.delete(reply.id);
  c.resolve(reply.ok ? { ok: true, scenario: reply.scenario } : { ok: false, problems: [...reply.problems] });
}

function ensureWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./simulation.worker.ts', import.meta.url), { type: 'module', name: 'simulation' });
  worker = w;
  w.onmessage = (e: MessageEvent<SimulateReply | CheckReply>) => (e.data.kind === 'checked' ? checked(e.data) : receive(e.data));
  w.onerror = (e: ErrorEvent) => {
    e.preventDefault();
    stopWorker();
    const message = e.message || 'the simulation worker stopped';
    if (pending) settle({ kind: 'failed', message });
    // A check cannot be what broke the worker twice in a row: it fails rather than being sent again.
    for (const [id, c] of checks) {
      checks.delete(id);
      c.resolve({ ok: false, problems: [`${c.request.file}: ${message}`] });
    }
  };
  // Checks still open when a cancel ended the worker before.
  for (const c of checks.values()) w.postMessage(c.request);
  return w;
}

/**
 * Start the worker before its first job. Starting one costs the page a task of its own
 * (the browser's answer to the new worker), which on a loaded 2-core machine took up to
 * ~180 ms: made when the sandbox opens, it no longer falls right after the user's first
 * edit, while they press keys.
 */
export function prepareSimulationWorker(): void {
  ensureWorker();
}

function stopWorker() {
  worker?.terminate();
  worker = null;
}

const playable = (scenario: Scenario, variant: string | null) => (variant && Object.prototype.hasOwnProperty.call(scenario.variants, variant) ? variant : null);

/**
 * Without Worker support (unit tests in Node) the same work runs in place. Loaded only then: the
 * engine it needs is the worker's, and kept out of the page's first script it is ~45 KB (gzip)
 * less for every visitor.
 */
const inPlace = (scenario: Scenario, variant: string | null) => import('./inPlace').then((m) => m.inPlace(scenario, variant));

function request(scenario: Scenario | null, data: string | undefined, variant: string | null): Promise<LinkOutcome> {
  if (pending) cancelSimulation();
  return new Promise((resolve) => {
    const id = nextId++;
    pending = { id, scenario, variant, resolve, builder: null, index: null };
    setProgress({ since: performance.now(), received: 0, total: null, fraction: 0 });
    const message: SimulateRequest = data === undefined ? { id, scenario, variant } : { id, scenario: null, data, variant };
    ensureWorker().postMessage(message);
  });
}

/** Simulate off the main thread. A new request cancels the one before it. */
export function simulateOffThread(scenario: Scenario, variant: string | null): Promise<SimulationOutcome> {
  if (typeof Worker === 'undefined') return inPlace(scenario, variant);
  return request(scenario, undefined, variant) as Promise<SimulationOutcome>;
}

/**
 * A share link's `data=`: unpacked, validated and simulated in the worker, so
 * none of it runs on the page's thread. 'ok' carries the decoded scenario as
 * `base`, and the variant played (the one asked for, if the scenario has it).
 */
export function simulateLinkOffThread(data: string, variant: string | null): Promise<LinkOutcome> {
  if (typeof Worker === 'undefined') {
    const decoded = decodeScenario(data);
    if (!decoded.ok) return Promise.resolve({ kind: 'badLink', problems: decoded.problems });
    return inPlace(decoded.scenario, playable(decoded.scenario, variant));
  }
  return request(null, data, variant);
}

/** Stop the running simulation (the worker is ended: simulate cannot be interrupted from inside). */
export function cancelSimulation(): void {
  if (!pending) return;
  stopWorker();
  settle({ kind: 'cancelled' });
  // A file still being checked goes to the next worker.
  if (checks.size) ensureWorker();
}


/**
 * Check a scenario file's text (a built-in scenario fetched by the page) in the
 * worker, so the schema check is no task of the page's. It waits behind a
 * simulation already running there.
 */
export function checkScenarioOffThread(file: string, text: string): Promise<Checked> {
  if (typeof Worker === 'undefined') return import('./inPlace').then((m) => m.checkInPlace(file, text));
  return new Promise((resolve) => {
    const request: CheckRequest = { kind: 'check', id: nextId++, file, text };
    checks.set(request.id, { request, resolve });
    ensureWorker().postMessage(request);
  });
}
