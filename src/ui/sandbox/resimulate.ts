// Re-simulating the sandbox's scenario off the main thread, in the worker the
// player uses, so an edit never freezes the page. Edits can come faster than a
// large world simulates; only the latest edit's result is ever shown:
// - a request made while a short run is under way waits for it (ending the
//   worker would cost a fresh worker's start-up, longer than the run itself);
// - a request made while a long run is under way ends that run.
// The last few results are kept by the scenario data they came from, so undo
// and redo show their picture at once.
import type { Scenario } from '../../sim';
import type { PlaySession } from '../model/session';
import { cancelSimulation, simulateOffThread, type SimulationOutcome } from '../worker/simulateOffThread';

/** What a request comes to; `superseded` when a later request was made meanwhile. */
export type Resimulated = SimulationOutcome | { readonly kind: 'superseded' };

/** A run younger than this is waited for; an older one is ended for the next. */
export const WAIT_FOR_RUN_MS = 150;
/** How many results are kept for undo and redo (a large world's timeline takes tens of MB). */
export const KEEP_RESULTS = 3;

interface Request {
  readonly ticket: number;
  readonly data: unknown;
  readonly scenario: Scenario;
  readonly resolve: (r: Resimulated) => void;
}

let latest = 0;
let running: { readonly ticket: number; readonly since: number } | null = null;
let queued: Request | null = null;
const kept: Array<{ readonly data: unknown; readonly session: PlaySession }> = [];

function remember(data: unknown, session: PlaySession): void {
  const at = kept.findIndex((k) => k.data === data);
  if (at >= 0) kept.splice(at, 1);
  kept.push({ data, session });
  if (kept.length > KEEP_RESULTS) kept.shift();
}

function start(r: Request): void {
  running = { ticket: r.ticket, since: performance.now() };
  void simulateOffThread(r.scenario, null).then((outcome) => {
    if (running?.ticket === r.ticket) running = null;
    if (outcome.kind === 'ok') remember(r.data, outcome.session);
    r.resolve(r.ticket === latest ? outcome : { kind: 'superseded' });
    if (queued && !running) {
      const next = queued;
      queued = null;
      start(next);
    }
  });
}

/**
 * Simulate `scenario` (the loader's result for `data`). Resolves with the
 * outcome, or `superseded` when another request came after it.
 */
export function resimulate(data: unknown, scenario: Scenario): Promise<Resimulated> {
  const ticket = ++latest;
  queued?.resolve({ kind: 'superseded' });
  queued = null;
  const hit = kept.find((k) => k.data === data);
  if (hit) return Promise.resolve({ kind: 'ok', session: hit.session, base: scenario, variant: null });
  return new Promise((resolve) => {
    const request: Request = { ticket, data, scenario, resolve };
    if (running && performance.now() - running.since < WAIT_FOR_RUN_MS) queued = request;
    else start(request); // simulateOffThread ends a run still under way
  });
}

/** Is a request of ours waiting or running? */
export function resimulating(): boolean {
  return running !== null || queued !== null;
}

/** Forget everything asked for (the sandbox closed): a run under way is ended, nothing is shown. */
export function stopResimulating(): void {
  latest++;
  queued?.resolve({ kind: 'superseded' });
  queued = null;
  if (running) cancelSimulation();
  running = null;
  kept.length = 0;
}

/** Keep a session simulated elsewhere (the player's, when the sandbox starts from it). */
export function keepResult(data: unknown, session: PlaySession): void {
  remember(data, session);
}
