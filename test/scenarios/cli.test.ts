// The library subcommands of `npm run sim`: --list, --claims, --compare.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listScenarios } from '../../src/cli/list';
import { printClaims } from '../../src/cli/claims';
import { compareFile } from '../../src/cli/compare';

let out: string[];
beforeEach(() => {
  out = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
});
afterEach(() => vi.restoreAllMocks());

describe('npm run sim -- --list', () => {
  it('lists every scenario with the claims it proves and refutes', () => {
    expect(listScenarios('en')).toBe(0);
    const row = out.join('\n').split('\n').find((l) => l.startsWith('pop3-three-devices'));
    expect(row).toMatch(/P9 P8 P11/);
  });
});

describe('npm run sim -- --claims', () => {
  it('shows every claim covered and exits 0', () => {
    expect(printClaims('de')).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/P9 .*\n\s+belegt in: pop3-three-devices/);
    expect(text).not.toMatch(/FEHLT/);
    // Per claim: holds always, under named settings, not at all, or not modelled.
    expect(text).toMatch(/D6 .*\n.*\n.*\n\s+gilt nicht: Für einen Anbieter mit Niederlassung in der EU gilt die DSGVO/);
    expect(text).toMatch(/I8 .*\n.*\n\s+nicht modelliert: /);
    expect(text).toMatch(/P9 .*\n\s+belegt in: .*\n\s+widerlegt in: pop3-defaults-laptop-and-iphone\n\s+gilt unter diesen Einstellungen: nur wenn jedes Gerät nach dem Herunterladen löscht/);
    expect(text).toMatch(/Es gelten \d+ immer, \d+ nur unter bestimmten Einstellungen, 1 gar nicht; 1 nicht modelliert\./);
  });

  it('exits 1 when a claim has no scenario', () => {
    expect(printClaims('en', 'test/scenarios/fixtures/one-scenario')).toBe(1);
    expect(out.join('\n')).toMatch(/P9 .*\n.*\n\s+MISSING: no scenario proves it/);
  });
});

describe('npm run sim -- --compare FILE', () => {
  it('prints the base and every variant side by side', () => {
    expect(compareFile('scenarios/decide-shared-mailbox.json', 'en')).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/^mail\s+base\s+pop3$/m);
    expect(text).toMatch(/^jonas shows\s+3 \/ 3\s+1 \/ 3$/m);
  });

  it('names a missing file', () => {
    expect(compareFile('scenarios/no-such.json', 'en')).toBe(1);
  });
});
