import { describe, expect, it } from 'vitest';
import { buildScene, tokenId } from '../../../src/ui/picture/scene';
import { buildStory } from '../../../src/ui/picture/story';
import { transferPath } from '../../../src/ui/picture/transferPaths';
import { copiesOf, fixtureFrames } from '../fixture';
import { annaAndLaptop } from './pictureFixture';

const layout = annaAndLaptop(3, 3);

const scene = (i: number) => buildScene({ now: copiesOf(fixtureFrames[i]), before: copiesOf(fixtureFrames[i - 1]), transfers: fixtureFrames[i].transfers, layout });

// The fixture's step 1 is frames 2 (RETR: a copy to the laptop) and 3 (QUIT: the server copy removed).
describe('the story of a step', () => {
  it('while the copy travels: its path is drawn and the new copy is marked as changed', () => {
    const s = buildStory({ frames: [{ index: 2, scene: scene(2) }], before: copiesOf(fixtureFrames[1]), now: copiesOf(fixtureFrames[2]), layout });
    expect([...s.changed]).toEqual([tokenId('device/laptop/Inbox', 'a')]);
    expect(s.paths).toHaveLength(1);
    expect(s.paths[0]).toMatchObject({ mail: 'm1', current: true });
    expect(s.traces).toHaveLength(0);
  });
  it('one change later the earlier path stays, faded, and the removed server copy leaves a trace', () => {
    const s = buildStory({ frames: [{ index: 2, scene: scene(2) }, { index: 3, scene: scene(3) }], before: copiesOf(fixtureFrames[1]), now: copiesOf(fixtureFrames[3]), layout });
    expect(s.paths.map((p) => p.current)).toEqual([false]);
    expect(s.traces).toMatchObject([{ mail: 'm1' }]);
    expect([...s.changed]).toEqual([tokenId('device/laptop/Inbox', 'a')]);
  });
  it('in a crowded folder only the new copies drawn as tokens are marked, not those counted under the badge', () => {
    const copies = (n: number) => Array.from({ length: n }, (_, i) => ({ mail: `m${i}`, key: `k${i}`, flags: 0 }));
    const before = new Map([['device/laptop/Inbox', copies(2)]]);
    const now = new Map([['device/laptop/Inbox', copies(300)]]);
    // The frame on screen adds the 300th copy to a folder crowded since long before.
    const sc = buildScene({ now, before: new Map([['device/laptop/Inbox', copies(299)]]), transfers: [], layout });
    const shown = sc.tokens.map((t) => t.id);
    expect(shown.length).toBeLessThan(100);
    const s = buildStory({ frames: [{ index: 2, scene: sc }], before, now, layout });
    // The two copies there before the step are not marked; every other token on screen is.
    expect([...s.changed].sort()).toEqual(shown.filter((id) => id !== tokenId('device/laptop/Inbox', 'k0') && id !== tokenId('device/laptop/Inbox', 'k1')).sort());
  });
  it('before the first step there is nothing to tell', () => {
    expect(buildStory({ frames: [], before: null, now: new Map(), layout }).paths).toHaveLength(0);
  });
});

describe('a transfer\u2019s path', () => {
  it('ends short of the envelope it points at, with an arrowhead there', () => {
    const p = transferPath({ x: 0, y: 0 }, { x: 200, y: 0 }, 12, 8)!;
    expect(p.d.startsWith('M0.0,0.0Q')).toBe(true);
    const tip = /^M([\d.-]+),([\d.-]+)/.exec(p.arrow)!;
    expect(Math.hypot(Number(tip[1]) - 200, Number(tip[2]))).toBeCloseTo(12, 0);
    expect(p.length).toBeGreaterThan(170);
  });
  it('no path between two points closer than the envelopes themselves', () => {
    expect(transferPath({ x: 0, y: 0 }, { x: 10, y: 0 }, 12, 8)).toBeNull();
  });
});
