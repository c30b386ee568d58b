// The answer to a question, read from the timeline: a pure function of the
// simulated run, never typed into the scenario. The player, the handout, the
// Moodle and SCORM exports and the tests all call this one function.
import type { Timeline } from '../timeline';
import { isLost, type WorldState } from '../model/state';
import type { Question } from './schema';

/**
 * Where a copy can be, at the grain a learner answers in: the server, one
 * device, the backup, the sending queue, a mailbox outside, the attacker.
 * "nowhere" when no copy is left.
 */
export type Spot = 'server' | `device:${string}` | 'backup' | 'queue' | 'outside' | 'intruder' | 'nowhere';

export type Answer =
  | { readonly kind: 'spots'; readonly spots: readonly Spot[]; readonly options: readonly Spot[] }
  | { readonly kind: 'count'; readonly value: number; readonly max: number }
  | { readonly kind: 'yesno'; readonly value: boolean };

export interface QuestionFrames {
  /** The frame the player shows while asking: the state before the step runs. */
  readonly ask: number;
  /** The frame the answer is read from: the last frame the step made. */
  readonly answer: number;
}

/** Which frames a question at `step` is asked at and answered from. */
export function questionFrames(timeline: Timeline, step: number): QuestionFrames {
  const start = timeline.stepStarts[step] ?? timeline.frames.length;
  const ask = Math.max(0, Math.min(start, timeline.frames.length) - 1);
  let answer = ask;
  for (let i = Math.max(0, start); i < timeline.frames.length && timeline.frames[i].step <= step; i++) {
    if (timeline.frames[i].step === step) answer = i;
  }
  return { ask, answer };
}

/** The spot a place id belongs to (the picture's places map onto the learner's choices). */
export function spotOfPlace(place: string): Spot | null {
  const [head, second] = place.split('/');
  if (head === 'server') return 'server';
  if (head === 'device' && second) return `device:${second}`;
  if (head === 'backup') return 'backup';
  if (head === 'queue') return 'queue';
  if (head === 'outside') return 'outside';
  if (head === 'intruder') return 'intruder';
  return null;
}

// "Where is it" and "is it on the device" count the message itself: a copy
// holding only its headers (a headers-only cache, POP3 TOP) is a list entry
// that cannot be opened, and the picture draws it differently.
function spotsOf(state: WorldState, mail: string): Spot[] {
  const found = new Set<Spot>();
  for (const [place, folder] of state.places) {
    for (const copy of folder.values()) {
      if (copy.mail !== mail || copy.headersOnly) continue;
      const spot = spotOfPlace(place);
      if (spot) found.add(spot);
      break;
    }
  }
  return found.size ? [...found].sort() : ['nowhere'];
}

/** Whether a device could show the mail right now: a local copy on a working disk, or an IMAP view of the server (same rule as the scorecard's views). */
function deviceShows(state: WorldState, timeline: Timeline, deviceId: string, mail: string): boolean {
  const device = timeline.world.devices.find((d) => d.id === deviceId);
  const info = state.mails.get(mail);
  if (!device || !info || !info.owners.includes(device.account)) return false;
  const status = state.devices.get(device.id);
  const seesServer = device.protocol === 'imap' && !!status?.online && !status.diskFailed && !state.serverDown;
  for (const [place, folder] of state.places) {
    let has = false;
    for (const copy of folder.values()) if (copy.mail === mail) has = true;
    if (!has) continue;
    if (!status?.diskFailed && place.startsWith(`device/${device.id}/`)) return true;
    if (seesServer && place.startsWith(`server/${device.account}/`)) return true;
  }
  return false;
}

function onServer(state: WorldState, mail: string): boolean {
  const owners = state.mails.get(mail)?.owners ?? [];
  for (const [place, folder] of state.places) {
    if (!owners.some((o) => place.startsWith(`server/${o}/`))) continue;
    for (const copy of folder.values()) if (copy.mail === mail) return true;
  }
  return false;
}

