// A timeline crossing from the simulation worker to the page. A Timeline keeps
// each frame's ops and a full state every few hundred ops, and rebuilds any
// frame's state on demand; some of its protocol lines are functions. So what
// crosses is the frames' plain data (function lines written out), plus the
// state at every SNAPSHOT_OPS-th op; the page rebuilds a real Timeline from
// them with the engine's own Timeline class, so every frame's state is computed
// by the very same code as in the worker.
//
// Measured on the largest built-in scenario (imap-big-mailbox-slow-link, 2,409
// frames): the transport takes a few MB and tens of milliseconds to clone,
// against hundreds of milliseconds to simulate — see the report in
// bench/browser.bench.ts. Sending only the scenario and re-simulating on the
// page would put all of that back on the main thread.
import { EngineTimeline, type Frame, type ProtocolLine, type Timeline, type WorldState } from '../../sim';

/** A full state every this many ops: any frame is rebuilt from at most this many ops. */
export const SNAPSHOT_OPS = 2048;

export type FrameData = Omit<Frame, 'state' | 'index'>;
type LineSource = Frame['lineSources'][number];

export interface TimelineHeader {
  readonly scenarioId: string;
  readonly variant: string | null;
  readonly world: Timeline['world'];
  readonly stepStarts: readonly number[];
  readonly frameCount: number;
}

export interface TimelineTransport {
  readonly scenarioId: string;
  readonly variant: string | null;
  readonly world: Timeline['world'];
  readonly stepStarts: readonly number[];
  readonly frames: readonly FrameData[];
  /** Frame index → its complete state, for the frames the page keeps snapshots at. */
  readonly snapshots: ReadonlyMap<number, WorldState>;
}

/** Which frames carry a snapshot: the first, then whenever SNAPSHOT_OPS ops have piled up. */
function snapshotFrames(frames: readonly { readonly ops: readonly unknown[] }[]): Set<number> {
  const at = new Set<number>([0]);
  let since = 0;
  frames.forEach((f, i) => {
    since += f.ops.length;
    if (i > 0 && since >= SNAPSHOT_OPS) {
      at.add(i);
      since = 0;
    }
  });
  return at;
}

function plainLines(sources: readonly LineSource[]): LineSource[] {
  const out: LineSource[] = [];
  for (const src of sources) {
    if (typeof src === 'function') packBySession(src() as ProtocolLine[], out);
    else out.push(src);
  }
  return out;
}

/**
 * A deferred exchange (an LMTP delivery's lines) written out as packed blocks,
 * one per run of lines of one session: as compact as the lines the recorder
 * packs itself, where one object per line made the embed's timelines larger.
 */
function packBySession(lines: readonly ProtocolLine[], out: LineSource[]): void {
  for (let i = 0; i < lines.length; ) {
    const session = lines[i].session;
    let dirs = '';
    const texts: string[] = [];
    for (; i < lines.length && lines[i].session === session; i++) {
      dirs += lines[i].dir;
      texts.push(lines[i].text);
    }
    out.push({ session, dirs, texts });
  }
}

/**
 * A frame's data, every field read by name (in the order the engine's frames
 * have listed them, a note last; the packed timelines keep that order): a frame may hold some of its
 * fields behind getters, which a spread would leave out.
 */
export function frameDataOf(f: Frame, lineSources: readonly LineSource[] = f.lineSources): FrameData {
  const { time, step, micro, label, actor, transfers, sessions, narration, note, ops } = f;
  return note ? { time, step, micro, label, actor, transfers, lineSources, sessions, narration, ops, note } : { time, step, micro, label, actor, transfers, lineSources, sessions, narration, ops };
}

export function toTransport(t: Timeline): TimelineTransport {
  const at = snapshotFrames(t.frames);
  const snapshots = new Map<number, WorldState>();
  const frames = t.frames.map((f, i) => {
    if (at.has(i)) snapshots.set(i, f.state);
    return frameDataOf(f, plainLines(f.lineSources));
  });
  return { scenarioId: t.scenarioId, variant: t.variant, world: t.world, stepStarts: t.stepStarts, frames, snapshots };
}

interface TimelineClass {
  new (scenarioId: string, variant: string | null, world: Timeline['world']): Timeline & {
    push(data: FrameData, live: WorldState | undefined, copies: number): Frame;
  };
}

// The engine's own Timeline class (not a run of the smallest scenario to reach it: that cost the page
// a cold simulate, about 15 ms, inside the first scenario's load).
const engineTimelineClass = (): TimelineClass => EngineTimeline as unknown as TimelineClass;

/**
 * The page's Timeline, built as chunks arrive. The engine keeps a snapshot
 * where ops since the last reach max(512, copies): passing copies 0 at a frame
 * that has a state and Infinity elsewhere makes it keep exactly the snapshots
 * that crossed.
 */
export function timelineBuilder(header: TimelineHeader) {
  const Ctor = engineTimelineClass();
  const t = new Ctor(header.scenarioId, header.variant, header.world);
  header.stepStarts.forEach((frame, step) => ((t.stepStarts as number[])[step] = frame));
  return {
    add(frames: readonly FrameData[], snapshots: ReadonlyMap<number, WorldState>): void {
      for (const data of frames) {
        const state = snapshots.get(t.frames.length);
        t.push(data, state, state ? 0 : Infinity);
      }
    },
    get received(): number {
      return t.frames.length;
    },
    finish(): Timeline {
      if (t.frames.length !== header.frameCount) throw new Error(`the timeline arrived incomplete: ${t.frames.length} of ${header.frameCount} frames`);
      return t;
    },
  };
}

export function headerOf(t: Timeline): TimelineHeader {
  return { scenarioId: t.scenarioId, variant: t.variant, world: t.world, stepStarts: t.stepStarts, frameCount: t.frames.length };
}

export function fromTransport(x: TimelineTransport): Timeline {
  const b = timelineBuilder({ ...x, frameCount: x.frames.length });
  b.add(x.frames, x.snapshots);
  return b.finish();
}
