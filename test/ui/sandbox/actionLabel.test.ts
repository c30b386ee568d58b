// A move in the sandbox's event menu names the folder the way the picture does:
// in the reader's language, while the step keeps the folder's id.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createI18n } from '../../../src/ui/i18n/setup';
import { actionLabel } from '../../../src/ui/sandbox/EventMenu';
import { loadScenarioText, type Scenario } from '../../../src/sim';
import type { Action } from '../../../src/ui/sandbox/availability';

function household(): Scenario {
  const loaded = loadScenarioText('imap-household.json', readFileSync('scenarios/imap-household.json', 'utf8'));
  if (!loaded.ok) throw new Error('imap-household does not load');
  return loaded.scenario;
}

const move = (folder: string) => ({ id: `move-${folder}`, label: 'move', step: { do: 'device.move', device: 'laptop', mail: 'm1', folder, local: false }, params: { device: 'laptop', folder } }) as unknown as Action;

describe('sandbox event labels', () => {
  it('a standard folder is named in German in the German view', async () => {
    const i18n = await createI18n('de');
    const label = actionLabel(move('Archive'), household(), 'de', i18n.t);
    expect(label).toContain('„Archiv“');
    expect(label).not.toContain('Archive');
  });

  it('a custom folder takes the scenario’s own name in each language', async () => {
    const s = household();
    const de = await createI18n('de');
    const en = await createI18n('en');
    expect(actionLabel(move('Travel'), s, 'de', de.t)).toContain('„Reisen“');
    expect(actionLabel(move('Travel'), s, 'en', en.t)).toContain('Travel');
  });
});
