// The timelines of the built-in scenarios, simulated when the site is built so
// that the embed's first picture need not wait for a simulation in the reader's
// browser. Each is simulated by the engine within its work budget, packed
// (src/ui/embed/packedTimeline.ts), unpacked again and rebuilt as the page would
// rebuild it, and kept only if every frame — its data and its world state —
// equals the simulated one. Long scenarios are left out (the page simulates
// them, as before): their packed timelines would outweigh the simulation.
// Loaded through Vite's module runner by trustedScenarios.ts (it imports the engine).
import { isDeepStrictEqual } from 'node:util';
import { simulateWithinBudget, type Scenario } from '../../sim';
import { frameDataOf, fromTransport, toTransport } from '../worker/timelineTransport';
import { packTimeline, unpackTimeline } from '../embed/packedTimeline';

/** Longer timelines are simulated on the page: a few hundred frames pack to tens of KB. */
export const MAX_PACKED_FRAMES = 120;

export type Packed = { ok: true; text: string; frames: number } | { ok: false; why: string };

export function packedTimelineOf(scenario: Scenario): Packed {
  let run: ReturnType<typeof simulateWithinBudget>;
  try {
    run = simulateWithinBudget(scenario, { cap: { frames: MAX_PACKED_FRAMES + 1 } });
  } catch (err) {
    return { ok: false, why: err instanceof Error ? err.message : String(err) };
  }
  // Refused or stopped by the cap (here: more frames than are worth packing).
  if (!run.ok) return { ok: false, why: `not within ${MAX_PACKED_FRAMES} frames or the work budget` };
  const original = run.timeline;
  const text = packTimeline(toTransport(original));
  const rebuilt = fromTransport(unpackTimeline(text));
  if (rebuilt.frames.length !== original.frames.length) return { ok: false, why: 'the frame count changed when unpacked' };
  for (let i = 0; i < original.frames.length; i++) {
    const a = original.frames[i];
    const b = rebuilt.frames[i];
    // Every field by name (frameDataOf): a frame may keep some behind getters, which a spread leaves out.
    // The engine's frame and state as data (structuredClone, as a worker hands them over): the engine makes
    // its most frequent ops, transfers and copies with `new` (src/sim/model/ops.ts, state.ts), which a strict
    // comparison would tell apart from the plain objects unpacked, though every field is equal.
    if (!isDeepStrictEqual(structuredClone(frameDataOf(a, [])), frameDataOf(b, []))) return { ok: false, why: `frame ${i} differs when unpacked` };
    if (!isDeepStrictEqual(structuredClone(a.state), b.state)) return { ok: false, why: `the state of frame ${i} differs when unpacked` };
  }
  if (!isDeepStrictEqual(original.stepStarts, rebuilt.stepStarts) || !isDeepStrictEqual(original.world, rebuilt.world)) return { ok: false, why: 'the steps or the world differ when unpacked' };
  return { ok: true, text, frames: original.frames.length };
}
