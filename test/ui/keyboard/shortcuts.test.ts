import { describe, expect, it } from 'vitest';
import { keyPressOf, shortcutFor, type KeyPress } from '../../../src/ui/keyboard/shortcuts';

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

describe('a presenter\u2019s clicker and the lecture keys', () => {
  it('PageDown and PageUp play the next step and go back one; "." and B blank the screen', () => {
    expect(shortcutFor(key('PageDown'))).toBe('presentNext');
    expect(shortcutFor(key('PageUp'))).toBe('presentPrev');
    expect(shortcutFor(key('.'))).toBe('blank');
    expect(shortcutFor(key('b'))).toBe('blank');
    expect(shortcutFor(key('B', { shiftKey: true }))).toBe('blank');
    expect(shortcutFor(key('p'))).toBe('presenter');
    expect(shortcutFor(key('n'))).toBe('notes');
    expect(shortcutFor(key('7'))).toBe('pointDigit');
  });
  it('the player\u2019s own keys keep their meaning', () => {
    expect(shortcutFor(key('ArrowRight', { shiftKey: true }))).toBe('stepForward');
    expect(shortcutFor(key('t'))).toBe('table');
    expect(shortcutFor(key('r'))).toBe('restart');
    expect(shortcutFor(key('k'))).toBe('togglePlay');
    expect(shortcutFor(key('Escape'))).toBe('escape');
  });
  it('typing and the focused slider keep PageUp, PageDown, "." and digits', () => {
    expect(shortcutFor(key('PageDown', { targetTag: 'INPUT', targetType: 'range' }))).toBeNull();
    expect(shortcutFor(key('.', { targetTag: 'INPUT', targetType: 'search' }))).toBeNull();
    expect(shortcutFor(key('3', { targetTag: 'TEXTAREA' }))).toBeNull();
    expect(shortcutFor(key('PageDown', { ctrlKey: true }))).toBeNull();
    // A clicker press while a button has focus still steps.
    expect(shortcutFor(key('PageDown', { targetTag: 'BUTTON' }))).toBe('presentNext');
  });
  it('reads a key event: modifiers, the focused tag and an input\'s type (no target: the page)', () => {
    const ev = (target: unknown, extra: Partial<KeyPress> = {}) =>
      ({ key: 'r', shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, target, ...extra }) as unknown as KeyboardEvent;
    expect(keyPressOf(ev({ tagName: 'INPUT', type: 'search' }))).toEqual(key('r', { targetTag: 'INPUT', targetType: 'search' }));
    expect(keyPressOf(ev(null, { ctrlKey: true }))).toEqual(key('r', { ctrlKey: true, targetType: undefined }));
    expect(shortcutFor(keyPressOf(ev({ tagName: 'TEXTAREA' })))).toBeNull();
    expect(shortcutFor(keyPressOf(ev(null)))).toBe('restart');
  });
});
