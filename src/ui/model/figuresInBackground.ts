// The incremental figures of an opened timeline are built in small slices
// while the page is idle, so that by the time anyone jumps far ahead they are
// ready, and no slice holds the page for long. Playing reads them frame by
// frame, which costs next to nothing either way.
import type { FrameFigures } from '../../sim';

/** Time one slice may take; the page gets the thread back in between. */
const SLICE_MS = 6;
const FRAMES_PER_CHECK = 16;

export function buildInBackground(figures: FrameFigures, frames: number, later: (run: () => void) => void = (run) => setTimeout(run, 0)): void {
  const slice = () => {
    const start = performance.now();
    while (figures.ready < frames) {
      figures.buildUpTo(figures.ready - 1 + FRAMES_PER_CHECK);
      if (performance.now() - start > SLICE_MS) break;
    }
    if (figures.ready < frames) later(slice);
  };
  later(slice);
}
