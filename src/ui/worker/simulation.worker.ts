// The simulation worker: checks the work budget, simulates (telling how far it
// is, and stopping at the hard cap), indexes the timeline for the picture, and
// sends it to the page in chunks. The page stays free to answer the user the
// whole time, and can end the worker to cancel.
import { formatProblem, loadScenarioText, lostMails, simulateWithinBudget } from '../../sim';
import { indexTimeline } from '../model/timelineIndex';
import { FRAMES_PER_CHUNK, PROGRESS_AFTER_MS, PROGRESS_STEP, type CheckReply, type CheckRequest, type SimulateReply, type WorkerRequest } from './protocol';
import { headerOf, toTransport } from './timelineTransport';
import { decodeScenario } from '../url/sharedScenario';

const post = (reply: SimulateReply | CheckReply) => (self as unknown as Worker).postMessage(reply);

/** A built-in scenario's file, checked with the same loader as the CLI's. */
function check({ id, file, text }: CheckRequest): void {
  try {
    const result = loadScenarioText(file, text);
    post(result.ok ? { kind: 'checked', id, ok: true, scenario: result.scenario } : { kind: 'checked', id, ok: false, problems: result.problems.map(formatProblem) });
  } catch (err) {
    post({ kind: 'checked', id, ok: false, problems: [`${file}: ${err instanceof Error ? err.message : String(err)}`] });
  }
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  if (event.data.kind === 'check') return check(event.data);
  const { id } = event.data;
  let variant = event.data.variant;
  try {
    // A link is decoded and validated here, off the page's thread; its variant is played if it has it.
    let scenario = event.data.scenario;
    if (!scenario) {
      const decoded = decodeScenario(event.data.data ?? '');
      if (!decoded.ok) return post({ id, kind: 'badLink', problems: decoded.problems });
      scenario = decoded.scenario;
      if (variant && !Object.prototype.hasOwnProperty.call(scenario.variants, variant)) variant = null;
      post({ id, kind: 'decoded', scenario, variant });
    }
    let told = 0;
    const started = performance.now();
    const onProgress = (fraction: number) => {
      if (fraction - told < PROGRESS_STEP && fraction < 1) return;
      // A short run sends no progress at all: nothing is shown before PROGRESS_AFTER_MS, and each
      // message is a task of the page's that stands between an edit and its new picture.
      if (performance.now() - started < PROGRESS_AFTER_MS) return;
      told = fraction;
      post({ id, kind: 'progress', fraction });
    };
    const run = simulateWithinBudget(scenario, { variant, onProgress });
    if (!run.ok) return post({ id, kind: 'refused', verdict: run.verdict });
    const timeline = run.timeline;
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
