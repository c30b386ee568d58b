// Timeline.stateAt rebuilds a frame's state from the nearest snapshot or the
// last state it rebuilt, copying only what the ops touch (model/derivedState.ts).
// Checked here against states rebuilt the plain way (a full copy of frame 0 and
// every op applied in order), for frames read in a mixed order — forward one at
// a time, jumps back past a snapshot, the same frame twice — and that a state
// once handed out never changes when later frames are read.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/sim';
import { applyOp } from '../../src/sim/model/ops';
import { cloneState } from '../../src/sim/model/state';
import { stateToJSON } from '../../src/sim/run/serialize';
import { cases } from './builtinCases';

const SCENARIOS = ['pop3-three-devices.json', 'imap-big-mailbox-slow-link.json', 'pop3-defaults-laptop-and-iphone.json', 'provider-move-over-days.json', 'break-in-imap.json'];

/** A fixed, mixed reading order: runs forward, jumps back, repeats (a seeded generator: the same order every run). */
function readingOrder(frames: number, reads: number): number[] {
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const order: number[] = [];
  let at = 0;
  while (order.length < reads) {
    const r = next();
    if (r < 0.6) at = Math.min(frames - 1, at + 1);
    else if (r < 0.8) at = Math.floor(next() * frames);
    else if (r < 0.9) at = Math.max(0, at - 1 - Math.floor(next() * 40));
    order.push(at);
  }
  return order;
}

describe('Timeline.stateAt, copying only what changes', () => {
  it.each(SCENARIOS)('%s: every frame read in a mixed order equals the plain rebuild, and no state handed out changes later', (file) => {
    const { scenario } = cases.find((c) => c.file === file && c.variant === null)!;
    const t = simulate(scenario);
    const n = t.frames.length;
    const order = readingOrder(n, Math.min(600, 3 * n));
    const wanted = new Set(order);
    const plain = new Map<number, string>();
    const state = cloneState(t.stateAt(0));
    for (let i = 0; i < n; i++) {
      if (i > 0) for (const op of t.frames[i].ops) applyOp(state, op);
      if (wanted.has(i)) plain.set(i, JSON.stringify(stateToJSON(state)));
    }
    const handedOut: Array<{ index: number; state: ReturnType<typeof t.stateAt> }> = [];
    for (const i of order) {
      const s = t.stateAt(i);
      expect(JSON.stringify(stateToJSON(s)), `frame ${i}`).toBe(plain.get(i));
      if (handedOut.length < 40) handedOut.push({ index: i, state: s });
    }
    for (const { index, state: s } of handedOut) expect(JSON.stringify(stateToJSON(s)), `frame ${index}, read again after the others`).toBe(plain.get(index));
  });
});
