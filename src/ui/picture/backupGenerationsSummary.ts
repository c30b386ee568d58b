// The provider's backup generations at one frame, summed up for the strip
// under the picture: per night kept, how many messages its backup holds, and
// how many messages exist only in the backups any more (rule 81). Pure.
import { backupGenerations, placeKind, type Frame, type Timeline, type WorldState } from '../../sim';

export interface GenerationsSummary {
  /** Oldest first: the day each kept generation was taken (at 02:00), and how many messages it holds. */
  readonly nights: readonly { readonly day: number; readonly mails: number }[];
  /** Distinct messages held by any generation. */
  readonly mails: number;
  /** Of those, how many are on the server no more. */
  readonly onlyInBackups: number;
}

export function summariseGenerations(state: WorldState): GenerationsSummary {
  const view = backupGenerations(state);
  const nights = view.taken.map((g, i) => ({ day: g.day, mails: view.places.reduce((n, p) => n + (p.counts[i] ?? 0), 0) }));
  const inBackups = new Set<string>();
  for (const p of view.places) for (const m of p.mails) inBackups.add(m.mail);
  const onServer = new Set<string>();
  for (const [place, folder] of state.places) if (placeKind(place) === 'server') for (const copy of folder.values()) onServer.add(copy.mail);
  let onlyInBackups = 0;
  for (const mail of inBackups) if (!onServer.has(mail)) onlyInBackups++;
  return { nights, mails: inBackups.size, onlyInBackups };
}

type FrameOp = Frame['ops'][number];

/** Whether an op can change the summary: a copy put into or taken from a server or backup folder, or the generations kept. */
function touchesGenerations(op: FrameOp): boolean {
  if (op.op === 'backups') return true;
  if (op.op !== 'put' && op.op !== 'del') return false;
  const kind = placeKind(op.place);
  return kind === 'server' || kind === 'backup';
}

/** At most this many frames ahead, the ops in between are read rather than the summary made anew. */
const MAX_FRAMES_READ = 16;

/**
 * Summaries along a played timeline: a frame whose ops (and those of the frames
 * since the last summary) touch no server or backup folder and not the
 * generations kept has the summary of the frame before. Most changes of a big
 * mailbox are a device fetching a mail, and the summary looks at every server
 * copy (about 1 ms a change there in Node, four times that on a slow laptop).
 */
export function summariesAlong(): (timeline: Timeline, index: number) => GenerationsSummary {
  let last: { timeline: Timeline; index: number; summary: GenerationsSummary } | null = null;
  return (timeline, index) => {
    const prev = last;
    if (prev && prev.timeline === timeline && prev.index <= index && index - prev.index <= MAX_FRAMES_READ) {
      let same = true;
      for (let i = prev.index + 1; same && i <= index; i++) same = !timeline.frames[i].ops.some(touchesGenerations);
      if (same) {
        last = { timeline, index, summary: prev.summary };
        return prev.summary;
      }
    }
    const summary = summariseGenerations(timeline.frames[index].state);
    last = { timeline, index, summary };
    return summary;
  };
}
