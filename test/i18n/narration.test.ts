// Every narration key the engine can emit exists in German and English, and
// both languages use the same parameters.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { narrationDe, narrationEn } from '../../src/i18n/narration';

function leaves(obj: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const en = leaves(narrationEn);
const de = leaves(narrationDe);
const params = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('narration texts', () => {
  it('has the same keys and parameters in German and English', () => {
    expect([...de.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [key, text] of en) expect(params(de.get(key)!), key).toEqual(params(text));
  });

  it('has a text for every key the engine emits', () => {
    const emitted = new Set<string>();
    for (const file of sources('src/sim')) {
      const code = readFileSync(file, 'utf8');
      for (const m of code.matchAll(/key: '([a-zA-Z.]+)'/g)) emitted.add(m[1]);
      // Keys built from a fixed set of suffixes.
      for (const m of code.matchAll(/key: `([a-zA-Z.]+)\.\$\{/g)) for (const k of en.keys()) if (k.startsWith(m[1] + '.')) emitted.add(k.replace(/_(zero|one|other)$/, ''));
    }
    // A key with plural forms exists as key_one/key_other.
    const has = (k: string) => en.has(k) || (en.has(`${k}_one`) && en.has(`${k}_other`));
    const narrationKeys = [...emitted].filter((k) => /^(world|delivery|check|pop3|imap|read|open|send|device|server)\./.test(k));
    expect(narrationKeys.length).toBeGreaterThan(30);
    expect(narrationKeys.filter((k) => !has(k))).toEqual([]);
  });

  it('gives every plural text both its _one and its _other form', () => {
    for (const texts of [en, de]) {
      const plural = [...texts.keys()].filter((k) => /_(zero|one|other)$/.test(k)).map((k) => k.replace(/_(zero|one|other)$/, ''));
      for (const base of plural) {
        expect(texts.has(`${base}_one`), `${base}_one`).toBe(true);
        expect(texts.has(`${base}_other`), `${base}_other`).toBe(true);
      }
    }
  });
});
