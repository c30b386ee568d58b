// The address is written a fifth of a second after a change at rest, never
// while playing, and at once when the page is left.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { restingWrites } from '../../../src/ui/store/restingWrites';

describe('writing the address', () => {
  let playing = false;
  let writes = 0;
  const make = () =>
    restingWrites(
      () => playing,
      () => writes++,
    );
  beforeEach(() => {
    vi.useFakeTimers();
    playing = false;
    writes = 0;
  });
  afterEach(() => vi.useRealTimers());

  it('at rest, writes once 200 ms after a burst of changes', () => {
    const w = make();
    w.changed();
    vi.advanceTimersByTime(100);
    w.changed();
    expect(writes).toBe(0);
    vi.advanceTimersByTime(100);
    expect(writes).toBe(1);
    vi.advanceTimersByTime(1000);
    expect(writes).toBe(1);
  });

  it('writes nothing during a long play, and the frame shown once playback stops', () => {
    const w = make();
    w.changed();
    playing = true;
    // Pressing play cancels the write that was waiting.
    for (let ms = 0; ms < 60_000; ms += 16) {
      w.changed();
      vi.advanceTimersByTime(16);
    }
    expect(writes).toBe(0);
    playing = false;
    w.changed();
    vi.advanceTimersByTime(200);
    expect(writes).toBe(1);
  });

  it('writes at once when the page is left or hidden, even while playing', () => {
    const w = make();
    playing = true;
    w.changed();
    w.flush();
    expect(writes).toBe(1);
    vi.advanceTimersByTime(1000);
    expect(writes).toBe(1);
  });

  it('writes nothing once stopped', () => {
    const w = make();
    w.changed();
    w.stop();
    vi.advanceTimersByTime(1000);
    expect(writes).toBe(0);
  });
});
