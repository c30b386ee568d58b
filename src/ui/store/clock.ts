// The only timer in the player: each animation frame, advance playback by the
// real time that passed. Positions are computed from the phase, so the clock
// knows nothing about mails.
import type { Store } from './store';
import type { PlayerState } from './playerState';
import { tick } from './commands';

export function startClock(store: Store<PlayerState>, raf = requestAnimationFrame, caf = cancelAnimationFrame): () => void {
  let last: number | null = null;
  let handle = 0;
  const loop = (now: number) => {
    const elapsed = last === null ? 0 : Math.min(250, now - last);
    last = now;
    store.set((s) => tick(s, elapsed));
    handle = raf(loop);
  };
  handle = raf(loop);
  return () => caf(handle);
}
