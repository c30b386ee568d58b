// A timeline as plain JSON: every frame with its transfers, protocol lines,
// narration and complete state. Used by `npm run sim -- --json` and by the
// determinism test (same scenario → identical text).
import { frameLines, type Timeline } from '../timeline';
import type { Copy, WorldState } from '../model/state';

/**
 * A copy as JSON, made once per copy: copies are immutable and shared between
 * frames, so a long timeline's thousands of frames reuse the same objects
 * (serialising a 2,400-frame run spent most of its time rebuilding them).
 */
const copyJSON = new WeakMap<Copy, { readonly key: string; readonly json: Record<string, unknown> }>();
function jsonOfCopy(key: string, c: Copy): Record<string, unknown> {
  const known = copyJSON.get(c);
  if (known && known.key === key) return known.json;
  const json = { key, ...c };
  copyJSON.set(c, { key, json });
  return json;
}

export function stateToJSON(s: WorldState) {
  const places: Record<string, Array<Record<string, unknown>>> = {};
  for (const place of [...s.places.keys()].sort()) places[place] = [...s.places.get(place)!.entries()].map(([key, c]) => jsonOfCopy(key, c));
  return {
    time: s.time,
    serverGeneration: s.serverGeneration,
    serverDown: s.serverDown,
    breached: s.breached,
    serverBackups: s.serverBackups,
    places,
    folderMeta: Object.fromEntries([...s.folderMeta.entries()].sort(([a], [b]) => (a < b ? -1 : 1))),
    devices: Object.fromEntries(s.devices),
    deletedByUser: [...s.deletedByUser].sort(),
    bounced: [...s.bounced].sort(),
    lastSync: Object.fromEntries(s.lastSync),
  };
}

export function timelineToJSON(t: Timeline) {
  return {
    scenario: t.scenarioId,
    variant: t.variant,
    stepStarts: t.stepStarts,
    frames: t.frames.map((f) => ({
      index: f.index,
      time: f.time,
      step: f.step,
      micro: f.micro,
      label: f.label,
      actor: f.actor,
      narration: f.narration,
      ...(f.note ? { note: f.note } : {}),
      transfers: f.transfers,
      sessions: f.sessions,
      lines: frameLines(f),
      state: stateToJSON(f.state),
    })),
  };
}
