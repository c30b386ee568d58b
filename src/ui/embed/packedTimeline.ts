// A built-in scenario's timeline, simulated when the site was built (the engine
// is deterministic: the same scenario gives the same timeline, here or in the
// reader's browser), written as text the embed unpacks instead of simulating.
// JSON cannot hold a Map, a Set, undefined or a non-finite number, which the
// engine's states and frames use; they are written as tagged objects. The build
// checks that unpacking gives back exactly the timeline it simulated
// (src/ui/build/trustedTimelines.ts), and leaves a scenario out otherwise.
import type { TimelineTransport } from '../worker/timelineTransport';

const TAG = '$t';

type Tagged = { [TAG]: 'map'; v: [unknown, unknown][] } | { [TAG]: 'set'; v: unknown[] } | { [TAG]: 'undefined' } | { [TAG]: 'number'; v: string };

function replacer(this: unknown, _key: string, value: unknown): unknown {
  if (value instanceof Map) return { [TAG]: 'map', v: [...value] } satisfies Tagged;
  if (value instanceof Set) return { [TAG]: 'set', v: [...value] } satisfies Tagged;
  if (value === undefined) return { [TAG]: 'undefined' } satisfies Tagged;
  if (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0))) return { [TAG]: 'number', v: String(Object.is(value, -0) ? '-0' : value) } satisfies Tagged;
  if (value && typeof value === 'object' && !Array.isArray(value) && TAG in value) throw new Error(`packTimeline: an object already has the key ${TAG}`);
  return value;
}

/** Restore what the replacer tagged; a key whose value was undefined is kept with undefined (as it was). */
function revive(value: unknown): unknown {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = revive(value[i]);
    return value;
  }
  if (!value || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  const tag = o[TAG];
  if (tag === 'map') return new Map((o.v as [unknown, unknown][]).map(([k, v]) => [revive(k), revive(v)]));
  if (tag === 'set') return new Set((o.v as unknown[]).map(revive));
  if (tag === 'undefined') return undefined;
  if (tag === 'number') return Number(o.v);
  for (const k of Object.keys(o)) o[k] = revive(o[k]);
  return o;
}

export function packTimeline(x: TimelineTransport): string {
  return JSON.stringify({ ...x, snapshots: x.snapshots }, replacer);
}

export function unpackTimeline(text: string): TimelineTransport {
  return revive(JSON.parse(text)) as TimelineTransport;
}
