// The recorder makes the packs of lines and the sessions the timeline keeps
// with `new` (no object literal whose allocation site V8 would move to the old
// generation): they must read, copy and write exactly as the literals did, the
// same fields in the same order, and arrive through a worker's structured clone
// as the same plain data.
import { describe, expect, it } from 'vitest';
import { Recorder } from '../../../src/sim/recorder/recorder';
import { MailStore } from '../../../src/sim/store/store';
import { Timeline, frameLines } from '../../../src/sim/timeline';

function recorded() {
  const timeline = new Timeline('t', null, {} as never);
  const rec = new Recorder(timeline, new MailStore());
  const s = rec.openSession({ protocol: 'POP3', client: 'pc', account: 'ben', tls: true, port: 995 });
  rec.line(s, 'C', 'USER ben');
  rec.line(s, 'S', '+OK');
  rec.lines(s, 'S', ['+OK 2 messages', '1 120', '.']);
  rec.emit('pc', 'pc · LIST', { key: 'k', params: {} });
  return timeline.frames[0];
}

describe('packs and sessions the timeline keeps', () => {
  it('write the fields the literals wrote, in their order', () => {
    const frame = recorded();
    expect(JSON.stringify(frame.sessions)).toBe('[{"protocol":"POP3","client":"pc","account":"ben","tls":true,"port":995,"id":"pc#1","serverGeneration":1}]');
    expect(JSON.stringify(frame.lineSources)).toBe('[{"session":"pc#1","dirs":"CSSSS","texts":["USER ben","+OK","+OK 2 messages","1 120","."]}]');
  });

  it('read as lines and copy as plain data', () => {
    const frame = recorded();
    expect(frameLines(frame).map((l) => `${l.session} ${l.dir} ${l.text}`)).toEqual(['pc#1 C USER ben', 'pc#1 S +OK', 'pc#1 S +OK 2 messages', 'pc#1 S 1 120', 'pc#1 S .']);
    expect(structuredClone(frame.lineSources)).toStrictEqual([{ session: 'pc#1', dirs: 'CSSSS', texts: ['USER ben', '+OK', '+OK 2 messages', '1 120', '.'] }]);
    expect(structuredClone(frame.sessions)).toStrictEqual([{ protocol: 'POP3', client: 'pc', account: 'ben', tls: true, port: 995, id: 'pc#1', serverGeneration: 1 }]);
  });
});
