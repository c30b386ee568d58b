import { describe, expect, it } from 'vitest';
import { capacity, computeLayout, slotPoint, type LayoutInput } from '../../../src/ui/picture/layout';

const device = (id: string, protocol: 'pop3' | 'imap' = 'pop3', kind = 'laptop') => ({ id, kind, protocol, account: 'anna' }) as unknown as LayoutInput['world']['devices'][number];

function input(devices: number, width: number, inbox = 5): LayoutInput {
  const devs = Array.from({ length: devices }, (_, i) => device(`d${i + 1}`, i % 2 ? 'imap' : 'pop3'));
  const places = new Map<string, number>([['server/anna/INBOX', inbox], ['queue', 1], ['outside/ben@example.net', 2]]);
  devs.forEach((d) => places.set(`device/${d.id}/${d.protocol === 'pop3' ? 'Inbox' : 'INBOX'}`, 3));
  return { world: { accounts: [{ id: 'anna' }], devices: devs } as unknown as LayoutInput['world'], places, width, lostMax: 2, intruder: true };
}

function overlap(a: { x: number; y: number; w: number; h: number }, b: typeof a) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

describe('layout', () => {
  for (const width of [360, 820, 1200])
    for (let n = 1; n <= 6; n++)
      it(`${n} device(s) at ${width}px: regions stay inside the width and never overlap`, () => {
        const l = computeLayout(input(n, width));
        expect(l.regions.filter((r) => r.kind === 'device')).toHaveLength(n);
        for (const r of l.regions) expect(r.x + r.w).toBeLessThanOrEqual(l.width + 0.5);
        for (let i = 0; i < l.regions.length; i++)
          for (let j = i + 1; j < l.regions.length; j++) expect(overlap(l.regions[i], l.regions[j]), `${l.regions[i].kind}/${l.regions[i].id} vs ${l.regions[j].kind}/${l.regions[j].id}`).toBe(false);
        for (const f of l.folders.values()) {
          const last = slotPoint(f, capacity(f) - 1);
          expect(last.x).toBeLessThanOrEqual(f.x + f.w);
          expect(last.y).toBeLessThanOrEqual(f.y + f.h);
        }
      });

  it('every place the timeline uses gets a folder, plus the lost place', () => {
    const l = computeLayout(input(2, 900));
    for (const p of ['server/anna/INBOX', 'queue', 'outside/ben@example.net', 'device/d1/Inbox', 'device/d2/INBOX', 'lost', 'intruder']) expect(l.folders.has(p), p).toBe(true);
  });

  it('a folder that will hold 200 mails is capped: it collapses rather than growing without end', () => {
    const l = computeLayout(input(1, 900, 200));
    const inbox = l.folders.get('server/anna/INBOX')!;
    expect(inbox.rows).toBeLessThanOrEqual(5);
    expect(capacity(inbox)).toBeLessThan(200);
  });

  it('webmail gets a window and no folders', () => {
    const base = input(1, 900);
    const world = { ...base.world, devices: [...base.world.devices, device('web', 'imap', 'webmail')] } as LayoutInput['world'];
    const l = computeLayout({ ...base, world });
    expect(l.regions.find((r) => r.id === 'web')?.kind).toBe('webmail');
    expect([...l.folders.keys()].some((p) => p.startsWith('device/web/'))).toBe(false);
  });
});

describe('the projector scale', () => {
  it('draws mails larger and keeps the regions apart', async () => {
    const { PROJECTOR, DESK } = await import('../../../src/ui/picture/geometry');
    const desk = computeLayout(input(4, 1280));
    const big = computeLayout({ ...input(4, 1280), scale: PROJECTOR });
    expect(big.scale.tokenW).toBeGreaterThan(2 * DESK.tokenW);
    const inbox = big.folders.get('server/anna/INBOX')!;
    expect(inbox.cell).toBe(PROJECTOR.cell);
    expect(slotPoint(inbox, 1).x - slotPoint(inbox, 0).x).toBe(PROJECTOR.cell);
    expect(big.height).toBeGreaterThan(desk.height);
    for (let i = 0; i < big.regions.length; i++)
      for (let j = i + 1; j < big.regions.length; j++) expect(overlap(big.regions[i], big.regions[j])).toBe(false);
  });
  it('a long name is shortened with an ellipsis to fit its box', async () => {
    const { fitText } = await import('../../../src/ui/picture/geometry');
    expect(fitText('Study PC', 300, 25, true)).toBe('Study PC');
    const short = fitText('PC im Arbeitszimmer von Anna und Ben', 200, 25, true);
    expect(short.endsWith('…')).toBe(true);
    expect(short.length).toBeLessThan(20);
  });
});

describe('a wide region at projector scale', () => {
  it('puts its folders side by side instead of one long stack, without overlaps', async () => {
    const { PROJECTOR } = await import('../../../src/ui/picture/geometry');
    const base = input(1, 1280);
    const places = new Map(base.places);
    for (const f of ['Outbox', 'Sent', 'Trash', 'Archive']) places.set(`device/d1/${f}`, 2);
    const l = computeLayout({ ...base, places, scale: PROJECTOR });
    const boxes = [...l.folders.values()].filter((f) => f.place.startsWith('device/d1/'));
    expect(new Set(boxes.map((b) => b.x)).size).toBeGreaterThan(1);
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i], boxes[j]), `${boxes[i].place} vs ${boxes[j].place}`).toBe(false);
    const device = l.regions.find((r) => r.id === 'd1')!;
    for (const b of boxes) expect(b.x + b.w).toBeLessThanOrEqual(device.x + device.w);
  });
});
