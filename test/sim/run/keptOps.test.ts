// The clock's ops and a new mail's op and record are made with `new` (no
// object literal whose allocation site V8 would move to the old generation):
// they must write exactly what the literals wrote, the same fields in the same
// order, and arrive through a worker's structured clone as the same plain data.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/sim/run/simulate';
import { loadScenarioData } from '../../../src/sim/scenario/load';

function year() {
  const loaded = loadScenarioData('kept-ops', {
    id: 'kept-ops',
    title: { de: 'Zwei Mails', en: 'Two mails' },
    summary: { de: 'Zwei Mails', en: 'Two mails' },
    world: {
      accounts: [
        { id: 'anna', address: 'anna@example.org' },
        { id: 'ben', address: 'ben@example.org' },
      ],
      devices: [{ id: 'laptop', kind: 'laptop', account: 'anna', protocol: 'imap', checkEveryMinutes: 600 }],
    },
    steps: [
      { at: 'day 1, 08:00', do: 'mail.burst', prefix: 'm', count: 2, everyMinutes: 60, from: 'news@example.com', to: ['anna', 'ben'], sizeKB: 8 },
      { at: 'day 2, 00:00', do: 'world.wait' },
    ],
  });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return simulate(loaded.scenario);
}

describe('ops a run makes with new', () => {
  const timeline = year();
  const ops = timeline.frames.flatMap((f) => f.ops);
  const mail = ops.find((o) => o.op === 'mail')!;
  const time = ops.find((o) => o.op === 'time' && o.time > 0)!;

  it('write the fields the literals wrote, in their order', () => {
    expect(JSON.stringify(mail)).toBe(
      '{"op":"mail","info":{"id":"m1","subject":"m1","from":"news@example.com","to":["anna@example.org","ben@example.org"],"sizeBytes":8192,"owners":["anna","ben"],"createdAt":480}}',
    );
    expect(JSON.stringify(time)).toBe('{"op":"time","time":480}');
    expect(Object.keys(timeline.frames.at(-1)!.state.mails.get('m2')!)).toEqual(['id', 'subject', 'from', 'to', 'sizeBytes', 'owners', 'createdAt']);
  });

  it('copy as plain data', () => {
    expect(structuredClone(mail)).toStrictEqual({
      op: 'mail',
      info: { id: 'm1', subject: 'm1', from: 'news@example.com', to: ['anna@example.org', 'ben@example.org'], sizeBytes: 8192, owners: ['anna', 'ben'], createdAt: 480 },
    });
    expect(structuredClone(time)).toStrictEqual({ op: 'time', time: 480 });
  });
});
