// A mail from an outside sender is delivered from the sender's mailbox, which
// holds no copy in the picture: its arrival still gets a drawn path, from the
// senders' region (or the sender's own folder there, once one is drawn).
import { describe, expect, it } from 'vitest';
import { computeLayout, type LayoutInput } from '../../../src/ui/picture/layout';
import { buildScene } from '../../../src/ui/picture/scene';
import { buildStory } from '../../../src/ui/picture/story';
import { copiesOf, fixtureFrames } from '../fixture';
import type { Transfer } from '../../../src/sim';

const world = { accounts: [{ id: 'anna' }], devices: [{ id: 'laptop', kind: 'laptop', protocol: 'pop3', account: 'anna' }] } as unknown as LayoutInput['world'];
const layoutWith = (places: [string, number][]) => computeLayout({ world, places: new Map(places), width: 900, lostMax: 1, intruder: false });

function arrival(layout: ReturnType<typeof layoutWith>) {
  const base = fixtureFrames[1].transfers.find((t) => t.mail === 'm1')!;
  const transfers: Transfer[] = [{ ...base, from: 'outside/bob@example.com' }];
  const now = copiesOf(fixtureFrames[1]);
  const before = copiesOf(fixtureFrames[0]);
  return { scene: buildScene({ now, before, transfers, layout }), now, before };
}

describe('the arrival of a mail from outside', () => {
  it('travels from the senders’ region and leaves a path', () => {
    const layout = layoutWith([['server/anna/INBOX', 3], ['device/laptop/Inbox', 3]]);
    const { scene, now, before } = arrival(layout);
    expect(scene.tokens[0]).toMatchObject({ mail: 'm1', travelled: true, from: layout.internet });
    const story = buildStory({ frames: [{ index: 1, scene }], before, now, layout });
    expect(story.paths).toHaveLength(1);
    expect(story.paths[0]).toMatchObject({ mail: 'm1', current: true });
  });
  it('starts at the sender’s own folder when the picture draws one', () => {
    const layout = layoutWith([['server/anna/INBOX', 3], ['device/laptop/Inbox', 3], ['outside/bob@example.com', 1]]);
    const folder = layout.folders.get('outside/bob@example.com')!;
    const { scene } = arrival(layout);
    expect(scene.tokens[0].from).toEqual({ x: folder.x + folder.w / 2, y: folder.y + folder.h / 2 });
  });
});
