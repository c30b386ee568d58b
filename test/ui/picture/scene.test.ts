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

describe('scene: a place the change did not touch', () => {
  const inbox = Array.from({ length: 200 }, (_, i) => ({ mail: `m${i}`, key: String(i), flags: 0 }));
  const laptopBefore = [{ mail: 'm0', key: 'm0', flags: 0 }];
  const laptopNow = [...laptopBefore, { mail: 'm1', key: 'm1', flags: 0 }];
  const before = new Map([['server/anna/INBOX', inbox], ['device/laptop/Inbox', laptopBefore]]);
  const now = new Map([['server/anna/INBOX', inbox], ['device/laptop/Inbox', laptopNow]]);
  const transfers = [{ kind: 'copy' as const, mail: 'm1', from: 'server/anna/INBOX', to: 'device/laptop/Inbox', key: 'm1' }];

  it('keeps its placement and its tokens from change to change (its list is the same list)', () => {
    const a = buildScene({ now: before, before: null, transfers: [], layout });
    const b = buildScene({ now, before, transfers, layout });
    const server = (s: typeof a) => s.tokens.filter((t) => t.place === 'server/anna/INBOX');
    expect(server(b).length).toBeGreaterThan(0);
    server(b).forEach((t, i) => expect(t, `token ${i}`).toBe(server(a)[i]));
    expect(b.badges[0]).toBe(a.badges[0]);
    // The touched place is placed anew, and its new copy travels from the server's slot.
    const arrived = b.tokens.find((t) => t.place === 'device/laptop/Inbox' && t.mail === 'm1')!;
    expect(arrived).toMatchObject({ travelled: true, entering: true, from: slotPoint(layout.folders.get('server/anna/INBOX')!, 1) });
  });

  it('is drawn as it would be from a copy of its list', () => {
    const copied = new Map([...now].map(([p, l]) => [p, [...l]]));
    const copiedBefore = new Map([...before].map(([p, l]) => [p, [...l]]));
    expect(buildScene({ now, before, transfers, layout })).toEqual(buildScene({ now: copied, before: copiedBefore, transfers, layout }));
  });
});
