// Which pictures an animation export draws, frame-exact: the first change of the
// range settled, then for every later change its travel in equal sub-steps, the
// last of them (the settled picture) held so it can be read.
export const TRAVEL_STEPS = 6;
export const TRAVEL_MS = 100;
export const HOLD_MS = 1200;

export interface PlannedPicture {
  readonly frame: number;
  /** 0..1: how far the change into `frame` has travelled. */
  readonly progress: number;
  readonly animating: boolean;
  readonly durationMs: number;
}

export function planAnimation(from: number, to: number, travelSteps = TRAVEL_STEPS): PlannedPicture[] {
  const out: PlannedPicture[] = [{ frame: from, progress: 1, animating: false, durationMs: HOLD_MS }];
  for (let f = from + 1; f <= to; f++)
    for (let k = 1; k <= travelSteps; k++) out.push({ frame: f, progress: k / travelSteps, animating: k < travelSteps, durationMs: k < travelSteps ? TRAVEL_MS : HOLD_MS });
  return out;
}

/** Slide sizes (16:9) the export offers. */
export const SLIDE_SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 960, height: 540 },
] as const;

/** The frames of scenario steps a..b (1-based, as the controls count them). */
export function stepRange(marks: readonly number[], frames: number, a: number, b: number): [number, number] {
  const lo = Math.max(1, Math.min(a, b, marks.length));
  const hi = Math.max(1, Math.min(Math.max(a, b), marks.length));
  const from = marks[lo - 1] ?? 0;
  const to = (marks[hi] ?? frames) - 1;
  return [from, Math.max(from, to)];
}
