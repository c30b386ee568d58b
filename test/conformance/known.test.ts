// The known-differences file: it loads, every entry has a reason, and an entry
// explains a disagreement only when every differing line is one it names.
import { describe, expect, it } from 'vitest';
import { loadKnown, matchKnown, type KnownDifference } from '../../conformance/known';
import type { Disagreement } from '../../conformance/replay';

const base: Disagreement = {
  scenario: 'imap-disk-failure',
  variant: null,
  step: 12,
  time: 0,
  frame: 'server · restore',
  kind: 'state',
  where: 'state anna (server 1)',
  protocol: null,
  command: null,
  diff: [
    { op: '-', text: 'INBOX UIDVALIDITY 1795311092 UIDNEXT 4 MESSAGES 2' },
    { op: '+', text: 'INBOX UIDVALIDITY 1795315849 UIDNEXT 3 MESSAGES 2' },
    { op: ' ', text: '  INBOX UID 1 m1 FLAGS () SIZE 122880' },
  ],
};

// An entry as the file would hold it (the file itself lists none today: the
// restore's UIDNEXT, the last one, is modelled now, rule 50).
const entry: KnownDifference = {
  id: 'disk-failure-folder-meta',
  scenarios: ['imap-disk-failure'],
  kind: 'state',
  text: '^INBOX UIDVALIDITY \\d+ UIDNEXT \\d+ MESSAGES \\d+',
  reason: 'An example entry: the folder line differs, every message line agrees.',
};

describe('known differences', () => {
  const known = loadKnown();

  it('loads, and every entry gives its reason', () => {
    for (const e of known.differences) expect(e.reason.length).toBeGreaterThan(40);
    expect(known.scope.map((s) => s.id)).toContain('smtp-submission');
  });

  it('lists no difference: the model agrees with Dovecot and Postfix everywhere the replay compares', () => {
    expect(known.differences).toEqual([]);
  });

  it('explains the disagreement it names', () => {
    expect(matchKnown(base, [entry])?.id).toBe('disk-failure-folder-meta');
  });

  it('does not hide another difference next to it', () => {
    const more = { ...base, diff: [...base.diff, { op: '-' as const, text: '  INBOX UID 3 m3 FLAGS () SIZE 6144' }] };
    expect(matchKnown(more, [entry])).toBeNull();
  });

  it('is limited to its scenarios', () => {
    expect(matchKnown({ ...base, scenario: 'pop3-single-laptop' }, [entry])).toBeNull();
  });
});
