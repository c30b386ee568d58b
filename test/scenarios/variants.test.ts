// A variant is the same story under other settings: it must change exactly the
// settings it names and leave every other one as the base scenario has it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioText, withVariant } from '../../src/sim/scenario/load';
import { loadLibrary } from '../../src/claims/libraryFromDisk';

type RawVariant = { server?: Record<string, unknown>; devices?: Record<string, Record<string, unknown> & { pop3?: object; imap?: object }> };

describe('variants', () => {
  it('change only the settings they name (no defaults filled in)', () => {
    const file = 'scenarios/decide-limited-quota-one-device.json';
    const r = loadScenarioText(file, readFileSync(file, 'utf8'));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const base = r.scenario.world.devices[0];
    const imap = withVariant(r.scenario, 'imap').world.devices[0];
    expect(imap.protocol).toBe('imap');
    expect(imap.checkEveryMinutes).toBe(base.checkEveryMinutes);
    expect(imap.label).toEqual(base.label);
  });

  it('leave server, account and policy settings alone unless named', () => {
    for (const { file, scenario } of loadLibrary().entries) {
      // What the file names, before any parsing could fill in defaults.
      const raw = JSON.parse(readFileSync(file, 'utf8')) as { variants?: Record<string, RawVariant> };
      for (const [name, v] of Object.entries(raw.variants ?? {})) {
        const w = withVariant(scenario, name).world;
        for (const [key, value] of Object.entries(w.server)) {
          const named = v.server && key in v.server;
          if (!named) expect(value, `${scenario.id}/${name}: server.${key}`).toEqual(scenario.world.server[key as keyof typeof w.server]);
        }
        w.devices.forEach((d, i) => {
          const base = scenario.world.devices[i];
          const o = v.devices?.[d.id] ?? {};
          for (const key of Object.keys(d) as (keyof typeof d)[]) {
            if (key === 'pop3' || key === 'imap') {
              for (const [pk, pv] of Object.entries(d[key])) {
                const named = o[key] && pk in o[key]!;
                if (!named) expect(pv, `${scenario.id}/${name}: ${d.id}.${key}.${pk}`).toEqual((base[key] as Record<string, unknown>)[pk]);
              }
            } else if (!(key in o)) expect(d[key], `${scenario.id}/${name}: ${d.id}.${key}`).toEqual(base[key]);
          }
        });
      }
    }
  });
});
