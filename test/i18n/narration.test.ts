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
      for (const m of code.matchAll(/key: `([a-zA-Z.]+)\.\$\{/g)) for (const k of en.keys()) if (k.startsWith(m[1] + '.')) emitted.add(k);
    }
    const missing = [...emitted].filter((k) => !en.has(k) && !k.startsWith('device.') === false && !en.has(k));
    expect(missing).toEqual([]);
    for (const k of emitted) if (/^(world|delivery|check|pop3|imap|read|open|send|device|server)\./.test(k)) expect(en.has(k) || [...en.keys()].some((x) => x.startsWith(k + '.')), k).toBe(true);
  });
});
