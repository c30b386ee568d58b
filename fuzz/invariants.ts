// What must hold for every timeline a valid case produces, read through the
// simulation's public face: every copy of every mail accounted for, server
// usage equal to what the server holds, no mail in two states at once, frames
// in time order — and the work the run recorded below the budget's bound.
// (The hard cap is checked in runCase.ts: each valid case again at a lowered cap.)
import { estimateWork, FrameFigures, metricsOf, parseServerPlace, profileOf, type Scenario, type Timeline } from '../src/sim';

/** Frames whose states are checked in full: all of a short run, a sample of a long one. */
function framesToCheck(n: number): number[] {
  if (n <= 200) return Array.from({ length: n }, (_, i) => i);
  const stride = Math.ceil(n / 100);
  const out = Array.from({ length: Math.ceil(n / stride) }, (_, k) => k * stride);
  if (out[out.length - 1] !== n - 1) out.push(n - 1);
  return out;
}

/** The first broken invariant, located, or null. */
export function brokenInvariant(scenario: Scenario, t: Timeline): string | null {
  if (!t.frames.length) return 'the timeline has no frame';
  for (let i = 0; i < t.frames.length; i++) {
    const f = t.frames[i];
    if (f.index !== i) return `frame ${i} says it is frame ${f.index}`;
    if (i > 0 && f.time < t.frames[i - 1].time) return `frame ${i} (${f.label}) is at minute ${f.time}, before frame ${i - 1} at ${t.frames[i - 1].time}`;
  }
  const recorded = t.frames.length + t.frames.reduce((n, f) => n + f.ops.length, 0);
  const bound = estimateWork(profileOf(scenario, t.world)).units;
  if (recorded > bound) return `the run recorded ${recorded} frames and ops, above the work budget's bound of ${bound}`;

  // The figures come from the incremental pass (fast enough to check many frames); at the last frame
  // they must equal metricsOf, computed from the whole state.
  const figures = new FrameFigures(t);
  const lastFrame = t.frames[t.frames.length - 1];
  if (JSON.stringify(figures.at(lastFrame.index)) !== JSON.stringify(metricsOf(lastFrame, t))) return `frame ${lastFrame.index} (${lastFrame.label}): the incremental figures differ from metricsOf`;
  for (const i of framesToCheck(t.frames.length)) {
    const f = t.frames[i];
    const s = f.state;
    const where = `frame ${i} (${f.label})`;
    for (const [place, folder] of s.places)
      for (const [key, copy] of folder) if (!s.mails.has(copy.mail)) return `${where}: ${place} [${key}] holds ${copy.mail}, a mail that does not exist`;
    const m = figures.at(i);
    const statuses = new Map<string, string>();
    for (const w of m.mails) {
      if (statuses.has(w.mail)) return `${where}: ${w.mail} is listed twice, as ${statuses.get(w.mail)} and ${w.status}`;
      statuses.set(w.mail, w.status);
    }
    for (const id of s.mails.keys()) if (!statuses.has(id)) return `${where}: ${id} is not accounted for`;
    // A mail is lost, deleted or bounced — never two of them.
    const bounced = new Set(m.bounced);
    const deleted = new Set(m.deletedByUser);
    for (const id of m.lost) if (bounced.has(id) || deleted.has(id)) return `${where}: ${id} is lost and also ${bounced.has(id) ? 'bounced' : 'deleted'}`;
    for (const u of m.usage) {
      let bytes = 0;
      let messages = 0;
      for (const [place, folder] of s.places) {
        if (parseServerPlace(place)?.account !== u.account) continue;
        for (const c of folder.values()) {
          bytes += s.mails.get(c.mail)?.sizeBytes ?? 0;
          messages++;
        }
      }
      if (bytes !== u.bytes || messages !== u.messages) return `${where}: usage of ${u.account} says ${u.bytes} bytes in ${u.messages} messages; the server holds ${bytes} bytes in ${messages}`;
    }
  }
  return null;
}
