// The DELE marks of a POP3 session as values: each DELE makes a new one, and no
// value ever changes afterwards, however the session goes on (or an older value
// is extended along another line).
import { describe, expect, it } from 'vitest';
import { Pop3Marks } from '../../../../src/sim/server/pop3/pop3Marks';

const sorted = (m: Iterable<number>) => [...m].sort((a, b) => a - b);

describe('POP3 DELE marks', () => {
  it('each DELE adds one number and leaves the earlier value as it was', () => {
    const a = Pop3Marks.NONE.with(3);
    const b = a.with(1);
    const c = b.with(7);
    expect(sorted(a)).toEqual([3]);
    expect(sorted(b)).toEqual([1, 3]);
    expect(sorted(c)).toEqual([1, 3, 7]);
    expect([a.size, b.size, c.size]).toEqual([1, 2, 3]);
    expect(a.has(1)).toBe(false);
    expect(b.has(1)).toBe(true);
    expect(b.has(7)).toBe(false);
    expect(Pop3Marks.NONE.size).toBe(0);
    expect(Pop3Marks.NONE.has(3)).toBe(false);
  });

  it('extending an older value (the log has grown past it) leaves the newer one alone', () => {
    const a = Pop3Marks.NONE.with(1).with(2);
    const newer = a.with(3);
    const other = a.with(4);
    expect(sorted(newer)).toEqual([1, 2, 3]);
    expect(sorted(other)).toEqual([1, 2, 4]);
    expect(newer.has(4)).toBe(false);
    expect(other.has(3)).toBe(false);
    expect(sorted(a)).toEqual([1, 2]);
  });

  it('two sessions that start empty do not see each other’s marks', () => {
    const one = Pop3Marks.NONE.with(5);
    const two = Pop3Marks.NONE.with(6);
    expect(sorted(one)).toEqual([5]);
    expect(sorted(two)).toEqual([6]);
  });

  it('marking a number twice changes nothing; marks given as a Set are taken as they are', () => {
    const a = Pop3Marks.NONE.with(2);
    expect(a.with(2)).toBe(a);
    const fromSet = Pop3Marks.from(new Set([4, 9])).with(1);
    expect(sorted(fromSet)).toEqual([1, 4, 9]);
    expect(Pop3Marks.from(new Set())).toBe(Pop3Marks.NONE);
  });
});
