import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { rememberedT, sharedRememberedT } from '../../../src/ui/picture/rememberedT';

describe('rememberedT', () => {
  it('answers as the translation function does, asking it once per key and values', () => {
    const asked: string[] = [];
    const t = ((key: string, options?: { count?: number; name?: string }) => {
      asked.push(key);
      return options ? `${key}:${options.count ?? ''}:${options.name ?? ''}` : `«${key}»`;
    }) as unknown as TFunction;
    const r = rememberedT(t);
    expect(r('a')).toBe('«a»');
    expect(r('a')).toBe('«a»');
    expect(r('b', { count: 2 })).toBe('b:2:');
    expect(r('b', { count: 2 })).toBe('b:2:');
    expect(r('b', { count: 3 })).toBe('b:3:');
    expect(r('b', { name: '<img onerror=x>' })).toBe('b::<img onerror=x>');
    expect(asked).toEqual(['a', 'b', 'b', 'b']);
  });

  it('passes any other form through unremembered', () => {
    let calls = 0;
    const t = ((...args: unknown[]) => {
      calls++;
      return JSON.stringify(args);
    }) as unknown as TFunction;
    const r = rememberedT(t) as unknown as (...args: unknown[]) => string;
    expect(r(['x', 'y'])).toBe('[["x","y"]]');
    expect(r('k', 'default', { v: 1 })).toBe('["k","default",{"v":1}]');
    expect(r('k', 'default', { v: 1 })).toBe('["k","default",{"v":1}]');
    expect(calls).toBe(3);
  });
});

describe('sharedRememberedT', () => {
  it('gives every caller the same remembered function for one translation function, and another for another', () => {
    const asked: string[] = [];
    const en = ((key: string) => (asked.push(`en:${key}`), `en ${key}`)) as unknown as TFunction;
    const de = ((key: string) => (asked.push(`de:${key}`), `de ${key}`)) as unknown as TFunction;
    const a = sharedRememberedT(en);
    const b = sharedRememberedT(en);
    expect(a).toBe(b);
    expect(a('x')).toBe('en x');
    expect(b('x')).toBe('en x');
    const g = sharedRememberedT(de);
    expect(g).not.toBe(a);
    expect(g('x')).toBe('de x');
    expect(asked).toEqual(['en:x', 'de:x']);
  });
});
