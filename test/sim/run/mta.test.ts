import { describe, expect, it } from 'vitest';
import { Scenario } from '../../../src/sim/scenario/schema';
import { Run } from '../../../src/sim/run/run';
import { lmtpRecipients } from '../../../src/sim/run/mta';

const scenario = Scenario.parse({
  id: 'lmtp-recipients',
  title: { de: 't', en: 't' },
  summary: { de: 's', en: 's' },
  claims: [],
  topics: ['devices'],
  world: {
    accounts: [
      { id: 'anna', address: 'anna@example.org', quota: { storageKB: 1000 } },
      { id: 'ben', address: 'ben@example.org' },
    ],
    devices: [{ id: 'laptop', kind: 'laptop', account: 'anna', protocol: 'imap' }],
  },
  steps: [],
});

describe('an LMTP transaction\'s recipients', () => {
  it('are one list for every delivery to the same accounts, kept once for the transcripts', () => {
    const run = new Run(scenario, scenario.world, null);
    const first = lmtpRecipients(run, ['anna', 'ben'], 'old');
    expect(first).toEqual([
      { account: 'anna', address: 'anna@example.org', quota: { storageKB: 1000 } },
      { account: 'ben', address: 'ben@example.org', quota: undefined },
    ]);
    expect(lmtpRecipients(run, ['anna', 'ben'], 'old')).toBe(first);
    expect(lmtpRecipients(run, ['ben'], 'old')).toEqual([{ account: 'ben', address: 'ben@example.org', quota: undefined }]);
    expect(lmtpRecipients(run, ['ben', 'anna'], 'old').map((r) => r.account)).toEqual(['ben', 'anna']);
  });

  it('are made anew when an account they name is no longer what it was', () => {
    const world = structuredClone(scenario.world);
    const run = new Run(scenario, world, null);
    const before = lmtpRecipients(run, ['anna'], 'old');
    (world.accounts as Array<(typeof world.accounts)[number]>)[0] = { ...world.accounts[0], address: 'anna@example.net' };
    const after = lmtpRecipients(run, ['anna'], 'old');
    expect(after).not.toBe(before);
    expect(after[0].address).toBe('anna@example.net');
    expect(before[0].address).toBe('anna@example.org');
  });
});
