// The hard cap inside a run. The work budget bounds a scenario's work from the
// file before anything runs; the guard counts the work as it is recorded — the
// recorder sees every frame, op, protocol line and scheduled event pass — and
// stops the run the moment a count passes its cap. It also calls the run's
// progress reporter every so often, so a long run can say how far it is.

/** What the guard counts. `events` are the scheduler's wake-ups and the steps, which may record nothing. */
export type WorkCounter = 'frames' | 'ops' | 'lines' | 'events';

export type WorkCounts = Record<WorkCounter, number>;

export const WORK_COUNTERS: readonly WorkCounter[] = ['frames', 'ops', 'lines', 'events'];

/** Where the run was when it stopped: the scenario step run or waited for, whether in scheduled events before it, and the simulated minute. */
export interface WorkPosition {
  readonly step: number;
  readonly between: boolean;
  readonly time: number;
}

export class WorkCapExceeded extends Error {
  constructor(
    readonly counter: WorkCounter,
    readonly cap: number,
    /** The step being run, or (between) the next step the run was waiting for. */
    readonly step: number,
    /** True when the run was in the scheduled events before `step` (arrivals, checks, backups, retries). */
    readonly between: boolean,
    /** Simulated minute when the cap was passed. */
    readonly time: number,
    readonly counts: Readonly<WorkCounts>,
  ) {
    super(`the run passed its cap of ${cap} ${counter} (step ${step}, minute ${time})`);
    this.name = 'WorkCapExceeded';
  }
}

/** Frames between two progress reports (and events between two, for runs that record little). */
const TICK_FRAMES = 256;
const TICK_EVENTS = 4096;

export class WorkGuard {
  readonly counts: WorkCounts = { frames: 0, ops: 0, lines: 0, events: 0 };

  constructor(
    private readonly cap: Readonly<WorkCounts>,
    /** Where the run is now (read only when the cap is passed). */
    private readonly position: () => WorkPosition,
    /** Called every few hundred frames; the run says how far it is from there. */
    private readonly tick: (() => void) | null = null,
  ) {}

  private passed(counter: WorkCounter): never {
    const { step, between, time } = this.position();
    throw new WorkCapExceeded(counter, this.cap[counter], step, between, time, { ...this.counts });
  }

  frame(): void {
    if (++this.counts.frames > this.cap.frames) this.passed('frames');
    if (this.tick && this.counts.frames % TICK_FRAMES === 0) this.tick();
  }

  op(): void {
    if (++this.counts.ops > this.cap.ops) this.passed('ops');
  }

  lines(n: number): void {
    if ((this.counts.lines += n) > this.cap.lines) this.passed('lines');
  }

  event(): void {
    if (++this.counts.events > this.cap.events) this.passed('events');
    if (this.tick && this.counts.events % TICK_EVENTS === 0) this.tick();
  }
}
