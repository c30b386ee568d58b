// The CLI's outcome table: every copy of every mail stands in some column, also
// when a run stops in the middle of a provider move over days (rule 87), while the
// new provider's mailbox is server/<account>@new/….
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioData as loadScenario, metricsOf, simulate } from '../../src/sim';
import { outcomeText } from '../../src/cli/outcome';

describe('outcomeText', () => {
  it('rule 87: gives the new provider\'s mailbox a column while both mailboxes exist', () => {
    const raw = JSON.parse(readFileSync('scenarios/provider-move-over-days.json', 'utf8'));
    // Stop the story right after the new mailbox was filled: both providers hold the mail.
    const upTo = raw.steps.findIndex((s: { do: string }) => s.do === 'provider.newMailbox');
    expect(upTo).toBeGreaterThan(0);
    const loaded = loadScenario('provider-move-over-days.json', { ...raw, steps: raw.steps.slice(0, upTo + 1), questions: [] });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const timeline = simulate(loaded.scenario);
    const last = timeline.frames[timeline.frames.length - 1];
    const text = outcomeText(metricsOf(last, timeline), last.state, timeline.world);
    const header = text.split('\n')[1];
    const account = timeline.world.accounts[0].id;
    expect(header).toContain(`server:${account}@new`);
    // A copied mail shows its INBOX in both server columns.
    const cols = header.split(/\s{2,}/);
    const oldCol = cols.indexOf(`server:${account}`);
    const newCol = cols.indexOf(`server:${account}@new`);
    const row = text.split('\n').find((l) => /^m1\s/.test(l))!;
    const cells = row.split(/\s{2,}/);
    expect(cells[oldCol]).toContain('INBOX');
    expect(cells[newCol]).toContain('INBOX');
  });

  it('keeps the plain one-server header when no move is under way', () => {
    const raw = JSON.parse(readFileSync('scenarios/pop3-three-devices.json', 'utf8'));
    const loaded = loadScenario('pop3-three-devices.json', raw);
    if (!loaded.ok) throw new Error('load');
    const timeline = simulate(loaded.scenario);
    const last = timeline.frames[timeline.frames.length - 1];
    expect(outcomeText(metricsOf(last, timeline), last.state, timeline.world).split('\n')[1]).not.toContain('@new');
  });
});