function onDevice(state: WorldState, device: string, mail: string): boolean {
  if (state.devices.get(device)?.diskFailed) return false;
  for (const [place, folder] of state.places) {
    if (!place.startsWith(`device/${device}/`)) continue;
    for (const copy of folder.values()) if (copy.mail === mail && !copy.headersOnly) return true;
  }
  return false;
}

/** Accepted: every receiving account has it in a server folder (not bounced, not waiting in the queue). */
function accepted(state: WorldState, mail: string): boolean {
  const info = state.mails.get(mail);
  if (!info || state.bounced.has(mail)) return false;
  // An arriving mail's owners are its receiving accounts.
  return info.owners.every((account) => {
    for (const [place, folder] of state.places) {
      if (!place.startsWith(`server/${account}/`)) continue;
      for (const copy of folder.values()) if (copy.mail === mail) return true;
    }
    return false;
  });
}

/** The spots a "where" question offers: the server, every device that can hold mail, and the backup, queue or outside when the run uses them. */
export function spotOptions(timeline: Timeline, mail: string): Spot[] {
  const options: Spot[] = ['server'];
  for (const d of timeline.world.devices) if (d.kind !== 'webmail') options.push(`device:${d.id}`);
  const used = new Set<Spot>();
  for (const frame of timeline.frames) for (const op of frame.ops) if (op.op === 'put' && op.copy.mail === mail) {
    const spot = spotOfPlace(op.place);
    if (spot) used.add(spot);
  }
  const world = timeline.world;
  if (world.server.backup !== 'none' || world.devices.some((d) => d.backup !== 'none') || used.has('backup')) options.push('backup');
  for (const extra of ['queue', 'outside', 'intruder'] as const) if (used.has(extra)) options.push(extra);
  options.push('nowhere');
  return options;
}

/** The answer to `q`, read from the frame after its step. Null when the question names a step or mail the run does not have (checkQuestions reports those). */
export function answerOf(q: Question, timeline: Timeline): Answer | null {
  if (q.step >= timeline.stepStarts.length) return null;
  const state = timeline.frames[questionFrames(timeline, q.step).answer]?.state;
  if (!state || !state.mails.has(q.mail)) return null;
  switch (q.kind) {
    case 'where':
      return { kind: 'spots', spots: spotsOf(state, q.mail), options: spotOptions(timeline, q.mail) };
    case 'devices': {
      const owners = state.mails.get(q.mail)!.owners;
      const candidates = timeline.world.devices.filter((d) => owners.includes(d.account));
      return { kind: 'count', value: candidates.filter((d) => deviceShows(state, timeline, d.id, q.mail)).length, max: candidates.length };
    }
    case 'accepted':
      return { kind: 'yesno', value: accepted(state, q.mail) };
    case 'onServer':
      return { kind: 'yesno', value: onServer(state, q.mail) };
    case 'onDevice':
      return { kind: 'yesno', value: onDevice(state, q.device, q.mail) };
    case 'lost':
      return { kind: 'yesno', value: isLost(state, q.mail) };
  }
}

/** A learner's response: the spots chosen, a number, or yes/no. */
export type Response = { readonly kind: 'spots'; readonly spots: readonly Spot[] } | { readonly kind: 'count'; readonly value: number } | { readonly kind: 'yesno'; readonly value: boolean };

/** Right only when the response says exactly what the run did (every spot, and no other). */
export function isCorrect(answer: Answer, response: Response): boolean {
  if (answer.kind === 'spots' && response.kind === 'spots') {
    const want = [...answer.spots].sort();
    const got = [...new Set(response.spots)].sort();
    return want.length === got.length && want.every((s, i) => s === got[i]);
  }
  if (answer.kind === 'count' && response.kind === 'count') return answer.value === response.value;
  if (answer.kind === 'yesno' && response.kind === 'yesno') return answer.value === response.value;
  return false;
}
