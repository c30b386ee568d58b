// The messages between the page and the simulation worker. The timeline comes
// back in chunks so that no single message takes the page long to unpack.
import type { BudgetVerdict, Scenario, WorldState } from '../../sim';
import type { TimelineIndex } from '../model/timelineIndex';
import type { TimelineHeader, FrameData } from './timelineTransport';

export interface SimulateRequest {
  readonly id: number;
  readonly scenario: Scenario;
  readonly variant: string | null;
}

export type SimulateReply =
  | { readonly id: number; readonly kind: 'refused'; readonly verdict: Extract<BudgetVerdict, { ok: false }> }
  | { readonly id: number; readonly kind: 'failed'; readonly message: string }
  | { readonly id: number; readonly kind: 'header'; readonly header: TimelineHeader; readonly index: TimelineIndex }
  | { readonly id: number; readonly kind: 'frames'; readonly from: number; readonly frames: readonly FrameData[]; readonly snapshots: ReadonlyArray<readonly [number, WorldState]> }
  | { readonly id: number; readonly kind: 'done' };

/** Frames per message: small enough that unpacking one stays far below 50 ms. */
export const FRAMES_PER_CHUNK = 64;
