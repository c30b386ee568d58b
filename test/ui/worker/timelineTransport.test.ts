// A timeline that crossed from the worker (structured clone) is the same
// timeline: every frame and protocol line, and the state of frames read in
// and out of order, identical to the one simulated.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { frameLines, loadScenarioText, simulate, type Frame, type Timeline } from '../../../src/sim';
import { stateToJSON } from '../../../src/sim/run/serialize';
import { frameDataOf, fromTransport, toTransport } from '../../../src/ui/worker/timelineTransport';

const files = readdirSync('scenarios').filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));

// Every field by name (a frame may keep fields behind getters, which a spread leaves out).
const frameText = (t: Timeline, i: number) => JSON.stringify({ ...frameDataOf(t.frames[i], []), index: t.frames[i].index, lines: frameLines(t.frames[i]) });

const FIELDS = ['time', 'step', 'micro', 'label', 'actor', 'transfers', 'sessions', 'narration', 'note', 'ops'] as const;

/** A frame whose every field is a getter on its prototype, none its own. */
class FrameBehindGetters {
  constructor(private readonly f: Frame) {}
  get index() { return this.f.index; }
  get time() { return this.f.time; }
  get step() { return this.f.step; }
  get micro() { return this.f.micro; }
  get label() { return this.f.label; }
  get actor() { return this.f.actor; }
  get transfers() { return this.f.transfers; }
  get lineSources() { return this.f.lineSources; }
  get sessions() { return this.f.sessions; }
  get narration() { return this.f.narration; }
  get note() { return this.f.note; }
  get ops() { return this.f.ops; }
  get state() { return this.f.state; }
}

describe('timeline transport', { timeout: 120_000 }, () => {
  it.each(files)('%s arrives identical', (file) => {
    const r = loadScenarioText(file, readFileSync(join('scenarios', file), 'utf8'));
    if (!r.ok) throw new Error('bad scenario');
    for (const variant of [null, ...Object.keys(r.scenario.variants)]) {
      const original = simulate(r.scenario, { variant });
      const copy = fromTransport(structuredClone(toTransport(original)));
      const n = original.frames.length;
      expect(copy.frames.length).toBe(n);
      expect(copy.stepStarts).toEqual(original.stepStarts);
      expect(copy.world).toEqual(original.world);
      for (let i = 0; i < n; i++) expect(frameText(copy, i), `frame ${i}`).toBe(frameText(original, i));
      // States: backwards, then a stride through, so snapshots and replays are both exercised.
      const stride = Math.max(1, Math.floor(n / 40));
      const order = [n - 1, 0, ...Array.from({ length: Math.ceil(n / stride) }, (_, k) => Math.min(n - 1, k * stride)), Math.floor(n / 2)];
      for (const i of order) expect(JSON.stringify(stateToJSON(copy.frames[i].state)), `state ${i}`).toBe(JSON.stringify(stateToJSON(original.frames[i].state)));
    }
  });

  it('carries every field of a frame, own or read through a getter', () => {
    const r = loadScenarioText('pop3-three-devices.json', readFileSync(join('scenarios', 'pop3-three-devices.json'), 'utf8'));
    if (!r.ok) throw new Error('bad scenario');
    const original = simulate(r.scenario);
    const behindGetters = { ...original, scenarioId: original.scenarioId, variant: original.variant, world: original.world, stepStarts: original.stepStarts, frames: original.frames.map((f) => new FrameBehindGetters(f) as unknown as Frame) } as Timeline;
    const sent = toTransport(behindGetters);
    const copy = fromTransport(structuredClone(sent));
    for (let i = 0; i < original.frames.length; i++) {
      for (const field of FIELDS) {
        expect(sent.frames[i][field], `frame ${i} ${field} sent`).toEqual(original.frames[i][field]);
        expect(copy.frames[i][field], `frame ${i} ${field} arrived`).toEqual(original.frames[i][field]);
      }
      expect(frameLines(copy.frames[i]), `frame ${i} lines`).toEqual(frameLines(original.frames[i]));
    }
  });
});
