// Tells what follows the picture (the side panels) when playback has moved to
// another frame of the timeline. The clock updates the store on every display
// frame (the tokens' travel), but the panels change only with the timeline
// frame: one subscription per store checks that, and wakes every follower at
// once, in the same task, so React renders them as one update.
// They are woken two display frames after the change: its first frame draws
// what moves and the next one the picture's surroundings (render.ts). Woken at
// once, React rendered and committed the panels among those two frames, and on
// a 4× throttled laptop one of them ran long at most changes.
import type { Store } from './store';

/** How a wake is put off: by two display frames where there are display frames (a test passes its own). */
export type Delay = (job: () => void) => void;
export const afterTwoDisplayFrames: Delay = (job) => (typeof requestAnimationFrame === 'function' ? void requestAnimationFrame(() => requestAnimationFrame(job)) : job());

interface Followed {
  readonly frame: number;
  readonly playing: boolean;
}

interface Follower {
  last: number;
  readonly wake: Set<(frame: number) => void>;
  stop: () => void;
}

const followers = new WeakMap<Store<Followed>, Follower>();

/** Call `wake(frame)` whenever the store plays on to another frame; returns the unsubscribe. */
export function followFrames<S extends Followed>(store: Store<S>, wake: (frame: number) => void, delay: Delay = afterTwoDisplayFrames): () => void {
  const key = store as unknown as Store<Followed>;
  let f = followers.get(key);
  if (!f) {
    const follower: Follower = { last: store.get().frame, wake: new Set(), stop: () => undefined };
    let waiting = false;
    follower.stop = store.subscribe(() => {
      const s = store.get();
      if (s.frame === follower.last) return;
      follower.last = s.frame;
      // Paused, the panels read the frame during render: nothing to wake.
      if (!s.playing || waiting) return;
      // One wake per delay, with the frame shown by then (changes come faster than display frames at high speed).
      waiting = true;
      delay(() => {
        waiting = false;
        const now = store.get();
        if (now.playing) for (const w of [...follower.wake]) w(now.frame);
      });
    });
    followers.set(key, follower);
    f = follower;
  }
  const mine = f;
  mine.wake.add(wake);
  // A panel mounted while playing catches up with the frame shown by now (the same frame changes nothing).
  const now = store.get();
  if (now.playing) wake(now.frame);
  return () => {
    mine.wake.delete(wake);
    if (mine.wake.size === 0) {
      mine.stop();
      followers.delete(key);
    }
  };
}
