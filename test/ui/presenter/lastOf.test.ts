// The presenting window's followed address is built again only when what it is made from changes.
import { describe, expect, it } from 'vitest';
import { lastOf } from '../../../src/ui/presenter/lastOf';

describe('a value kept while its inputs are the same (lastOf.ts)', () => {
  it('is made once for the same inputs, and again when any input is another object or value', () => {
    let made = 0;
    const value = lastOf(() => ++made);
    const loaded = {};
    expect(value([loaded, null, 'de'])).toBe(1);
    expect(value([loaded, null, 'de'])).toBe(1);
    expect(made).toBe(1);
    expect(value([{}, null, 'de'])).toBe(2);
    expect(value([{}, null, 'de'])).toBe(3);
    const again = {};
    expect(value([again, 'imap', 'de'])).toBe(4);
    expect(value([again, 'imap', 'en'])).toBe(5);
    expect(value([again, 'imap', 'en'])).toBe(5);
  });
});
