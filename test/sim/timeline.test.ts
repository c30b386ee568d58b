// A timeline keeps its frames' lists (ops, transfers, line sources, sessions)
// by column, one list per kind for all frames; a frame reads its own through
// getters. Each frame must read back exactly what it was given, a list being
// gathered must be taken over and start over, and a frame's JSON must list
// every field, in the order frames have always listed them.
import { describe, expect, it } from 'vitest';
import { Timeline, type FrameInput } from '../../src/sim/timeline';
import { emptyState } from '../../src/sim/model/state';
import { WorkList } from '../../src/sim/recorder/workList';
import type { Op } from '../../src/sim/model/ops';
import { Scenario } from '../../src/sim/scenario/schema';

const world = Scenario.parse({ id: 't', title: { de: 't', en: 't' }, summary: { de: 's', en: 's' }, claims: [], topics: ['devices'], world: { accounts: [{ id: 'anna', address: 'anna@example.org' }], devices: [] }, steps: [] }).world;

const time = (t: number): Op => ({ op: 'time', time: t });
const session = (id: string) => ({ id, protocol: 'POP3' as const, client: 'laptop', account: 'anna', serverGeneration: 0, tls: true, port: 995 });

function frame(i: number, lists: Partial<Pick<FrameInput, 'ops' | 'transfers' | 'lineSources' | 'sessions'>>, note?: FrameInput['note']): FrameInput {
  return { time: i, step: 0, micro: i, label: `frame ${i}`, actor: 'laptop', transfers: [], lineSources: [], sessions: [], narration: { key: 'k', params: { i } }, ops: [], ...lists, ...(note ? { note } : {}) };
}

describe('a timeline\'s frames, their lists kept by column', () => {
  it('reads back every frame\'s own lists, empty ones included', () => {
    const t = new Timeline('t', null, world);
    const given: FrameInput[] = [
      frame(0, { ops: [time(1), time(2)], sessions: [session('laptop#1')] }),
      frame(1, {}),
      frame(2, { ops: [time(3)], transfers: [{ mail: 'm1', from: null, to: 'server/anna/INBOX', kind: 'deliver', key: '1' }], lineSources: [{ session: 'laptop#1', dir: 'C', text: 'STAT' }] }),
      frame(3, { ops: [time(4), time(5), time(6)] }),
    ];
    for (const f of given) t.push(f, emptyState(), Infinity);
    given.forEach((f, i) => {
      const read = t.frames[i];
      expect([read.ops, read.transfers, read.lineSources, read.sessions], `frame ${i}`).toEqual([f.ops, f.transfers, f.lineSources, f.sessions]);
      expect([read.time, read.label, read.narration, read.index]).toEqual([f.time, f.label, f.narration, i]);
    });
    expect(Object.isFrozen(t.frames[1].ops)).toBe(true);
  });

  it('reads back each frame\'s narration parameters, names in the order told, and not the engine\'s own object', () => {
    const t = new Timeline('t', null, world);
    const told: Array<Record<string, string | number>> = [{ device: 'laptop', n: 3, folder: 'INBOX' }, {}, { z: 'last', a: 1 }, { mail: 'm1' }];
    told.forEach((params, i) => t.push({ ...frame(i, {}), narration: { key: `k${i}`, params } }, emptyState(), Infinity));
    told[0].n = 4;
    expect(t.frames.map((f) => f.narration)).toEqual([
      { key: 'k0', params: { device: 'laptop', n: 3, folder: 'INBOX' } },
      { key: 'k1', params: {} },
      { key: 'k2', params: { z: 'last', a: 1 } },
      { key: 'k3', params: { mail: 'm1' } },
    ]);
    expect(t.frames.map((f) => Object.keys(f.narration.params))).toEqual([['device', 'n', 'folder'], [], ['z', 'a'], ['mail']]);
  });

  it('takes over a list being gathered, which starts over for the next frame', () => {
    const t = new Timeline('t', null, world);
    const gathering = new WorkList<Op>();
    gathering.push(time(1));
    gathering.push(time(2));
    t.push({ ...frame(0, {}), ops: gathering }, emptyState(), Infinity);
    expect(gathering.length).toBe(0);
    gathering.push(time(3));
    t.push({ ...frame(1, {}), ops: gathering }, emptyState(), Infinity);
    expect(t.frames[0].ops).toEqual([time(1), time(2)]);
    expect(t.frames[1].ops).toEqual([time(3)]);
  });

  it('writes a frame\'s every field to JSON, in the order frames have always listed them', () => {
    const t = new Timeline('t', null, world);
    t.push(frame(0, { ops: [time(1)] }), emptyState(), Infinity);
    t.push(frame(1, {}, { de: 'Notiz', en: 'note' }), emptyState(), Infinity);
    expect(Object.keys(JSON.parse(JSON.stringify(t.frames[0])))).toEqual(['time', 'step', 'micro', 'label', 'actor', 'transfers', 'lineSources', 'sessions', 'narration', 'ops', 'index']);
    expect(JSON.parse(JSON.stringify(t.frames[1]))).toEqual({ time: 1, step: 0, micro: 1, label: 'frame 1', actor: 'laptop', transfers: [], lineSources: [], sessions: [], narration: { key: 'k', params: { i: 1 } }, ops: [], index: 1, note: { de: 'Notiz', en: 'note' } });
  });
});
