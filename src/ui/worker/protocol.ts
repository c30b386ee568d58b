// The messages between the page and the simulation worker. The timeline comes
// back in chunks so that no single message takes the page long to unpack.
import type { BudgetVerdict, Scenario, WorldState } from '../../sim';
import type { TimelineIndex } from '../model/timelineIndex';
import type { TimelineHeader, FrameData } from './timelineTransport';

export interface SimulateRequest {
  readonly kind?: 'simulate';
  readonly id: number;
  /** The scenario to simulate; or null with `data`: a share link's packed scenario, decoded and validated in the worker. */
  readonly scenario: Scenario | null;
  readonly data?: string;
  readonly variant: string | null;
}

/** A built-in scenario's file, fetched by the page, checked here with the CLI's loader (the schema check took the page ~13–28 ms). */
export interface CheckRequest {
  readonly kind: 'check';
  readonly id: number;
  readonly file: string;
  readonly text: string;
}

export type CheckReply =
  | { readonly kind: 'checked'; readonly id: number; readonly ok: true; readonly scenario: Scenario }
  | { readonly kind: 'checked'; readonly id: number; readonly ok: false; readonly problems: readonly string[] };

export type WorkerRequest = SimulateRequest | CheckRequest;

export type SimulateReply =
  | { readonly id: number; readonly kind: 'refused'; readonly verdict: Extract<BudgetVerdict, { ok: false }> }
  | { readonly id: number; readonly kind: 'failed'; readonly message: string }
  /** A link's scenario that could not be unpacked or is invalid, with every problem located. */
  | { readonly id: number; readonly kind: 'badLink'; readonly problems: readonly string[] }
  /** A link's scenario, decoded and valid (sent before it is simulated). */
  | { readonly id: number; readonly kind: 'decoded'; readonly scenario: Scenario; readonly variant: string | null }
  /** How far the run is, 0..1, never going down (simulate's own measure: simulated time passed over the scenario's span). */
  | { readonly id: number; readonly kind: 'progress'; readonly fraction: number }
  | { readonly id: number; readonly kind: 'header'; readonly header: TimelineHeader; readonly index: TimelineIndex }
  | { readonly id: number; readonly kind: 'frames'; readonly from: number; readonly frames: readonly FrameData[]; readonly snapshots: ReadonlyArray<readonly [number, WorldState]> }
  | { readonly id: number; readonly kind: 'done' };

/** Frames per message: small enough that unpacking one stays far below 50 ms. */
export const FRAMES_PER_CHUNK = 64;

/** The worker reports progress when it has moved on by at least this much (a hundred messages at most per run). */
export const PROGRESS_STEP = 0.01;

/** No progress is reported before the run has taken this long (the page shows none before 300 ms). */
export const PROGRESS_AFTER_MS = 100;
