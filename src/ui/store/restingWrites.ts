// When the address bar is written: a fifth of a second after what is on screen
// changed, but never while playing. history.replaceState is not free: on a 4×
// throttled laptop each write was a task of 30 to 50 ms, a dropped animation
// frame, and written every few seconds while playing it was one of the long
// frames left. Pausing (or reaching the end) writes the frame shown; so does
// leaving the page or hiding it while playing, so a reload loses nothing.

export interface RestingWrites {
  /** Something shown changed: write soon, unless playing. */
  changed(): void;
  /** Write now, playing or not (the page is being left or hidden). */
  flush(): void;
  stop(): void;
}

export interface Timers {
  set(job: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = { set: (job, ms) => setTimeout(job, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };

export function restingWrites(playing: () => boolean, write: () => void, wait = 200, timers: Timers = realTimers): RestingWrites {
  let timer: unknown = null;
  const cancel = () => {
    if (timer !== null) timers.clear(timer);
    timer = null;
  };
  return {
    changed() {
      if (playing()) return cancel();
      if (timer !== null) return;
      timer = timers.set(() => {
        timer = null;
        if (!playing()) write();
      }, wait);
    },
    flush() {
      cancel();
      write();
    },
    stop: cancel,
  };
}
