// An IDLE push kept as steps and written out when read must read exactly as
// the lines the wire writes at once: the same lines in the same order, counted
// the same by the work cap, and in a frame's order among other lines.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeStep, imapStepLines, stepLineCount, stepValueCount, writeStep, type ImapStep } from '../../../src/sim/recorder/imapSteps';
import { fetchLinesText, type FetchedMessage } from '../../../src/sim/protocol/imapFetch';
import { Recorder } from '../../../src/sim/recorder/recorder';
import { WorkCapExceeded, WorkGuard } from '../../../src/sim/recorder/workGuard';
import { MailStore } from '../../../src/sim/store/store';
import { Timeline, frameLines, type SessionInfo } from '../../../src/sim/timeline';
import { loadScenarioText, simulate } from '../../../src/sim';
import { fetchedMessage as message } from '../protocol/fetchedMessageArb';

const line = fc.stringMatching(/^\* [0-9]{1,5} [A-Z]{4,8}$/);
const tag = fc.integer({ min: 1, max: 50_000 }).map((n) => `a${n}`);
const step: fc.Arbitrary<ImapStep> = fc.oneof(
  fc.record({ kind: fc.constant('news' as const), lines: fc.array(line, { minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('done' as const), tag, status: fc.constant('OK Idle completed (0.001 + 0.000 secs).') }),
  fc.record({ kind: fc.constant('idle' as const), tag, continuation: fc.constant('+ idling') }),
  fc.record({ kind: fc.constant('command' as const), tag, text: fc.constant('NOOP'), untagged: fc.array(line, { maxLength: 4 }), status: fc.constant('OK NOOP completed (0.001 + 0.000 secs).') }),
  fc.record({ kind: fc.constant('command' as const), tag, text: fc.constant('UID FETCH 2:* (UID FLAGS)'), untagged: fc.record({ fetched: fc.array(message, { maxLength: 4 }) }), status: fc.constant('OK Fetch completed (0.001 + 0.000 secs).') }),
);

/** The lines as the wire writes them at once (run/wire.ts). */
function written(s: ImapStep): Array<[dir: 'C' | 'S', text: string]> {
  switch (s.kind) {
    case 'news':
      return s.lines.map((t) => ['S', t]);
    case 'done':
      return [['C', 'DONE'], ['S', `${s.tag} ${s.status}`]];
    case 'idle':
      return [['C', `${s.tag} IDLE`], ['S', s.continuation]];
    case 'command': {
      const untagged = Array.isArray(s.untagged) ? s.untagged : fetchLinesText(s.untagged as { fetched: FetchedMessage[] });
      return [['C', `${s.tag} ${s.text}`], ...untagged.map((t): ['S', string] => ['S', t]), ['S', `${s.tag} ${s.status}`]];
    }
  }
}

describe('an IDLE push kept as steps', () => {
  it('writes the lines the wire writes, as many as it counts', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 8 }), (steps) => {
        const values: Array<string | number> = [];
        for (const s of steps) encodeStep(s, values);
        const lines = imapStepLines('phone#2', values);
        expect(lines.map((l) => [l.dir, l.text])).toEqual(steps.flatMap(written));
        expect(lines.every((l) => l.session === 'phone#2')).toBe(true);
        expect(steps.reduce((n, s) => n + stepLineCount(s), 0)).toBe(lines.length);
      }),
    );
  });

  it('a step written into a list made with room for exactly its values fills it as appending does', () => {
    fc.assert(
      fc.property(step, (s) => {
        const appended: Array<string | number> = [];
        encodeStep(s, appended);
        const sized = new Array<string | number>(stepValueCount(s));
        expect(writeStep(s, sized, 0)).toBe(sized.length);
        expect(sized).toEqual(appended);
      }),
    );
  });

  it('keeps its place among the frame\'s other lines (before, after, another session between)', () => {
    const store = new MailStore();
    const timeline = new Timeline('t', null, {} as never);
    const rec = new Recorder(timeline, store);
    const session = (client: string): SessionInfo => rec.openSession({ protocol: 'IMAP', client, account: 'alice', tls: true, port: 993 });
    const phone = session('phone');
    const laptop = session('laptop');
    rec.line(phone, 'C', 'a5 NOOP');
    rec.imapStep(phone, { kind: 'news', lines: ['* 2 EXISTS'] });
    rec.imapStep(phone, { kind: 'done', tag: 'a7', status: 'OK Idle completed.' });
    rec.line(laptop, 'C', 'a1 LOGOUT');
    rec.imapStep(phone, { kind: 'idle', tag: 'a8', continuation: '+ idling' });
    rec.line(phone, 'S', '* BYE');
    rec.emit('phone', 'x', { key: 'k', params: {} });
    const lines = frameLines(timeline.frames[0]).map((l) => `${l.session} ${l.dir} ${l.text}`);
    expect(lines).toEqual(['phone#1 C a5 NOOP', 'phone#1 S * 2 EXISTS', 'phone#1 C DONE', 'phone#1 S a7 OK Idle completed.', 'laptop#2 C a1 LOGOUT', 'phone#1 C a8 IDLE', 'phone#1 S + idling', 'phone#1 S * BYE']);
  });

  it('a push of new mail to a phone in IDLE is one line source of the push\'s lines, from the news to IDLE again', () => {
    const file = 'imap-push-idle.json';
    const r = loadScenarioText(file, readFileSync(join(import.meta.dirname, '../../../scenarios', file), 'utf8'));
    if (!r.ok) throw new Error(file);
    const push = simulate(r.scenario).frames.find((f) => f.narration.key === 'imap.idlePush');
    expect(push).toBeDefined();
    expect(push!.lineSources).toHaveLength(1);
    expect(typeof push!.lineSources[0]).toBe('function');
    const texts = frameLines(push!).map((l) => `${l.dir} ${l.text}`);
    expect(texts[0]).toMatch(/^S \* \d+ EXISTS$/);
    expect(texts).toContain('C DONE');
    expect(texts.some((t) => /^C a\d+ UID FETCH \d+:\* \(UID FLAGS\)$/.test(t))).toBe(true);
    expect(texts.slice(-2)).toEqual([expect.stringMatching(/^C a\d+ IDLE$/), 'S + idling']);
  });

  it('a FETCH kept as a step on its own reads as written and is counted line by line: the cap stops at the first line past it', () => {
    const fetched: FetchedMessage[] = [1, 2, 3].map((n) => ({ seq: n, uid: n + 10, flags: 0, recent: false, size: 8192, sizeAsked: true, literal: 'header', mail: `m${n}` }));
    const fetch: ImapStep = { kind: 'command', tag: 'a4', text: 'UID FETCH 11:13 (UID FLAGS RFC822.SIZE BODY.PEEK[HEADER])', untagged: { fetched }, status: 'OK Fetch completed.' };
    const record = (cap: number) => {
      const timeline = new Timeline('t', null, {} as never);
      const rec = new Recorder(timeline, new MailStore());
      rec.guard = new WorkGuard({ frames: 99, ops: 99, lines: cap, events: 99 }, () => ({ step: 0, between: false, time: 0 }));
      const laptop = rec.openSession({ protocol: 'IMAP', client: 'laptop', account: 'alice', tls: true, port: 993 });
      rec.line(laptop, 'S', '* OK ready');
      rec.countLines(1);
      rec.imapCommand(laptop, fetch, 1);
      rec.line(laptop, 'C', 'a5 LOGOUT');
      rec.emit('laptop', 'x', { key: 'k', params: {} });
      return timeline;
    };
    const lines = frameLines(record(99).frames[0]).map((l) => `${l.dir} ${l.text}`);
    expect(lines).toEqual(['S * OK ready', `C a4 ${fetch.text}`, ...fetchLinesText({ fetched }).map((t) => `S ${t}`), 'S a4 OK Fetch completed.', 'C a5 LOGOUT']);
    // 1 + 1 + 9 FETCH lines + 1 + 1 = 13 lines: every cap below stops one line past it.
    for (let cap = 1; cap < 13; cap++) {
      const thrown = (() => {
        try {
          record(cap);
        } catch (e) {
          return e;
        }
      })();
      expect(thrown).toBeInstanceOf(WorkCapExceeded);
      expect((thrown as WorkCapExceeded).counts.lines).toBe(cap + 1);
    }
  });
});
