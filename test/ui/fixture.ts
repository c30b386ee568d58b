// A small hand-made timeline: mail m1 arrives on the server, the laptop fetches
// it over POP3 and deletes it on the server at QUIT, then the laptop's disk dies.
import type { Timeline, Frame } from '../../src/sim';

type Places = Record<string, Array<{ mail: string; key: string; flags?: number }>>;

function frame(index: number, step: number, time: number, places: Places, transfers: Frame['transfers'] = []): Frame {
  const map = new Map(Object.entries(places).map(([p, list]) => [p, new Map(list.map((c) => [c.key, { mail: c.mail, flags: c.flags ?? 0 }]))]));
  return {
    index,
    time,
    step,
    micro: 0,
    label: `frame ${index}`,
    actor: 'laptop',
    transfers,
    lineSources: [],
    sessions: [],
    narration: { key: 'test', params: {} },
    ops: [],
    state: { places: map } as unknown as Frame['state'],
  } as unknown as Frame;
}

export const fixtureFrames: Frame[] = [
  frame(0, -1, 0, {}),
  frame(1, 0, 540, { 'server/anna/INBOX': [{ mail: 'm1', key: '1' }] }, [{ mail: 'm1', from: null, to: 'server/anna/INBOX', kind: 'deliver', key: '1' }]),
  frame(2, 1, 600, { 'server/anna/INBOX': [{ mail: 'm1', key: '1' }], 'device/laptop/Inbox': [{ mail: 'm1', key: 'a' }] }, [{ mail: 'm1', from: 'server/anna/INBOX', to: 'device/laptop/Inbox', kind: 'copy', key: 'a' }]),
  frame(3, 1, 601, { 'device/laptop/Inbox': [{ mail: 'm1', key: 'a' }] }, [{ mail: 'm1', from: 'server/anna/INBOX', to: null, kind: 'expunge', key: '1' }]),
  frame(4, 2, 900, {}, [{ mail: 'm1', from: 'device/laptop/Inbox', to: null, kind: 'lose', key: 'a' }]),
];

export const fixtureTimeline = { scenarioId: 'fixture', variant: null, frames: fixtureFrames, stepStarts: [1, 2, 4] } as unknown as Timeline;

export const copiesOf = (f: Frame) => {
  const out = new Map<string, Array<{ mail: string; key: string; flags: number }>>();
  for (const [p, m] of f.state.places) out.set(p, [...m].map(([key, c]) => ({ mail: c.mail, key, flags: c.flags })));
  return out;
};
