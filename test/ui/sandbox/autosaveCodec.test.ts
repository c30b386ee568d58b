import { describe, expect, it } from 'vitest';
import { decodeSave, encodeSave } from '../../../src/ui/sandbox/autosaveCodec';

const save = { data: { id: 'x', steps: [] }, frame: 7, original: null, savedAt: '2026-12-01T10:00:00.000Z' };

describe('autosave codec', () => {
  it('round-trips what it wrote', () => {
    expect(decodeSave(encodeSave(save))).toEqual({ ok: true, save });
  });

  it.each([
    ['truncated text', encodeSave(save).slice(0, 20), 'notJson'],
    ['not JSON at all', '<html>', 'notJson'],
    ['another program’s value', '"hello"', 'notASave'],
    ['an array', '[1,2]', 'notASave'],
    ['null', 'null', 'notASave'],
    ['a future version', JSON.stringify({ v: 99, data: {} }), 'version'],
    ['no data', JSON.stringify({ v: 1, frame: 2 }), 'notASave'],
  ])('refuses %s with a reason', (_name, text, reason) => {
    expect(decodeSave(text)).toEqual({ ok: false, reason });
  });

  it('a nonsense frame or time becomes a harmless default instead of a crash', () => {
    const d = decodeSave(JSON.stringify({ v: 1, data: { id: 'x' }, frame: -3.5, savedAt: 42, original: 'x' }));
    expect(d).toEqual({ ok: true, save: { data: { id: 'x' }, frame: 0, original: null, savedAt: '' } });
  });
});
