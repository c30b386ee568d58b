// One place decides which text a step takes and whom it happens to; a
// half-made step (from a draft) loses what is missing, never gets a guess.
import { describe, expect, it } from 'vitest';
import { STEP_KINDS, stepPhrase } from '../../../src/ui/presenter/stepPhrase';

describe('step phrase', () => {
  it('a whole step: its text, whom it happens to, and what it carries', () => {
    expect(stepPhrase({ do: 'device.move', device: 'laptop', mail: 'm2', folder: 'Archive', local: true })).toEqual({ key: 'deviceMoveLocal', who: { device: 'laptop' }, mail: 'm2', folder: 'Archive' });
    expect(stepPhrase({ do: 'mail.arrive', mail: { id: 'm1', to: ['anna', 'bob'] } })).toEqual({ key: 'mailArrive', who: { accounts: ['anna', 'bob'] }, mail: 'm1' });
    expect(stepPhrase({ do: 'server.freeSpace', account: 'anna', count: 2 })).toEqual({ key: 'serverFreeSpace', who: { account: 'anna' }, count: 2 });
    expect(stepPhrase({ do: 'device.configure', device: 'phone', protocol: 'imap' })).toEqual({ key: 'deviceNewAccount', who: { device: 'phone' }, protocol: 'IMAP' });
    expect(stepPhrase({ do: 'provider.newMailbox', copyMailboxes: true, keepUidls: true }).key).toBe('moveNewMailboxKeep');
    expect(stepPhrase({ do: 'server.breach' }).who).toBe('server');
  });

  it('a half-made or unknown step: what is missing is left out', () => {
    expect(stepPhrase({ do: 'device.read' })).toEqual({ key: 'deviceRead', who: null, mail: undefined });
    expect(stepPhrase({ do: 'device.move', device: 'x' }).key).toBe('deviceMoveSomewhere');
    expect(stepPhrase({ do: 'mail.burst', to: ['anna', 5, ''] })).toEqual({ key: 'mailBurst', who: { accounts: ['anna'] }, count: 0 });
    expect(stepPhrase({ do: 'provider.dnsSwitch' }).count).toBeUndefined();
    expect(stepPhrase({ do: 'device.explode' })).toEqual({ key: 'unknown', who: null, unknownKind: 'device.explode' });
    expect(stepPhrase(null)).toEqual({ key: 'unknown', who: null, unknownKind: undefined });
  });

  it('every kind of step the format knows has a phrase of its own', () => {
    for (const kind of Object.keys(STEP_KINDS)) expect(stepPhrase({ do: kind }).key, kind).not.toBe('unknown');
  });
});
