// The known-differences file: it loads, every entry has a reason, and an entry
// explains a disagreement only when every differing line is one it names.
import { describe, expect, it } from 'vitest';
import { loadKnown, matchKnown } from '../../conformance/known';
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

describe('known differences', () => {
  const known = loadKnown();

  it('loads, and every entry gives its reason', () => {
    for (const e of known.differences) expect(e.reason.length).toBeGreaterThan(40);
    expect(known.scope.map((s) => s.id)).toContain('smtp-submission');
  });

  it('explains the disagreement it names', () => {
    expect(matchKnown(base, known.differences)?.id).toBe('disk-failure-folder-meta');
  });

  it('does not hide another difference next to it', () => {
    const more = { ...base, diff: [...base.diff, { op: '-' as const, text: '  INBOX UID 3 m3 FLAGS () SIZE 6144' }] };
    expect(matchKnown(more, known.differences)).toBeNull();
  });

  it('is limited to its scenarios', () => {
    expect(matchKnown({ ...base, scenario: 'pop3-single-laptop' }, known.differences)).toBeNull();
  });
});
