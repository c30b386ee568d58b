// Forking the story at the moment on screen: the event becomes a step right
// after the step that moment belongs to, at that moment's time. Everything
// before stays frame for frame (the engine runs the same steps up to there);
// the future is simulated again, with or without the original's later steps.
import { formatTime, insertStep, parseTime, type Problem, type Scenario, type Step, type Timeline } from '../../sim';

/** A step without its time: the fork gives it the moment's time. */
export type Event = Step extends infer S ? (S extends Step ? Omit<S, 'at'> : never) : never;

export interface ForkRequest {
  readonly scenario: Scenario;
  readonly timeline: Timeline;
  readonly frame: number;
  readonly event: Event;
  /** Do the original's later steps still happen? */
  readonly keepLater: boolean;
  /** Minutes after the moment on screen (for "let time pass"). */
  readonly afterMinutes?: number;
}

export type ForkOutcome = { ok: true; scenario: Scenario; index: number; at: string; minutes: number } | { ok: false; problems: Problem[] };

/** The index of the last step whose frames begin at or before `frame` (-1: before any step). */
export function stepAt(stepStarts: readonly number[], frame: number): number {
  let ord = -1;
  for (let i = 0; i < stepStarts.length; i++) if (stepStarts[i] <= frame) ord = i;
  return ord;
}

/** Where and when an event at `frame` goes: after the current step, never before it in time. */
export function forkPoint(scenario: Scenario, timeline: Timeline, frame: number, afterMinutes = 0): { index: number; minutes: number } {
  const ord = stepAt(timeline.stepStarts, frame);
  const shown = timeline.frames[Math.max(0, Math.min(frame, timeline.frames.length - 1))];
  const stepTime = ord >= 0 ? (parseTime(scenario.steps[ord].at) ?? 0) : 0;
  const minutes = Math.max(Math.ceil(shown?.time ?? 0), stepTime) + afterMinutes;
  return { index: ord + 1, minutes };
}

/** The minute the original's next step happens after the fork point, or null when there is none. */
export function nextStepMinutes(scenario: Scenario, index: number): number | null {
  const next = scenario.steps[index];
  return next ? parseTime(next.at) : null;
}

export function forkWith(req: ForkRequest): ForkOutcome {
  const { scenario, timeline, frame, event, keepLater } = req;
  const { index, minutes } = forkPoint(scenario, timeline, frame, req.afterMinutes ?? 0);
  const at = formatTime(minutes);
  const later = keepLater ? scenario.steps.slice(index) : [];
  const base: Scenario = { ...scenario, steps: [...scenario.steps.slice(0, index), ...later] };
  const result = insertStep(base, index, { ...event, at });
  return result.ok ? { ok: true, scenario: result.scenario, index, at, minutes } : result;
}

/** The last frame step `index` made; a step that made no frame gives the frame it would have started. */
export function lastFrameOfStep(timeline: Timeline, index: number): number {
  const frames = timeline.frames;
  const start = Math.min(timeline.stepStarts[index] ?? frames.length - 1, frames.length - 1);
  let last = start;
  for (let i = start; i < frames.length && (frames[i].step === index || frames[i].step === -2 || i === start); i++) if (frames[i].step === index) last = i;
  return last;
}
