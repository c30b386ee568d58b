// Which frames each page of the handout covers: a step from its first frame to
// its last (the picture shows the state after the step).

/** At most this many lines of narration per page: a long step (a burst of mails) is summarised. */
export const MAX_LINES = 8;

export interface HandoutStep {
  readonly first: number;
  readonly end: number;
}

export function handoutSteps(marks: readonly number[], ends: readonly number[]): HandoutStep[] {
  return marks.map((first) => ({ first, end: ends.find((e) => e >= first) ?? first }));
}
