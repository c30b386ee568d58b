import { describe, expect, it } from 'vitest';
import { mailStyles, PALETTE } from '../../../src/ui/picture/mailStyle';

describe('mail identity', () => {
  it('uses the numbers in the ids when they are distinct', () => {
    const s = mailStyles(['m1', 'm2', 'm3']);
    expect([...s.values()].map((v) => v.label)).toEqual(['1', '2', '3']);
    expect(s.get('m3')!.fill).toBe(PALETTE[2]);
  });
  it('falls back to order of appearance', () => {
    const s = mailStyles(['hello', 'bounce-1', 'x1']);
    expect([...s.values()].map((v) => v.label)).toEqual(['1', '2', '3']);
  });
});
