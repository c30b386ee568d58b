import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compressToEncodedURIComponent } from 'lz-string';
import { decodeScenario, encodeScenario, MAX_DATA_CHARS } from '../../../src/ui/url/sharedScenario';

const text = readFileSync('scenarios/pop3-single-laptop.json', 'utf8');

describe('a scenario carried in a link', () => {
  it('round-trips through the compressed form', () => {
    const decoded = decodeScenario(encodeScenario(JSON.parse(text)));
    expect(decoded.ok && decoded.scenario.id).toBe('pop3-single-laptop');
  });
  it('a damaged link says it cannot be unpacked', () => {
    const d = decodeScenario('%%%not-lz%%%');
    expect(d.ok).toBe(false);
    expect(!d.ok && d.problems[0]).toMatch(/damaged|cannot be unpacked|not valid JSON/);
  });
  it('an invalid scenario names the path of each problem', () => {
    const data = JSON.parse(text);
    data.world.accounts = [];
    data.steps[0].at = 'tomorrow';
    const d = decodeScenario(compressToEncodedURIComponent(JSON.stringify(data)));
    expect(d.ok).toBe(false);
    const problems = d.ok ? [] : d.problems.join('\n');
    expect(problems).toContain('world.accounts');
    expect(problems).toContain('steps[0].at');
  });
  it('refuses an oversized link before unpacking it', () => {
    const d = decodeScenario('x'.repeat(MAX_DATA_CHARS + 1));
    expect(!d.ok && d.problems[0]).toMatch(/too long/);
  });
});
