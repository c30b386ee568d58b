// The clock asks for animation frames only while something moves, and wakes when
// something starts moving.
import { describe, expect, it } from 'vitest';
import { moving, startClock } from '../../../src/ui/store/clock';
import { createStore } from '../../../src/ui/store/store';
import { play } from '../../../src/ui/store/commands';
import { initialPlayerState, type PlayerState } from '../../../src/ui/store/playerState';
import { fixtureTimeline } from '../fixture';

/** A fake animation-frame source: frames run when the test says, 16 ms apart. */
function frames() {
  let pending = new Map<number, (t: number) => void>();
  let next = 1;
  let time = 1000;
  return {
    raf: (cb: (t: number) => void) => {
      pending.set(next, cb);
      return next++;
    },
    caf: (h: number) => void pending.delete(h),
    now: () => time,
    get asked() {
      return pending.size;
    },
    /** Run one animation frame. */
    run() {
      time += 16;
      const due = pending;
      pending = new Map();
      for (const cb of due.values()) cb(time);
    },
  };
}

const settled = (frame: number): PlayerState => ({ ...initialPlayerState, timeline: fixtureTimeline, frame, phase: 1 });

describe('the clock runs only while something moves', () => {
  it('asks for no frame while nothing is open, nor while the player rests', () => {
    for (const s of [initialPlayerState, settled(2)]) {
      const f = frames();
      startClock(createStore(s), f.raf, f.caf, f.now);
      expect(moving(s)).toBe(false);
      expect(f.asked).toBe(0);
    }
  });

  it('wakes when play starts, advances by the time that passed, and stops at the end', () => {
    const f = frames();
    const store = createStore(settled(0));
    startClock(store, f.raf, f.caf, f.now);
    store.set(play);
    expect(f.asked).toBe(1);
    f.run();
    // 16 ms passed since the wake-up: the first frame already moves.
    expect(store.get().frame + store.get().phase).toBeGreaterThan(0);
    for (let i = 0; i < 10_000 && f.asked > 0; i++) f.run();
    expect(f.asked).toBe(0);
    expect(store.get().playing).toBe(false);
    expect(store.get().frame).toBe(fixtureTimeline.frames.length - 1);
    expect(store.get().phase).toBe(1);
  });

  it('a change that travels (phase below 1) is played out, then the clock sleeps', () => {
    const f = frames();
    const store = createStore(settled(1));
    startClock(store, f.raf, f.caf, f.now);
    store.set((s) => ({ ...s, frame: 2, phase: 0 }));
    expect(f.asked).toBe(1);
    for (let i = 0; i < 1000 && f.asked > 0; i++) f.run();
    expect(store.get()).toMatchObject({ frame: 2, phase: 1, playing: false });
    expect(f.asked).toBe(0);
  });

  it('never asks for two frames at once, and stopping cancels the one asked for', () => {
    const f = frames();
    const store = createStore(settled(0));
    const stop = startClock(store, f.raf, f.caf, f.now);
    store.set(play);
    store.set((s) => ({ ...s, speed: s.speed }) as PlayerState);
    f.run();
    expect(f.asked).toBe(1);
    stop();
    expect(f.asked).toBe(0);
  });
});
