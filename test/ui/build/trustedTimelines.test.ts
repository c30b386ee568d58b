// A built-in scenario's timeline simulated at build time must be the very
// timeline the page would simulate: packed, unpacked and rebuilt, every frame's
// data and world state equal the engine's own run (a Map, a Set or an undefined
// lost on the way would change what the picture shows).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioText, simulate, type Scenario } from '../../../src/sim';
import { MAX_PACKED_FRAMES, packedTimelineOf } from '../../../src/ui/build/trustedTimelines';
import { packTimeline, unpackTimeline } from '../../../src/ui/embed/packedTimeline';
import { fromTransport } from '../../../src/ui/worker/timelineTransport';
import { copiesByPlace } from '../../../src/sim';

function builtIn(id: string): Scenario {
  const r = loadScenarioText(`scenarios/${id}.json`, readFileSync(`scenarios/${id}.json`, 'utf8'));
  if (!r.ok) throw new Error(`${id} does not load`);
  return { ...r.scenario, variants: {} };
}

describe('timelines simulated at build time', () => {
  it('pop3-three-devices unpacks to the same 25 frames, with the same copies in every place', () => {
    const scenario = builtIn('pop3-three-devices');
    const packed = packedTimelineOf(scenario);
    expect(packed.ok).toBe(true);
    if (!packed.ok) return;
    expect(packed.frames).toBe(25);
    const page = fromTransport(unpackTimeline(packed.text));
    const engine = simulate(scenario);
    expect(page.frames.length).toBe(engine.frames.length);
    // Where every mail is, frame by frame, as the picture reads it.
    for (let i = 0; i < engine.frames.length; i++) expect(copiesByPlace(page.frames[i].state)).toEqual(copiesByPlace(engine.frames[i].state));
    // As data (the engine makes its most frequent copies with `new`; the page gets plain objects).
    expect(page.frames[engine.frames.length - 1].state).toStrictEqual(structuredClone(engine.frames[engine.frames.length - 1].state));
  });

  it('a long scenario is left to the page', () => {
    const packed = packedTimelineOf(builtIn('imap-big-mailbox-slow-link'));
    expect(packed.ok).toBe(false);
    if (!packed.ok) expect(packed.why).toContain(String(MAX_PACKED_FRAMES));
  });

  it('keeps Maps, Sets, undefined and non-finite numbers, and refuses an object that looks tagged', () => {
    const x = { scenarioId: 's', variant: null, world: {} as never, stepStarts: [0], frames: [], snapshots: new Map([[0, { m: new Map([['a', new Set([1, 2])]]), u: undefined, n: -Infinity, z: -0 } as never]]) };
    const back = unpackTimeline(packTimeline(x));
    expect(back).toStrictEqual(x);
    expect(() => packTimeline({ ...x, world: { $t: 'map' } as never })).toThrow(/\$t/);
  });
});
