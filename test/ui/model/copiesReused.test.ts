// A frame's copies, listed as the simulation lists them, with the lists of the
// folders a change did not touch kept from the frame before (the player lists
// only what changed while it plays; the scene skips an unchanged place).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { copiesByPlace, loadScenarioText, simulate, type Timeline } from '../../../src/sim';
import { copiesReused } from '../../../src/ui/model/copiesReused';
import { computeLayout } from '../../../src/ui/picture/layout';
import { buildScene } from '../../../src/ui/picture/scene';
import { indexTimeline } from '../../../src/ui/model/timelineIndex';
import { lostMails } from '../../../src/ui/model/lost';

function timelineOf(name: string): { timeline: Timeline; scenario: ReturnType<typeof load> } {
  const scenario = load(name);
  return { timeline: simulate(scenario), scenario };
}
function load(name: string) {
  const r = loadScenarioText(name, readFileSync(`scenarios/${name}`, 'utf8'));
  if (!r.ok) throw new Error(`${name} does not load`);
  return r.scenario;
}

describe('copiesReused', () => {
  it('lists every frame exactly as copiesByPlace does: places sorted, copies in their folder’s order', () => {
    for (const name of ['pop3-three-devices.json', 'imap-disk-failure.json', 'provider-move-pop3-duplicates.json']) {
      const { timeline } = timelineOf(name);
      const copiesOf = copiesReused();
      for (const f of timeline.frames) {
        const mine = copiesOf(f.state);
        expect([...mine.keys()], `${name} frame ${f.index}`).toEqual([...copiesByPlace(f.state).keys()]);
        expect(mine, `${name} frame ${f.index}`).toEqual(copiesByPlace(f.state));
      }
    }
  });

  it('keeps the list of a place the change did not touch, and lists the touched place anew', () => {
    const { timeline } = timelineOf('pop3-three-devices.json');
    const copiesOf = copiesReused();
    let kept = 0;
    let listed = 0;
    for (let i = 1; i < timeline.frames.length; i++) {
      const before = timeline.frames[i - 1].state;
      const now = timeline.frames[i].state;
      const a = copiesOf(before);
      const b = copiesOf(now);
      for (const [place, list] of b) {
        if (!a.has(place)) continue;
        const same = before.places.get(place) === now.places.get(place);
        expect(list === a.get(place), `frame ${i} ${place}`).toBe(same);
        if (same) kept++;
        else listed++;
      }
    }
    expect(kept).toBeGreaterThan(0);
    expect(listed).toBeGreaterThan(0);
  });

  it('a played change’s scene is the same from kept lists as from lists made anew (the largest scenario: crowded folders)', () => {
    const { timeline, scenario } = timelineOf('imap-big-mailbox-slow-link.json');
    const index = indexTimeline(timeline, (f) => lostMails(f.state));
    const layout = computeLayout({ world: scenario.world, places: index.places, width: 1100, lostMax: index.lostMax, intruder: index.intruder, replaced: index.replaced });
    const copiesOf = copiesReused();
    let crowded = 0;
    // From the start (folders filling up) and from 60 % on (as the browser benchmarks play it).
    const from = Math.floor(timeline.frames.length * 0.6);
    for (const i of [...Array(60).keys()].map((k) => k + 1).concat([...Array(120).keys()].map((k) => k + from))) {
      const f = timeline.frames[i];
      const prev = timeline.frames[i - 1];
      const kept = buildScene({ now: copiesOf(f.state), before: copiesOf(prev.state), transfers: f.transfers, layout });
      const fresh = buildScene({ now: copiesByPlace(f.state), before: copiesByPlace(prev.state), transfers: f.transfers, layout });
      expect(kept, `frame ${i}`).toEqual(fresh);
      crowded += kept.badges.length;
    }
    expect(crowded, 'the scenario has crowded folders').toBeGreaterThan(0);
  }, 60_000);
});
