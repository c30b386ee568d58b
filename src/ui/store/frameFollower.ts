// Tells what follows the picture (the side panels) when playback has moved to
// another frame of the timeline. The clock updates the store on every display
// frame (the tokens' travel), but the panels change only with the timeline
// frame: one subscription per store checks that, and wakes every follower at
// once, in the same task, so React renders them as one update.
import type { Store } from './store';

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
export function followFrames<S extends Followed>(store: Store<S>, wake: (frame: number) => void): () => void {
  const key = store as unknown as Store<Followed>;
  let f = followers.get(key);
  if (!f) {
    const follower: Follower = { last: store.get().frame, wake: new Set(), stop: () => undefined };
    follower.stop = store.subscribe(() => {
      const s = store.get();
      if (s.frame === follower.last) return;
      follower.last = s.frame;
      // Paused, the panels read the frame during render: nothing to wake.
      if (!s.playing) return;
      for (const w of [...follower.wake]) w(s.frame);
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
