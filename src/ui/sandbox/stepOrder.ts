// Steps happen in the order of their times (the loader refuses a step earlier
// than the one before it). So moving a step is moving it in time: a step moved
// earlier or later past a neighbour takes that neighbour's time when its own
// would break the order; a step whose time was changed moves to its place in
// time. Pure: (steps, index) → (steps, the step's new index).
import { parseTime } from '../../sim';

type StepData = { readonly at?: unknown } & Record<string, unknown>;

export interface Moved<S> {
  readonly steps: readonly S[];
  /** Where the moved step is now. */
  readonly index: number;
}

const timeOf = (s: StepData | undefined): number | null => (s && typeof s.at === 'string' ? parseTime(s.at) : null);

/** Swap step `i` with its neighbour before (-1) or after (+1); the moved step takes the neighbour's time if the order needs it. */
export function moveStep<S extends StepData>(steps: readonly S[], i: number, direction: -1 | 1): Moved<S> {
  const j = i + direction;
  if (i < 0 || i >= steps.length || j < 0 || j >= steps.length) return { steps, index: i };
  const moved = steps[i];
  const passed = steps[j];
  const mine = timeOf(moved);
  const theirs = timeOf(passed);
  const late = mine !== null && theirs !== null && (direction < 0 ? mine > theirs : mine < theirs);
  const next = [...steps];
  next[j] = late ? { ...moved, at: passed.at } : moved;
  next[i] = passed;
  return { steps: next, index: j };
}

/** Step `i` moved the least distance that puts it in time order (equal times keep their order); unchanged when its time is not valid. */
export function placeByTime<S extends StepData>(steps: readonly S[], i: number): Moved<S> {
  const mine = timeOf(steps[i]);
  if (mine === null) return { steps, index: i };
  let to = i;
  while (to > 0 && (timeOf(steps[to - 1]) ?? -Infinity) > mine) to--;
  if (to === i) while (to < steps.length - 1 && (timeOf(steps[to + 1]) ?? Infinity) < mine) to++;
  if (to === i) return { steps, index: i };
  const next = [...steps];
  const [step] = next.splice(i, 1);
  next.splice(to, 0, step);
  return { steps: next, index: to };
}

/** Is step `i` out of time order with its neighbours? */
export function outOfOrder(steps: readonly StepData[], i: number): boolean {
  return placeByTime(steps, i).index !== i;
}
