// The frame index the side panels show. They follow the picture on every
// frame, playing or not. Paused, stepping or seeking, a panel shows the new
// frame at once (read during render). While playing, all panels catch up
// together, as one React update marked as a transition: React renders it in
// slices of a few milliseconds between animation frames, so the picture keeps
// moving while the panels follow. Rendered at once (flushSync, one task per
// panel), the panels took a 4× throttled laptop several animation frames at
// every change, and the picture stalled each time.
import { startTransition, useEffect, useState } from 'react';
import { useSelector } from './useStore';
import { playerStore } from './playerStore';
import { followFrames } from './frameFollower';
import type { Store } from './store';
import type { PlayerState } from './playerState';

/** The frame a part beside (or under) a picture shows, for the picture driven by `store` (a compare pane has its own). */
export function useFollowedFrame(store: Store<PlayerState>): number {
  // Paused: the frame itself, read during render (no lag when stepping). Playing: null, which never changes.
  const resting = useSelector(store, (s) => (s.playing ? null : s.frame));
  const [followed, setFollowed] = useState(() => store.get().frame);
  // Paused, the followed frame keeps up with the resting one, so playing starts from what is shown.
  if (resting !== null && followed !== resting) setFollowed(resting);
  // One follower for all panels: it wakes them only when the timeline frame changed, not on every display frame.
  useEffect(() => followFrames(store, (frame) => startTransition(() => setFollowed(frame))), [store]);
  return resting ?? followed;
}

/** `_intervalMs` is not used: panels follow every frame. Kept so callers need not change. */
export function useRestingFrame(_intervalMs?: number): number {
  return useFollowedFrame(playerStore);
}
