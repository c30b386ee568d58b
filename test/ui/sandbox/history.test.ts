import { describe, expect, it } from 'vitest';
import { HISTORY_LIMIT, canRedo, canUndo, record, redo, startHistory, undo } from '../../../src/ui/sandbox/history';

describe('edit history', () => {
  it('undoes and redoes edits in order', () => {
    let h = startHistory('a');
    h = record(h, 'b');
    h = record(h, 'c');
    h = undo(h);
    expect(h.present).toBe('b');
    h = undo(h);
    expect(h.present).toBe('a');
    expect(canUndo(h)).toBe(false);
    h = redo(h);
    h = redo(h);
    expect(h.present).toBe('c');
    expect(canRedo(h)).toBe(false);
  });

  it('a new edit after an undo drops the redo branch', () => {
    let h = record(record(startHistory(1), 2), 3);
    h = undo(h);
    h = record(h, 4);
    expect(h.present).toBe(4);
    expect(canRedo(h)).toBe(false);
    expect(undo(h).present).toBe(2);
  });

  it('typing into one field is one undo step; another field starts a new one', () => {
    let h = startHistory('');
    for (const v of ['a', 'an', 'ann', 'anna']) h = record(h, v, 'address');
    expect(h.present).toBe('anna');
    expect(h.past).toEqual(['']);
    h = record(h, 'anna!', 'quota');
    expect(undo(h).present).toBe('anna');
    expect(undo(undo(h)).present).toBe('');
  });

  it('after an undo, typing in the same field again is a new step (the undone value stays reachable by undo)', () => {
    let h = record(record(startHistory('x'), 'xy', 'f'), 'xyz', 'f');
    h = undo(h);
    expect(h.present).toBe('x');
    h = record(h, 'xq', 'f');
    expect(undo(h).present).toBe('x');
  });

  it('recording the same value changes nothing; undo and redo at the ends change nothing', () => {
    const h = startHistory({ n: 1 });
    expect(record(h, h.present)).toBe(h);
    expect(undo(h)).toBe(h);
    expect(redo(h)).toBe(h);
  });

  it('keeps at most HISTORY_LIMIT steps, dropping the oldest', () => {
    let h = startHistory(0);
    for (let i = 1; i <= HISTORY_LIMIT + 10; i++) h = record(h, i);
    expect(h.past.length).toBe(HISTORY_LIMIT);
    expect(h.past[0]).toBe(10);
  });
});
