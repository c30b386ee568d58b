// The CLI refuses a scenario over the work budget before simulating, naming
// the file, the fields to change and by how much; and says what to do when
// a file cannot be read.
import { describe, expect, it } from 'vitest';
import { runCli as cli } from './runCli';

describe('npm run sim and the work budget', { timeout: 60_000 }, () => {
  it('refuses the five-bursts scenario at once, naming fields and values', async () => {
    const r = await cli(['test/fuzz/fixtures/hostile-burst.json']);
    // "At once" is shown by the words, not by a clock: "asks for more work" is the estimate made before
    // simulating; a run stopped at the hard cap would say it "needs more work than one run may do".
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/hostile-burst\.json: This scenario asks for more work than is allowed here: about 77 times the limit/);
    expect(r.stderr).toMatch(/steps\[0\]\.count, steps\[1\]\.count … steps\[4\]\.count: 100,000 messages from bursts in all — make it at most 1,308/);
    expect(r.stderr).toMatch(/checkEveryMinutes: a check every 5 min — make the interval at least 396 min/);
    expect(r.stderr).toMatch(/steps\[5\]\.at: the scenario runs until day 70, 08:00 — end it by day 2, 05:39/);
    expect(r.stderr).not.toMatch(/needs more work than one run may do/);
  });

  it('--compare refuses it too', async () => {
    const r = await cli(['--compare', 'test/fuzz/fixtures/hostile-burst.json']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/about 77 times the limit/);
  });

  it('a folder instead of a file is named as such, with what to do', async () => {
    const r = await cli(['scenarios']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^scenarios: cannot read the file \(EISDIR\): it is a folder — name one scenario file in it/m);
  });
});
