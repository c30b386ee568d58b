import { describe, expect, it } from 'vitest';
import { addressAfterReload, keepForReload, type ReloadStorage } from '../../../src/ui/url/reloadAddress';

function memory(): ReloadStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), removeItem: (k) => void items.delete(k) };
}

const FROM = '/?scenario=pop3-three-devices&lang=en';
const TO = '/?scenario=pop3-three-devices&frame=7&lang=en';

describe('the address a reload opens (kept at pagehide while playing)', () => {
  it('a reload of the same address opens the frame that was shown', () => {
    const s = memory();
    keepForReload(FROM, TO, s);
    expect(addressAfterReload(FROM, true, s)).toBe(TO);
  });

  it('is used once', () => {
    const s = memory();
    keepForReload(FROM, TO, s);
    addressAfterReload(FROM, true, s);
    expect(addressAfterReload(FROM, true, s)).toBeNull();
  });

  it('is not used when the page was opened otherwise, or at another address', () => {
    const s = memory();
    keepForReload(FROM, TO, s);
    expect(addressAfterReload(FROM, false, s)).toBeNull();
    keepForReload(FROM, TO, s);
    expect(addressAfterReload('/?scenario=imap-basics&lang=en', true, s)).toBeNull();
  });

  it('never leads to another page, and survives what it cannot read', () => {
    const s = memory();
    keepForReload(FROM, '/elsewhere?frame=2', s);
    expect(addressAfterReload(FROM, true, s)).toBeNull();
    s.items.set('mail-sync-sandbox.reloadAddress', '{not json');
    expect(addressAfterReload(FROM, true, s)).toBeNull();
    s.items.set('mail-sync-sandbox.reloadAddress', JSON.stringify({ from: FROM, to: 42 }));
    expect(addressAfterReload(FROM, true, s)).toBeNull();
    expect(addressAfterReload(FROM, true, null)).toBeNull();
  });

  it('keeps nothing when nothing changed, and a full storage is no error', () => {
    const s = memory();
    keepForReload(FROM, FROM, s);
    expect(s.items.size).toBe(0);
    const full: ReloadStorage = { getItem: () => null, removeItem: () => undefined, setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(() => keepForReload(FROM, TO, full)).not.toThrow();
  });
});
