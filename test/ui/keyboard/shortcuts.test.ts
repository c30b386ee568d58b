import { describe, expect, it } from 'vitest';
import { shortcutFor, type KeyPress } from '../../../src/ui/keyboard/shortcuts';

const key = (k: string, extra: Partial<KeyPress> = {}): KeyPress => ({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, targetTag: 'BODY', ...extra });

describe('keyboard shortcuts', () => {
  it('maps the documented keys', () => {
    expect(shortcutFor(key(' '))).toBe('togglePlay');
    expect(shortcutFor(key('ArrowRight'))).toBe('forward');
    expect(shortcutFor(key('ArrowLeft', { shiftKey: true }))).toBe('stepBack');
    expect(shortcutFor(key('Home'))).toBe('start');
    expect(shortcutFor(key('End'))).toBe('end');
    expect(shortcutFor(key('+'))).toBe('faster');
    expect(shortcutFor(key('-'))).toBe('slower');
    expect(shortcutFor(key('?'))).toBe('help');
  });
  it('leaves typing, buttons and the slider their own keys', () => {
    expect(shortcutFor(key('r', { targetTag: 'INPUT', targetType: 'search' }))).toBeNull();
    expect(shortcutFor(key(' ', { targetTag: 'BUTTON' }))).toBeNull();
    expect(shortcutFor(key('ArrowLeft', { targetTag: 'INPUT', targetType: 'range' }))).toBeNull();
    expect(shortcutFor(key(' ', { targetTag: 'INPUT', targetType: 'range' }))).toBe('togglePlay');
    expect(shortcutFor(key('ArrowRight', { ctrlKey: true }))).toBeNull();
  });
});
