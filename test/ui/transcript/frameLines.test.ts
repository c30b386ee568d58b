// A transcript's lines, made once per change: the same lines as the timeline's,
// each with the explanation explainKey gives, and the same list when asked again.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { frameLines, loadScenarioText, simulate } from '../../../src/sim';
import { explainKey } from '../../../src/ui/transcript/explain';
import { ExplainedLines } from '../../../src/ui/transcript/frameLines';

const r = loadScenarioText('pop3-three-devices.json', readFileSync('scenarios/pop3-three-devices.json', 'utf8'));
if (!r.ok) throw new Error('bad scenario');
const timeline = simulate(r.scenario);

describe('a transcript’s explained lines', () => {
  it('are the timeline’s lines with their explanations, made once per change', () => {
    const asked: string[] = [];
    const lines = new ExplainedLines(timeline, (session) => (asked.push(session), 'POP3'));
    let explained = 0;
    for (let i = 0; i < timeline.frames.length; i++) {
      const ls = lines.at(i);
      const expected = frameLines(timeline.frames[i]);
      expect(ls.map(({ dir, text, session }) => ({ dir, text, session }))).toEqual(expected.map(({ dir, text, session }) => ({ dir, text, session })));
      ls.forEach((l, k) => expect(l.explainedBy).toBe(explainKey('POP3', expected[k].dir, expected[k].text)));
      explained += ls.filter((l) => l.explainedBy).length;
    }
    expect(explained).toBeGreaterThan(10);
    const once = asked.length;
    for (let i = 0; i < timeline.frames.length; i++) expect(lines.at(i)).toBe(lines.at(i));
    expect(asked.length).toBe(once);
  });
});
