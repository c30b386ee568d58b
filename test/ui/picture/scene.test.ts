import { describe, expect, it } from 'vitest';
import { slotPoint } from '../../../src/ui/picture/layout';
import { buildScene, withLost } from '../../../src/ui/picture/scene';
import { copiesOf, fixtureFrames } from '../fixture';
import { annaAndLaptop } from './pictureFixture';

const layout = annaAndLaptop(3, 3);

const scene = (i: number, animate = true, lost: string[] = []) =>
  buildScene({
    now: withLost(copiesOf(fixtureFrames[i]), lost, layout.lostPlace),
    before: animate ? copiesOf(fixtureFrames[i - 1]) : null,
    transfers: fixtureFrames[i].transfers,
    layout,
  });

describe('scene: what travels where', () => {
  it('a delivered mail comes in from the Internet', () => {
    const s = scene(1);
    expect(s.tokens).toHaveLength(1);
    expect(s.tokens[0]).toMatchObject({ mail: 'm1', place: 'server/anna/INBOX', entering: true, travelled: true, from: layout.internet });
  });
  it('a fetched copy splits off the server copy and travels to the laptop', () => {
    const s = scene(2);
    const server = s.tokens.find((t) => t.place === 'server/anna/INBOX')!;
    const laptop = s.tokens.find((t) => t.place === 'device/laptop/Inbox')!;
    expect(server.entering).toBe(false);
    expect(laptop.travelled).toBe(true);
    expect(laptop.from).toEqual(server.to);
    expect(laptop.to).toEqual(slotPoint(layout.folders.get('device/laptop/Inbox')!, 0));
  });
  it('the server copy removed at QUIT fades out as a ghost', () => {
    const s = scene(3);
    expect(s.tokens.map((t) => t.place)).toEqual(['device/laptop/Inbox']);
    expect(s.ghosts).toMatchObject([{ mail: 'm1', destroyed: false }]);
  });
  it('a disk failure drops the last copy into "lost"', () => {
    const s = scene(4, true, ['m1']);
    const lost = s.tokens.find((t) => t.place === layout.lostPlace)!;
    expect(lost.travelled).toBe(true);
    expect(lost.from).toEqual(slotPoint(layout.folders.get('device/laptop/Inbox')!, 0));
    expect(s.ghosts).toMatchObject([{ destroyed: true }]);
  });
  it('seeking draws the frame settled: nothing travels, no ghosts', () => {
    const s = scene(3, false);
    expect(s.ghosts).toHaveLength(0);
    expect(s.tokens.every((t) => t.from === t.to && !t.entering)).toBe(true);
  });
  it('a crowded folder collapses into a count that names how many are hidden', () => {
    const many = new Map([['server/anna/INBOX', Array.from({ length: 200 }, (_, i) => ({ mail: `m${i}`, key: String(i), flags: 0 }))]]);
    const s = buildScene({ now: many, before: null, transfers: [], layout });
    const visible = s.tokens.filter((t) => !t.overflow).length;
    expect(s.badges).toHaveLength(1);
    expect(visible + s.badges[0].hidden).toBe(200);
    expect(s.badges[0].total).toBe(200);
  });
});
