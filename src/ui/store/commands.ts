// Playback commands as pure state transitions: (state, …) → state. The clock and
// the controls call these; the tests call them directly.
import { SPEEDS, type PlayerState } from './playerState';

const lastFrame = (s: PlayerState) => (s.timeline ? s.timeline.frames.length - 1 : 0);
const clampFrame = (s: PlayerState, i: number) => Math.max(0, Math.min(lastFrame(s), Math.round(i)));

/** Jump to a frame and show it settled (no travel): seeking, stepping back. */
export function seek(s: PlayerState, frame: number): PlayerState {
  const f = clampFrame(s, frame);
  if (f === s.frame && s.phase === 1) return s;
  return { ...s, frame: f, phase: 1 };
}

/** Move to a later frame and let its change play out (the tokens travel). */
function advanceTo(s: PlayerState, frame: number): PlayerState {
  const f = clampFrame(s, frame);
  if (f === s.frame) return s;
  if (f !== s.frame + 1) return seek(s, f);
  return { ...s, frame: f, phase: 0 };
}

export function play(s: PlayerState): PlayerState {
  if (!s.timeline) return s;
  if (s.frame >= lastFrame(s)) return { ...s, frame: 0, phase: 1, playing: true };
  return s.playing ? s : { ...s, playing: true };
}

export const pause = (s: PlayerState): PlayerState => (s.playing ? { ...s, playing: false } : s);
export const togglePlay = (s: PlayerState): PlayerState => (s.playing ? pause(s) : play(s));
export const restart = (s: PlayerState): PlayerState => ({ ...seek(s, 0), playing: false, selectedMail: s.selectedMail });

export function stepMicro(s: PlayerState, direction: 1 | -1): PlayerState {
  const paused = pause(s);
  return direction > 0 ? advanceTo(paused, s.frame + 1) : seek(paused, s.frame - 1);
}

/** The index into stepStarts of the step the frame belongs to (by position in the timeline). */
export function stepOrdinalAt(starts: readonly number[], frame: number): number {
  let ord = -1;
  for (let i = 0; i < starts.length; i++) if (starts[i] <= frame) ord = i;
  return ord;
}

/** Distinct frame indices where a scenario step begins, ascending. */
export function stepMarks(s: PlayerState): number[] {
  if (!s.timeline) return [];
  return [...new Set(s.timeline.stepStarts.filter((f) => f >= 0 && f < s.timeline!.frames.length))].sort((a, b) => a - b);
}

export function stepWhole(s: PlayerState, direction: 1 | -1): PlayerState {
  const marks = stepMarks(s);
  const paused = pause(s);
  if (direction > 0) {
    const next = marks.find((m) => m > s.frame);
    // No later step: go to the end, where the outcome is.
    return seek(paused, next ?? lastFrame(s));
  }
  const before = marks.filter((m) => m < s.frame);
  return seek(paused, before.length ? before[before.length - 1] : 0);
}

export const toStart = (s: PlayerState) => seek(pause(s), 0);
export const toEnd = (s: PlayerState) => seek(pause(s), lastFrame(s));

export function changeSpeed(s: PlayerState, direction: 1 | -1): PlayerState {
  const i = SPEEDS.findIndex((v) => v >= s.speed);
  const next = SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, (i < 0 ? SPEEDS.length - 1 : i) + direction))];
  return next === s.speed ? s : { ...s, speed: next };
}

export function setSpeed(s: PlayerState, speed: number): PlayerState {
  const valid = SPEEDS.find((v) => v === speed) ?? s.speed;
  return valid === s.speed ? s : { ...s, speed: valid };
}

/** How long one frame's change lasts at 1×, in milliseconds. */
export const FRAME_MS = 1100;
/** The share of a frame spent travelling; the rest the picture rests so it can be read. */
export const TRAVEL_SHARE = 0.7;

/** Advance playback by `ms` of real time: the clock calls this every animation frame. */
export function tick(s: PlayerState, ms: number): PlayerState {
  if (!s.timeline) return s;
  let { frame, phase } = s;
  let playing = s.playing;
  let budget = (ms * s.speed) / FRAME_MS;
  if (phase >= 1 && !playing) return s;
  while (budget > 0) {
    if (phase < 1) {
      const use = Math.min(budget, 1 - phase);
      phase += use;
      budget -= use;
      continue;
    }
    if (!playing) break;
    if (frame >= lastFrame(s)) {
      playing = false;
      break;
    }
    frame += 1;
    phase = 0;
    // One frame per animation frame at most, so every change is drawn at least once.
    break;
  }
  if (frame === s.frame && phase === s.phase && playing === s.playing) return s;
  return { ...s, frame, phase: Math.min(1, phase), playing };
}

/** The travel progress (0..1) the picture draws at, eased. */
export function travelProgress(phase: number, reducedMotion: boolean): number {
  if (reducedMotion) return 1;
  const t = Math.min(1, phase / TRAVEL_SHARE);
  return t < 0.5 ? 2 * t * t : 1 - Math.pow(-2 * t + 2, 2) / 2;
}
