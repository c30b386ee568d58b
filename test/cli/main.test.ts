// The CLI: a good file prints where every mail lives and exits 0; a broken one
// exits 1 with every problem named.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { runCli as cli } from './runCli';

const tsx = join(process.cwd(), 'node_modules/.bin/tsx');

describe('npm run sim', { timeout: 60_000 }, () => {
  // The real command, started as a user starts it; the other tests call its `main` in this process.
  it('prints the final table and the figures for a good file', () => {
    const out = execFileSync(tsx, ['src/cli/main.ts', 'scenarios/pop3-three-devices.json'], { encoding: 'utf8' });
    expect(out).toMatch(/where every mail lives/);
    expect(out).toMatch(/^mail\s+subject\s+status\s+server/m);
    expect(out).toMatch(/^view \w+: shows \d+ of \d+/m);
  });

  it('--frames prints protocol lines and narration; --lang de speaks German', async () => {
    const r = await cli(['scenarios/pop3-three-devices.json', '--frames', '--lang', 'de']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/C: RETR 1/);
    expect(r.stdout).toMatch(/lädt .* herunter/);
  });

  it('--json prints the timeline as JSON', async () => {
    const r = await cli(['scenarios/pop3-three-devices.json', '--json']);
    const json = JSON.parse(r.stdout);
    expect(json.frames.length).toBeGreaterThan(3);
    expect(json.frames[0].state.places).toBeTypeOf('object');
  });

  it('exits 1 and names every problem of a broken file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-'));
    const file = join(dir, 'broken.json');
    writeFileSync(
      file,
      JSON.stringify({
        id: 'b',
        title: { de: 'x', en: 'x' },
        summary: { de: 'x', en: 'x' },
        world: { accounts: [{ id: 'alice', address: 'alice@example.org' }], devices: [{ id: 'laptop', kind: 'laptop', account: 'alice', protocol: 'pop3' }] },
        steps: [{ at: 'day 1, 09:00', do: 'device.check', device: 'phone2' }],
      }),
    );
    const r = await cli([file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${file}: steps[0].device: no device "phone2" — devices are laptop`);
  });

  it('exits 1 for an unknown variant and for a missing file', async () => {
    expect((await cli(['scenarios/pop3-three-devices.json', '--variant', 'nope'])).status).toBe(1);
    const missing = await cli(['scenarios/does-not-exist.json']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/cannot read the file \(ENOENT\)/);
  });
});
