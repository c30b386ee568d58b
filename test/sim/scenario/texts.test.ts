// Bilingual scenario data: a subject or custom folder may be { de, en }. The
// protocol carries one string (the English subject, the folder id), so the
// simulation is the same as with plain strings; only the reader's view changes.
import { describe, expect, it } from 'vitest';
import { copiesByPlace, frameLines, loadScenarioData, simulate, timelineToJSON, type Scenario } from '../../../src/sim';
import { narrate, timelineNames } from '../../../src/i18n/narrate';

function scenario(bilingual: boolean): unknown {
  const subject = bilingual ? { de: 'Zugtickets', en: 'Train tickets' } : 'Train tickets';
  return {
    id: 'travel',
    title: { de: 'Reise', en: 'Trip' },
    summary: { de: 'Tickets ablegen', en: 'Filing tickets' },
    world: {
      accounts: [{ id: 'anna', address: 'anna@example.org' }],
      folders: [bilingual ? { id: 'Travel', name: { de: 'Reisen', en: 'Travel' } } : 'Travel'],
      devices: [
        { id: 'phone', kind: 'phone', account: 'anna', protocol: 'imap' },
        { id: 'laptop', kind: 'laptop', account: 'anna', protocol: 'imap', localFolders: [bilingual ? { id: 'Keepsakes', name: { de: 'Erinnerungen', en: 'Keepsakes' } } : 'Keepsakes'] },
      ],
    },
    steps: [
      { at: 'day 1, 09:00', do: 'mail.arrive', mail: { id: 'm1', from: 'tickets@rail.example.com', to: ['anna'], subject } },
      { at: 'day 1, 09:00', do: 'mail.arrive', mail: { id: 'm2', from: 'tickets@rail.example.com', to: ['anna'], subject: 'Gleis 7' } },
      { at: 'day 1, 10:00', do: 'device.check', device: 'phone' },
      { at: 'day 1, 10:05', do: 'device.move', device: 'phone', mail: 'm1', folder: 'Travel' },
      { at: 'day 1, 11:00', do: 'device.check', device: 'laptop' },
      { at: 'day 1, 11:05', do: 'device.move', device: 'laptop', mail: 'm2', folder: 'Keepsakes', local: true },
    ],
  };
}

function load(data: unknown): Scenario {
  const r = loadScenarioData('travel.json', data);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return r.scenario;
}

const allLines = (s: Scenario) => simulate(s).frames.flatMap((f) => frameLines(f).map((l) => l.text));

describe('bilingual subjects and folder names', () => {
  it('speak the protocol exactly as plain strings do: the English subject, the folder id', () => {
    const two = load(scenario(true));
    const one = load(scenario(false));
    expect(JSON.stringify(timelineToJSON(simulate(two)))).toBe(JSON.stringify(timelineToJSON(simulate(one))));
    const timeline = simulate(two);
    expect(timeline.frames[timeline.frames.length - 1].state.mails.get('m1')?.subject).toBe('Train tickets');
    const lines = allLines(two).join('\n');
    expect(lines).toContain('Travel');
    expect(lines).not.toMatch(/Zugtickets|Reisen|Erinnerungen/);
  });

  it('keep the mail in the folder the step names by id', () => {
    const timeline = simulate(load(scenario(true)));
    const last = timeline.frames[timeline.frames.length - 1].state;
    const where = (mail: string) => [...copiesByPlace(last).entries()].filter(([, copies]) => copies.some((c) => c.mail === mail)).map(([place]) => place);
    expect(where('m1')).toContain('server/anna/Travel');
    expect(where('m2')).toEqual(expect.arrayContaining(['device/laptop/Keepsakes']));
  });

  it('read the reader\u2019s language in the names the narration uses', () => {
    const s = load(scenario(true));
    const timeline = simulate(s);
    const de = timelineNames(timeline, 'de', s);
    const en = timelineNames(timeline, 'en', s);
    expect(de.mail('m1')?.subject).toBe('Zugtickets');
    expect(en.mail('m1')?.subject).toBe('Train tickets');
    // A plain subject reads the same in both languages.
    expect(de.mail('m2')?.subject).toBe('Gleis 7');
    expect(de.folder?.('Travel')).toBe('Reisen');
    expect(de.folder?.('Keepsakes')).toBe('Erinnerungen');
    expect(en.folder?.('Travel')).toBe('Travel');
    const moves = timeline.frames.map((f) => f.narration).filter((n) => n && n.params.folder === 'Travel');
    expect(moves.length).toBeGreaterThan(0);
    const german = moves.map((n) => narrate(n!, 'de', de)).join('\n');
    expect(german).toContain('Reisen');
    expect(german).not.toMatch(/Travel|Train tickets/);
  });

  it('name what is wrong in a broken bilingual subject or folder', () => {
    const data = scenario(true) as { world: { folders: unknown[] }; steps: Array<{ mail?: unknown }> };
    data.world.folders = [{ id: 'Travel', name: { de: 'Reisen' } }];
    (data.steps[0].mail as { subject: unknown }).subject = { de: '', en: 'Train tickets' };
    const r = loadScenarioData('travel.json', data);
    expect(r.ok).toBe(false);
    const paths = r.ok ? [] : r.problems.map((p) => p.path);
    expect(paths.some((p) => p.startsWith('world.folders[0]'))).toBe(true);
    expect(paths.some((p) => p.startsWith('steps[0].mail.subject'))).toBe(true);
  });
});
