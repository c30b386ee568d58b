// Facts about a whole timeline the player needs again and again, computed once
// when a scenario is opened: which places ever hold mail (so the layout never
// jumps), every mail's identity, and each session's protocol.
import type { Frame, Timeline, MailInfo, SessionInfo } from '../../sim';
import { mailStyles, type MailStyle } from '../picture/mailStyle';
import { mailOrder } from '../../i18n/names';

export interface TimelineIndex {
  readonly places: ReadonlyMap<string, number>;
  readonly lostMax: number;
  readonly intruder: boolean;
  readonly mails: ReadonlyMap<string, MailInfo>;
  readonly styles: ReadonlyMap<string, MailStyle>;
  readonly sessions: ReadonlyMap<string, SessionInfo>;
  /** The first frame of each step (device.configure steps change a device's settings from there). */
  readonly stepStarts: readonly number[];
  /**
   * A POP3 account replaced by a new account (device.configure, rule 80): its
   * folder device/<d>/<F>, whose copies all moved to device/<d>/old-pop3/<F>
   * and which holds none afterwards, keyed to that twin and the first frame the
   * twin holds mail. The picture can draw the two as one box, named for the
   * account it belongs to at the frame shown, so no empty folder of an account
   * that is gone stays above the new account's.
   */
  readonly replaced: ReadonlyMap<string, { readonly by: string; readonly from: number }>;
}

const OLD_ACCOUNT_PLACE = /^device\/([^/]+)\/old-pop3\/(.+)$/;

export function indexTimeline(timeline: Timeline, lostOf: (frame: Frame) => readonly string[]): TimelineIndex {
  const places = new Map<string, number>();
  const mails = new Map<string, MailInfo>();
  const sessions = new Map<string, SessionInfo>();
  const firstHeld = new Map<string, number>();
  const lastHeld = new Map<string, number>();
  let lostMax = 0;
  let intruder = false;
  for (const frame of timeline.frames) {
    // Each read of frame.state rebuilds it: read it once.
    const st = frame.state;
    for (const [place, copies] of st.places) {
      const n = copies.size;
      if (n > (places.get(place) ?? -1)) places.set(place, n);
      if (n > 0) {
        if (!firstHeld.has(place)) firstHeld.set(place, frame.index);
        lastHeld.set(place, frame.index);
      }
    }
    lostMax = Math.max(lostMax, lostOf(frame).length);
    if (st.breached) intruder = true;
    for (const s of frame.sessions) sessions.set(s.id, s);
  }
  const last = timeline.frames[timeline.frames.length - 1];
  if (last) for (const [id, info] of last.state.mails) mails.set(id, info);
  // Labels and colours follow the order the mails came into being (shared with the narration's names).
  const ids = mailOrder(mails.values());
  if (places.has('intruder')) intruder = true;
  const replaced = new Map<string, { by: string; from: number }>();
  for (const [twin, from] of firstHeld) {
    const m = OLD_ACCOUNT_PLACE.exec(twin);
    const old = m ? `device/${m[1]}/${m[2]}` : null;
    if (old && places.has(old) && (lastHeld.get(old) ?? -1) < from) replaced.set(old, { by: twin, from });
  }
  return { places, lostMax, intruder, mails, styles: mailStyles(ids), sessions, stepStarts: [...timeline.stepStarts], replaced };
}

/** Per-frame values are derived lazily and remembered per frame object. */
export function memoPerFrame<T>(compute: (frame: Frame) => T): (frame: Frame) => T {
  const cache = new WeakMap<Frame, T>();
  return (frame) => {
    let v = cache.get(frame);
    if (v === undefined) {
      v = compute(frame);
      cache.set(frame, v);
    }
    return v;
  };
}
