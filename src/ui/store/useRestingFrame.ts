// The frame index for panels whose figures are costly to compute: while the
// scenario plays it follows at most a few times a second; at rest it is exact.
import { useEffect, useState } from 'react';
import { playerStore } from './playerStore';

export function useRestingFrame(intervalMs = 500): number {
  const [frame, setFrame] = useState(() => playerStore.get().frame);
  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const update = () => {
      const s = playerStore.get();
      if (timer !== null) return;
      const now = performance.now();
      if (!s.playing) {
        last = now;
        setFrame(s.frame);
        return;
      }
      // While playing, never in the animation frame that draws the picture: a task of its own.
      timer = setTimeout(() => {
        timer = null;
        last = performance.now();
        setFrame(playerStore.get().frame);
      }, Math.max(0, intervalMs - (now - last)));
    };
    update();
    const off = playerStore.subscribe(update);
    return () => {
      off();
      if (timer !== null) clearTimeout(timer);
    };
  }, [intervalMs]);
  return frame;
}
