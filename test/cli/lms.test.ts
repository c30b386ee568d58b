// The CLI's lecture commands: the list counts questions, --questions prints
// each with the answer the run gives, --moodle writes the XML.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main';
import { parseLmsArgs } from '../../src/cli/lms';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
  return { out, err };
}

afterEach(() => vi.restoreAllMocks());

describe('lecture commands', () => {
  it('--list shows how many questions each scenario asks', async () => {
    const { out } = capture();
    expect(await main(['--list'])).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/scenario\s+proves\s+refutes\s+variants\s+questions\s+title/);
    expect(text).toMatch(/pop3-three-devices\s+P9 P8 P11\s+-\s+\S+\s+5\s/);
    // Counted from the files themselves, so a new scenario does not need this test changed.
    const files = readdirSync('scenarios').filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));
    const asked = files.map((f) => (JSON.parse(readFileSync(`scenarios/${f}`, 'utf8')) as { questions?: unknown[] }).questions?.length ?? 0);
    expect(text).toContain(`${files.length} scenarios, ${asked.filter((n) => n > 0).length} of them with questions (${asked.reduce((a, b) => a + b, 0)} questions).`);
  });

  it('FILE --questions prints each question with the answer from the run, in German too', async () => {
    const { out } = capture();
    expect(await main(['scenarios/pop3-three-devices.json', '--questions'])).toBe(0);
    expect(out.join('\n')).toContain("After this step: where is message 1? Choose every place that holds a copy.\n   → on Anna's phone");
    out.length = 0;
    expect(await main(['pop3-three-devices', '--questions', '--lang', 'de'])).toBe(0);
    expect(out.join('\n')).toContain('Nach diesem Schritt: Liegt Nachricht 5 noch auf dem Server?\n   → Nein');
  });

  it('--moodle writes one file for several scenarios; a missing file is named', async () => {
    const { err } = capture();
    const file = join(mkdtempSync(join(tmpdir(), 'moodle-')), 'quiz.xml');
    expect(await main(['--moodle', 'pop3-three-devices', 'scenarios/quota-full-bounce.json', '--out', file])).toBe(0);
    const xml = readFileSync(file, 'utf8');
    expect(xml.match(/<question type="category">/g)).toHaveLength(2);
    expect(xml.match(/<question type="(multichoice|truefalse|numerical)">/g)).toHaveLength(9);
    expect(await main(['--moodle', 'no-such-scenario'])).toBe(1);
    expect(err.join('\n')).toContain('no-such-scenario: cannot read the file');
  });

  it('reads files, --out and --lang after the command', () => {
    expect(parseLmsArgs(['--scorm', 'a.json', 'b', '--out', 'x.zip', '--lang', 'de'])).toEqual({ files: ['a.json', 'b'], out: 'x.zip', lang: 'de' });
    expect(parseLmsArgs(['--moodle', 'a']).lang).toBe('multilang');
  });
});
