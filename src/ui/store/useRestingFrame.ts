// The frame index the side panels show. They follow the picture on every
// frame, playing or not. While playing, each panel catches up in a task of its
// own right after the animation frame that drew the picture: rendered in that
// same task, the five panels and the picture together took a throttled laptop
// several animation frames, and the picture stalled each time it moved on.
// Paused, stepping or seeking, a panel shows the new frame at once.
import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useSelector } from './useStore';
import { playerStore } from './playerStore';
import { laterTask } from './laterTask';

/** `_intervalMs` is not used: panels follow every frame. Kept so callers need not change. */
export function useRestingFrame(_intervalMs?: number): number {
  // Paused: the frame itself, read during render (no lag when stepping). Playing: null, which never changes.
  const resting = useSelector(playerStore, (s) => (s.playing ? null : s.frame));
  const [followed, setFollowed] = useState(() => playerStore.get().frame);
  const shown = useRef(followed);
  // Paused, the followed frame keeps up with the resting one, so playing starts from what is shown.
  if (resting !== null && followed !== resting) setFollowed(resting);
  const current = resting ?? followed;
  useEffect(() => {
    shown.current = current;
  }, [current]);
  useEffect(() => {
    let queued = false;
    const follow = () => {
      const s = playerStore.get();
      if (!s.playing || queued || s.frame === shown.current) return;
      queued = true;
      laterTask(() => {
        queued = false;
        // The newest frame when this panel's turn comes: a panel never shows a frame the picture has left long ago.
        const frame = playerStore.get().frame;
        if (frame !== shown.current) flushSync(() => setFollowed(frame));
      });
    };
    follow();
    return playerStore.subscribe(follow);
  }, []);
  return resting ?? followed;
}
