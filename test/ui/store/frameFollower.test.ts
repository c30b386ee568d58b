import { describe, expect, it } from 'vitest';
import { createStore } from '../../../src/ui/store/store';
import { followFrames } from '../../../src/ui/store/frameFollower';

interface S {
  readonly frame: number;
  readonly phase: number;
  readonly playing: boolean;
}

describe('followFrames', () => {
  it('wakes every follower once per timeline frame while playing, never for a display frame that only moved the tokens', () => {
    const store = createStore<S>({ frame: 3, phase: 1, playing: true });
    const a: number[] = [];
    const b: number[] = [];
    const offA = followFrames(store, (f) => a.push(f));
    const offB = followFrames(store, (f) => b.push(f));
    // Mounted while playing: each catches up with the frame shown now.
    expect(a).toEqual([3]);
    expect(b).toEqual([3]);
    store.set((s) => ({ ...s, frame: 4, phase: 0 }));
    store.set((s) => ({ ...s, phase: 0.3 }));
    store.set((s) => ({ ...s, phase: 0.9 }));
    store.set((s) => ({ ...s, frame: 5, phase: 0 }));
    expect(a).toEqual([3, 4, 5]);
    expect(b).toEqual([3, 4, 5]);
    offA();
    store.set((s) => ({ ...s, frame: 6, phase: 0 }));
    expect(a).toEqual([3, 4, 5]);
    expect(b).toEqual([3, 4, 5, 6]);
    offB();
  });

  it('paused, nobody is woken (the panels read the frame while rendering), and playing on wakes them again', () => {
    const store = createStore<S>({ frame: 0, phase: 1, playing: false });
    const seen: number[] = [];
    const off = followFrames(store, (f) => seen.push(f));
    store.set((s) => ({ ...s, frame: 1 }));
    store.set((s) => ({ ...s, frame: 2 }));
    expect(seen).toEqual([]);
    store.set((s) => ({ ...s, playing: true }));
    store.set((s) => ({ ...s, frame: 3, phase: 0 }));
    expect(seen).toEqual([3]);
    off();
    // Once the last follower is gone, the store has no listener of ours left.
    store.set((s) => ({ ...s, frame: 4, phase: 0 }));
    expect(seen).toEqual([3]);
  });
});

describe('followFrames, put off until the change has been drawn', () => {
  it('wakes once the delay has passed, once, with the frame shown by then; not at all if playback stopped meanwhile', () => {
    const store = createStore<S>({ frame: 0, phase: 1, playing: true });
    const queued: Array<() => void> = [];
    const seen: number[] = [];
    const off = followFrames(store, (f) => seen.push(f), (job) => void queued.push(job));
    expect(seen).toEqual([0]);
    store.set((s) => ({ ...s, frame: 1, phase: 0 }));
    store.set((s) => ({ ...s, frame: 2, phase: 0 }));
    // Nothing yet: the panels wait for the change's two display frames.
    expect(seen).toEqual([0]);
    expect(queued).toHaveLength(1);
    queued.shift()!();
    expect(seen).toEqual([0, 2]);
    store.set((s) => ({ ...s, frame: 3, phase: 0 }));
    store.set((s) => ({ ...s, playing: false }));
    queued.shift()!();
    expect(seen).toEqual([0, 2]);
    off();
  });
});
