// The cases the fuzzing campaign throws at the loader, the work budget and the
// simulation: generated scenarios, built-in and generated ones mutated (wrong
// types, huge and negative numbers, deep nesting, __proto__ and constructor
// keys, unpaired surrogates, 1 MB strings), damaged JSON text, and share links
// truncated or with characters flipped. Case i is drawn from seed + i, so any
// case can be run again alone.
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import LZString from 'lz-string';
import { scenarioArb } from '../test/sim/generators';

export type FuzzCase =
  | { readonly kind: 'file'; readonly how: string; readonly text: string }
  | { readonly kind: 'link'; readonly how: string; readonly link: string };

const ROOT = join(import.meta.dirname, '..');
const BUILTINS = readdirSync(join(ROOT, 'scenarios'))
  .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
  .map((f) => readFileSync(join(ROOT, 'scenarios', f), 'utf8'));

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const deep = (depth: number, leaf: Json = 1): Json => {
  let v: Json = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
};

const MEGABYTE = 'x'.repeat(1 << 20);

const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  { arbitrary: fc.constantFrom<Json>(null, true, false, 0, -0, -1, 0.5, -20_000, 20_001, 1e21, 1e308, -1e308, 2 ** 53, Number.MAX_SAFE_INTEGER, 99_999_999, ''), weight: 6 },
  { arbitrary: fc.integer(), weight: 2 },
  { arbitrary: fc.double({ noNaN: true }), weight: 1 },
  { arbitrary: fc.string({ maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 20 }), weight: 2 },
  { arbitrary: fc.constantFrom<Json>('\uD800', 'a\uDC00b', '\uDFFF\uD800', 'day 99999, 08:00', 'day 1, 24:00', 'day 0, 08:00', '__proto__', 'constructor', 'toString', 'prototype', 'hasOwnProperty'), weight: 3 },
  { arbitrary: fc.constantFrom<Json>({}, [], [[]], { constructor: { prototype: { polluted: 1 } } }), weight: 2 },
  { arbitrary: fc.integer({ min: 10, max: 3000 }).map((d) => deep(d)), weight: 1 },
  { arbitrary: fc.constant<Json>(MEGABYTE), weight: 1 },
);

const hostileKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', '', 'de', 'en', 'count', 'at', 'do'), fc.string({ maxLength: 12 }));

interface Mutation {
  readonly path: readonly number[];
  readonly op: 'replace' | 'delete' | 'addKey' | 'duplicate' | 'scale';
  readonly key: string;
  readonly value: Json;
  readonly factor: number;
}

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  path: fc.array(fc.nat(), { minLength: 1, maxLength: 7 }),
  op: fc.constantFrom('replace', 'replace', 'delete', 'addKey', 'duplicate', 'scale'),
  key: hostileKey,
  value: hostileValue,
  factor: fc.constantFrom(-1, 0, 1000, 1e6, 1e12),
});

/** Set an own property, even "__proto__", the way JSON.parse would. */
function setOwn(o: { [key: string]: Json }, key: string, value: Json) {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

function mutate(root: Json, m: Mutation): Json {
  let parent: Json[] | { [key: string]: Json } | null = null;
  let slot: string | number = '';
  let node = root;
  for (const choice of m.path) {
    if (node === null || typeof node !== 'object') break;
    const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    if (!keys.length) break;
    parent = node;
    slot = keys[choice % keys.length];
    node = (node as Record<string | number, Json>)[slot];
  }
  if (!parent) return m.op === 'replace' ? m.value : root;
  const p = parent as Record<string | number, Json>;
  switch (m.op) {
    case 'replace':
      if (Array.isArray(parent)) parent[slot as number] = m.value;
      else setOwn(parent, String(slot), m.value);
      break;
    case 'delete':
      if (Array.isArray(parent)) parent.splice(slot as number, 1);
      else delete p[slot];
      break;
    case 'addKey':
      if (node && typeof node === 'object' && !Array.isArray(node)) setOwn(node, m.key, m.value);
      else if (!Array.isArray(parent)) setOwn(parent, m.key, m.value);
      break;
    case 'duplicate':
      if (Array.isArray(parent)) for (let i = 0; i < 3; i++) parent.push(structuredClone(node));
      break;
    case 'scale':
      if (typeof node === 'number') p[slot] = node * m.factor;
      break;
  }
  return root;
}

const generatedText = scenarioArb.map((s) => JSON.stringify(s));
const builtinText = fc.constantFrom(...BUILTINS);
const validText = fc.oneof(generatedText, builtinText);

const mutatedText = fc.tuple(validText, fc.array(mutationArb, { minLength: 1, maxLength: 4 })).map(([text, ms]) => {
  let v = JSON.parse(text) as Json;
  for (const m of ms) v = mutate(v, m);
  return JSON.stringify(v);
});

const damagedText = fc.tuple(validText, fc.double({ min: 0, max: 1, noNaN: true }), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 15 })), { maxLength: 4 })).map(([text, cut, flips]) => {
  const chars = [...text.slice(0, Math.max(1, Math.floor(text.length * (0.2 + 0.8 * cut))))];
  for (const [at, bit] of flips) {
    const i = Math.floor(at * (chars.length - 1));
    chars[i] = String.fromCharCode(chars[i].charCodeAt(0) ^ (1 << bit));
  }
  return chars.join('');
});

const deepText = fc.tuple(fc.integer({ min: 100, max: 200_000 }), fc.boolean()).map(([depth, inField]) =>
  inField ? `{"id":"deep","title":${'['.repeat(depth)}${']'.repeat(depth)}}` : '['.repeat(depth) + ']'.repeat(depth),
);

const fileCase: fc.Arbitrary<FuzzCase> = fc.oneof(
  { arbitrary: generatedText.map((text) => ({ kind: 'file' as const, how: 'generated', text })), weight: 3 },
  { arbitrary: mutatedText.map((text) => ({ kind: 'file' as const, how: 'mutated', text })), weight: 5 },
  { arbitrary: damagedText.map((text) => ({ kind: 'file' as const, how: 'damaged text', text })), weight: 2 },
  { arbitrary: deepText.map((text) => ({ kind: 'file' as const, how: 'deep nesting', text })), weight: 1 },
);

const linkCase: fc.Arbitrary<FuzzCase> = fc
  .tuple(fc.oneof(validText, mutatedText), fc.double({ min: 0, max: 1, noNaN: true }), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 6 })), { maxLength: 3 }), fc.boolean())
  .map(([text, cut, flips, intact]) => {
    const link = LZString.compressToEncodedURIComponent(text);
    if (intact) return { kind: 'link' as const, how: 'link', link };
    const chars = [...link.slice(0, Math.max(1, Math.floor(link.length * cut)))];
    for (const [at, bit] of flips) {
      const i = Math.floor(at * (chars.length - 1));
      chars[i] = String.fromCharCode(chars[i].charCodeAt(0) ^ (1 << bit));
    }
    return { kind: 'link' as const, how: 'damaged link', link: chars.join('') };
  });

export const caseArb: fc.Arbitrary<FuzzCase> = fc.oneof({ arbitrary: fileCase, weight: 3 }, { arbitrary: linkCase, weight: 1 });

/** Case i of the campaign with this seed. */
export function caseAt(seed: number, i: number): FuzzCase {
  return fc.sample(caseArb, { seed: (seed + i) | 0, numRuns: 1 })[0];
}
