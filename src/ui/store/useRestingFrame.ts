// The frame index the side panels show. Their figures now cost well under a
// millisecond a frame (the incremental pass in src/sim/figures), so they follow
// the picture on every frame, playing or not. (Playback moves on at most one
// frame per animation frame, and at 1× about once a second.)
import { useSelector } from './useStore';
import { playerStore } from './playerStore';

/** `_intervalMs` is no longer used: panels follow every frame. Kept so callers need not change. */
export function useRestingFrame(_intervalMs?: number): number {
  return useSelector(playerStore, (s) => s.frame);
}
