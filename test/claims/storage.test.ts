// Claim I8 stays "not modelled" (no prices), but the storage a provider holds
// is measured, and the verdict quotes the measurement: it must stay true.
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/claims/libraryFromDisk';
import { storageAtEnd } from '../../src/claims/storage';
import { VERDICTS } from '../../src/claims/verdicts';

const camera = loadLibrary().entries.find((e) => e.scenario.id === 'decide-limited-quota-one-device')!.scenario;

describe('claim I8, measured', () => {
  const [pop3] = storageAtEnd(camera, null);
  const [imap] = storageAtEnd(camera, 'imap');

  it('rule 81: with IMAP the provider holds the whole history in the mailbox and in every night\'s backup; with POP3 only what a backup caught before the download', () => {
    expect(pop3.mailboxKB).toBe(0);
    expect(imap.mailboxKB).toBeGreaterThan(pop3.backupSharedKB);
    expect(imap.backupFullKB).toBeGreaterThan(imap.backupSharedKB);
    expect(imap.nights).toBe(pop3.nights);
  });

  it('the verdict quotes these figures in both languages', () => {
    const v = VERDICTS.I8;
    expect(v.holds).toBe('not-modelled');
    if (v.holds !== 'not-modelled') return;
    for (const text of [v.why.en, v.why.de]) {
      expect(text).toContain(`${imap.days} `);
      for (const n of [imap.mailboxKB, imap.backupSharedKB, imap.backupFullKB, pop3.mailboxKB, pop3.backupSharedKB]) expect(text).toContain(`${n} KB`);
    }
  });
});
