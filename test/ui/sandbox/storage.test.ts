// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_KEY, CORRUPT_KEY, readAutosave, writeAutosave } from '../../../src/ui/sandbox/storage';

const save = { data: { id: 'x' }, frame: 1, original: null, savedAt: 'now' };

afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
});

describe('autosave storage', () => {
  it('writes and reads back', () => {
    expect(writeAutosave(save)).toEqual({ ok: true });
    expect(readAutosave()).toEqual({ ok: true, save });
  });

  it('full storage is reported as full, not thrown', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(writeAutosave(save)).toEqual({ ok: false, problem: 'full' });
  });

  it('storage that refuses access is reported as disabled', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(readAutosave()).toEqual({ ok: false, problem: 'disabled' });
  });

  it('unreadable data is reported and set aside, not lost and not read again', () => {
    localStorage.setItem(AUTOSAVE_KEY, '{"v":1,"data":');
    expect(readAutosave()).toEqual({ ok: false, problem: 'corrupt', reason: 'notJson' });
    expect(localStorage.getItem(CORRUPT_KEY)).toBe('{"v":1,"data":');
    expect(readAutosave()).toEqual({ ok: true, save: null });
  });
});
