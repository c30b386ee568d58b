// The simulation worker: checks the work budget, simulates, indexes the
// timeline for the picture, and sends it to the page in chunks. The page stays
// free to answer the user the whole time, and can end the worker to cancel.
import { checkWorkBudget, lostMails, simulate } from '../../sim';
import { indexTimeline } from '../model/timelineIndex';
import { FRAMES_PER_CHUNK, type SimulateReply, type SimulateRequest } from './protocol';
import { headerOf, toTransport } from './timelineTransport';

const post = (reply: SimulateReply) => (self as unknown as Worker).postMessage(reply);

self.onmessage = (event: MessageEvent<SimulateRequest>) => {
  const { id, scenario, variant } = event.data;
  try {
    const verdict = checkWorkBudget(scenario);
    if (!verdict.ok) return post({ id, kind: 'refused', verdict });
    const timeline = simulate(scenario, { variant });
    post({ id, kind: 'header', header: headerOf(timeline), index: indexTimeline(timeline, (f) => lostMails(f.state)) });
    const x = toTransport(timeline);
    for (let from = 0; from < x.frames.length; from += FRAMES_PER_CHUNK) {
      const frames = x.frames.slice(from, from + FRAMES_PER_CHUNK);
      const snapshots = [...x.snapshots].filter(([i]) => i >= from && i < from + frames.length);
      post({ id, kind: 'frames', from, frames, snapshots });
    }
    post({ id, kind: 'done' });
  } catch (err) {
    post({ id, kind: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
};
