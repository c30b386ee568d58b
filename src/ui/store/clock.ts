// The only timer in the player: each animation frame, advance playback by the
// real time that passed. Positions are computed from the phase, so the clock
// knows nothing about mails.
//
// It runs only while something moves (playing, or a change still travelling):
// an animation-frame loop that runs on while the player rests or the gallery is
// shown keeps the browser drawing 60 frames a second for nothing (an idle page
// cost about 0.09 s of CPU per second against 0.002 for a blank one), which
// drains a laptop's battery in a lecture. Any change to the state that sets
// something moving wakes it.
import type { Store } from './store';
import type { PlayerState } from './playerState';
import { tick } from './commands';

/** Whether tick would change anything, given time: the same test tick makes (commands.ts). */
export const moving = (s: PlayerState): boolean => s.timeline !== null && (s.playing || s.phase < 1);

export function startClock(store: Store<PlayerState>, raf = requestAnimationFrame, caf = cancelAnimationFrame, now = () => performance.now()): () => void {
  let last: number | null = null;
  // Non-null from when a frame is asked for until the loop stops, including while the
  // loop's own store.set runs: the wake-up it triggers must not ask for a second frame.
  let handle: number | null = null;
  const loop = (at: number) => {
    // A frame's time can lie a little before the moment the loop was woken: never negative.
    const elapsed = last === null ? 0 : Math.max(0, Math.min(250, at - last));
    last = at;
    store.set((s) => tick(s, elapsed));
    if (moving(store.get())) {
      handle = raf(loop);
    } else {
      handle = null;
      last = null;
    }
  };
  const wake = () => {
    if (handle !== null || !moving(store.get())) return;
    // Time counts from the wake-up, so the first frame after it already moves.
    last = now();
    handle = raf(loop);
  };
  const off = store.subscribe(wake);
  wake();
  return () => {
    off();
    if (handle !== null) caf(handle);
    handle = null;
  };
}
