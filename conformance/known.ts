// The checked-in list of differences between the model and Dovecot that are
// known, with the reason each is accepted (conformance/known-differences.json).
// A disagreement fails the test unless an entry here matches it; an entry that
// matches nothing in a full run is reported as stale.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Disagreement } from './replay';
import { ROOT } from './dovecot';

export const KNOWN_FILE = path.join('conformance', 'known-differences.json');

const Entry = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    scenarios: z.array(z.string()).min(1).describe('Scenario ids (optionally "id:variant"), or "*" for all.'),
    kind: z.enum(['reply', 'state', 'replay']),
    protocol: z.enum(['POP3', 'IMAP', 'LMTP', 'SMTP']).optional(),
    command: z.string().optional().describe('A regular expression the command must match.'),
    text: z.string().optional().describe('A regular expression every differing line (model and Dovecot) must match.'),
    reason: z.string().min(20),
  })
  .strict();
export type KnownDifference = z.infer<typeof Entry>;

const File = z
  .object({
    $comment: z.string().optional(),
    differences: z.array(Entry),
    scope: z.array(z.object({ id: z.string(), reason: z.string() }).strict()).default([]),
  })
  .strict();
export type KnownFile = z.infer<typeof File>;

export function loadKnown(): KnownFile {
  const text = readFileSync(path.join(ROOT, KNOWN_FILE), 'utf8');
  const parsed = File.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${KNOWN_FILE}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

export function matchKnown(d: Disagreement, entries: readonly KnownDifference[]): KnownDifference | null {
  for (const e of entries) {
    if (e.kind !== d.kind) continue;
    const name = `${d.scenario}:${d.variant ?? 'base'}`;
    if (!e.scenarios.some((s) => s === '*' || s === d.scenario || s === name)) continue;
    if (e.protocol && e.protocol !== d.protocol) continue;
    if (e.command && !new RegExp(e.command).test(d.command ?? '')) continue;
    if (e.text) {
      // Every differing line must be one the entry explains: a known difference
      // in a reply or a state never hides another one next to it.
      const re = new RegExp(e.text);
      const changed = d.diff.filter((l) => l.op !== ' ').map((l) => l.text);
      const explained = changed.length ? changed.every((t) => re.test(t)) : re.test(d.note ?? '');
      if (!explained) continue;
    }
    return e;
  }
  return null;
}
