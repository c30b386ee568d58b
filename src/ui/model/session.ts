// A played scenario: the timeline and what the player derives from it, per frame
// on demand and remembered.
import { figuresOf, metricsOf, mailHistory, withVariant, type Frame, type Metrics, type PlacedCopy, type Scenario, type Timeline, type HistoryEntry } from '../../sim';
import { indexTimeline, memoPerFrame, type TimelineIndex } from './timelineIndex';
import { lostMails } from './lost';
import { buildInBackground } from './figuresInBackground';
import { copiesReused } from './copiesReused';

export interface PlaySession {
  readonly scenario: Scenario;
  readonly timeline: Timeline;
  readonly index: TimelineIndex;
  readonly copies: (frame: Frame) => ReadonlyMap<string, readonly PlacedCopy[]>;
  readonly metrics: (frame: Frame) => Metrics;
  readonly lost: (frame: Frame) => readonly string[];
  readonly history: (mail: string) => readonly HistoryEntry[];
}

const byTimeline = new WeakMap<Timeline, PlaySession>();

/** How far past the incremental pass a frame may be and still be read from it (the pass catches up on the spot). */
const FIGURES_AHEAD = 64;

export function sessionOf(timeline: Timeline): PlaySession | undefined {
  return byTimeline.get(timeline);
}

/** Prepare a timeline simulated elsewhere (the worker) for playing; `index` too, when it was computed there. */
export function sessionFor(base: Scenario, variant: string | null, timeline: Timeline, known?: TimelineIndex): PlaySession {
  const scenario = variant ? withVariant(base, variant) : base;
  const histories = new Map<string, readonly HistoryEntry[]>();
  const copiesOf = copiesReused();
  // The scorecard's figures come from the incremental pass (well under 1 ms a frame). A frame far beyond
  // what the pass has reached so far is computed from its state instead, so a jump never waits for the pass.
  const figures = figuresOf(timeline);
  // Only the last frame's figures are kept (the pass keeps what it needs): remembering every frame's
  // 1,200-mail list while playing would grow the heap by megabytes per replay.
  let last: { frame: Frame; metrics: Metrics } | null = null;
  const metrics = (f: Frame): Metrics => {
    if (last?.frame === f) return last.metrics;
    const m = f.index < figures.ready + FIGURES_AHEAD ? figures.at(f.index) : metricsOf(f, scenario);
    last = { frame: f, metrics: m };
    return m;
  };
  if (typeof window !== 'undefined') buildInBackground(figures, timeline.frames.length);
  const session: PlaySession = {
    scenario,
    timeline,
    index: known ?? indexTimeline(timeline, (f) => lostMails(f.state)),
    lost: memoPerFrame((f) => lostMails(f.state)),
    copies: memoPerFrame((f) => copiesOf(f.state)),
    metrics,
    history(mail: string): readonly HistoryEntry[] {
      const known = histories.get(mail);
      if (known) return known;
      const h: readonly HistoryEntry[] = mailHistory(timeline, mail);
      histories.set(mail, h);
      return h;
    },
  };
  byTimeline.set(timeline, session);
  return session;
}
