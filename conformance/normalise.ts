// Comparing a server reply the model wrote with the one Dovecot sent.
//
// Most of a line must match exactly: status (+OK/-ERR, OK/NO/BAD, 250/452/552),
// response codes ([OVERQUOTA], [TRYCREATE], COPYUID ...), counts, sizes, UIDs,
// wording. Only values the model cannot know are taken out, and each is
// handled on purpose:
//   - mapped: UIDVALIDITY numbers (also inside COPYUID/APPENDUID, STATUS and the
//     POP3 UIDL, which is Dovecot's %08Xu%08Xv), LMTP session ids and Postfix
//     queue ids ("250 2.0.0 Ok: queued as 4F2A1B3C5D"). A model
//     value must stand for the same real value every time it appears in one
//     run, and two model values for two real ones: a scenario that shows a new
//     UIDVALIDITY where Dovecot kept the old one (or the reverse) disagrees.
//   - masked: Dovecot's command timings "(0.001 + 0.000 secs)" and dates, and
//     the number in SELECT's [HIGHESTMODSEQ n] (Dovecot's count of changes in
//     the folder's index; the model names it where Dovecot does, rule 107, but
//     does not count modseqs).

export type { Protocol } from '../src/sim/timeline';
import type { Protocol } from '../src/sim/timeline';
export type MappedKind = 'uidvalidity' | 'lmtp-id' | 'queue-id';
export type MaskedKind = 'time' | 'date' | 'modseq';

export interface Value {
  readonly kind: MappedKind | MaskedKind;
  readonly value: string;
}

export interface Skeleton {
  /** The line with every variable value replaced by ⟨kind⟩. */
  readonly text: string;
  readonly values: readonly Value[];
}

interface Rule {
  readonly re: RegExp;
  readonly kind: MappedKind | MaskedKind;
  readonly only?: Protocol[];
  /** Turn the matched value into the one the mapping uses (e.g. hex → decimal). */
  readonly value?: (m: RegExpExecArray) => string;
  /** The placeholder text; ⟨kind⟩ by default. */
  readonly hole?: (m: RegExpExecArray) => string;
}

const RULES: Rule[] = [
  // Dovecot's "(0.001 + 0.000 secs)" and "(0.008 + 0.000 + 0.007 secs)" after a tagged reply.
  { re: /\(\d+\.\d{3}(?: \+ \d+\.\d{3}){1,2} secs\)/g, kind: 'time', only: ['IMAP'] },
  // "Sun, 22 Nov 2026 01:31:32 +0000" (Received, Date) and IMAP's "22-Nov-2025 10:00:00 +0000".
  { re: /(?:[A-Z][a-z]{2}, )?\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}/g, kind: 'date' },
  { re: /\d{1,2}-[A-Z][a-z]{2}-\d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}/g, kind: 'date', only: ['IMAP'] },
  // "* OK [HIGHESTMODSEQ 7] Highest": that it is named is compared, not the count (rule 107).
  { re: /(\[HIGHESTMODSEQ )(\d+)(\])/g, kind: 'modseq', only: ['IMAP'], value: (m) => m[2], hole: (m) => `${m[1]}⟨modseq⟩${m[3]}` },
  // IMAP: [UIDVALIDITY n], STATUS (... UIDVALIDITY n), [COPYUID n ...], [APPENDUID n ...]
  {
    re: /(\b(?:UIDVALIDITY|COPYUID|APPENDUID) )(\d+)/g,
    kind: 'uidvalidity',
    only: ['IMAP'],
    value: (m) => String(Number(m[2])),
    hole: (m) => `${m[1]}⟨uidvalidity⟩`,
  },
  // POP3 UIDL "%08Xu%08Xv": the UID part is compared, the UIDVALIDITY part mapped.
  {
    re: /^((?:\+OK )?\d+ )([0-9a-f]{8})([0-9a-f]{8})$/g,
    kind: 'uidvalidity',
    only: ['POP3'],
    value: (m) => String(parseInt(m[3], 16)),
    hole: (m) => `${m[1]}uid(${parseInt(m[2], 16)})⟨uidvalidity⟩`,
  },
  // LMTP: "250 2.0.0 <bob@example.org> oAVmEvRFAmv6awAAg+zDdQ Saved" and the Received header's "id ...".
  {
    re: /^(250 2\.0\.0 <[^>]*> )([A-Za-z0-9+/]{22})/g,
    kind: 'lmtp-id',
    only: ['LMTP', 'SMTP'],
    value: (m) => m[2],
    hole: (m) => `${m[1]}⟨lmtp-id⟩`,
  },
  { re: /^(\tid )([A-Za-z0-9+/]{22})$/g, kind: 'lmtp-id', value: (m) => m[2], hole: (m) => `${m[1]}⟨lmtp-id⟩` },
  // SMTP: Postfix's queue id (short form: hex, 6 to 12 digits; long form: 10+ letters and digits).
  { re: /^(250 2\.0\.0 Ok: queued as )([0-9A-Za-z]{6,20})$/g, kind: 'queue-id', only: ['SMTP'], value: (m) => m[2], hole: (m) => `${m[1]}⟨queue-id⟩` },
];

/** A line with the values the model cannot know taken out. */
export function skeleton(line: string, protocol: Protocol): Skeleton {
  let text = line;
  const values: Value[] = [];
  for (const rule of RULES) {
    if (rule.only && !rule.only.includes(protocol)) continue;
    rule.re.lastIndex = 0;
    let out = '';
    let last = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.re.exec(text)) !== null) {
      out += text.slice(last, m.index) + (rule.hole ? rule.hole(m) : `⟨${rule.kind}⟩`);
      values.push({ kind: rule.kind, value: rule.value ? rule.value(m) : m[0] });
      last = m.index + m[0].length;
      if (!rule.re.global) break;
      if (m[0].length === 0) rule.re.lastIndex++;
    }
    text = out + text.slice(last);
  }
  // Rule order decides value order; sort by nothing else: both sides went through the same rules.
  return { text, values };
}

/** The model ↔ Dovecot correspondence of values the model cannot know, for one run. */
export class Mapper {
  constructor(
    private readonly m2r = new Map<string, string>(),
    private readonly r2m = new Map<string, string>(),
    private readonly scope = '',
  ) {}

  /**
   * The same correspondence, for values of one server: two servers (a provider
   * move) may well hand out the same UIDVALIDITY, and that is no inconsistency.
   */
  within(scope: string): Mapper {
    return new Mapper(this.m2r, this.r2m, `${this.scope}${scope}/`);
  }

  /** Record (or check) that model value `m` stands for real value `r`. */
  pair(kind: MappedKind, m: string, r: string): boolean {
    return this.pairAll([[kind, m, r]]);
  }

  /** The real value paired with a model value, if any. */
  real(kind: MappedKind, m: string): string | undefined {
    const rk = this.m2r.get(`${kind}:${this.scope}${m}`);
    return rk === undefined ? undefined : rk.slice(`${kind}:${this.scope}`.length);
  }

  /** Try a set of pairs; commit them only if all are consistent (with each other too). */
  pairAll(pairs: readonly [MappedKind, string, string][]): boolean {
    const m2r = new Map<string, string>();
    const r2m = new Map<string, string>();
    for (const [kind, m, r] of pairs) {
      const mk = `${kind}:${this.scope}${m}`;
      const rk = `${kind}:${this.scope}${r}`;
      const knownR = this.m2r.get(mk) ?? m2r.get(mk);
      const knownM = this.r2m.get(rk) ?? r2m.get(rk);
      if (knownR === undefined && knownM === undefined) {
        m2r.set(mk, rk);
        r2m.set(rk, mk);
      } else if (knownR !== rk || knownM !== mk) return false;
    }
    m2r.forEach((v, k) => this.m2r.set(k, v));
    r2m.forEach((v, k) => this.r2m.set(k, v));
    return true;
  }
}

const MAPPED: ReadonlySet<string> = new Set(['uidvalidity', 'lmtp-id', 'queue-id']);

/** Does one model line say what one real line says? */
export function sameLine(model: string, real: string, protocol: Protocol, mapper: Mapper): boolean {
  const a = skeleton(model, protocol);
  const b = skeleton(real, protocol);
  if (a.text !== b.text || a.values.length !== b.values.length) return false;
  const pairs: [MappedKind, string, string][] = [];
  for (let i = 0; i < a.values.length; i++) {
    if (a.values[i].kind !== b.values[i].kind) return false;
    if (MAPPED.has(a.values[i].kind)) pairs.push([a.values[i].kind as MappedKind, a.values[i].value, b.values[i].value]);
  }
  return mapper.pairAll(pairs);
}

export interface DiffLine {
  readonly op: ' ' | '-' | '+';
  readonly text: string;
}

/**
 * Compare a reply line by line. Returns null when they agree, else a diff:
 * "-" lines only the model wrote, "+" lines only Dovecot sent.
 */
export function compareReply(model: readonly string[], real: readonly string[], protocol: Protocol, mapper: Mapper): DiffLine[] | null {
  if (model.length === real.length) {
    const bad: number[] = [];
    for (let i = 0; i < model.length; i++) if (!sameLine(model[i], real[i], protocol, mapper)) bad.push(i);
    if (bad.length === 0) return null;
    // Same shape everywhere but a mapped value broke its pairing: show those lines as changed.
    if (bad.every((i) => skeleton(model[i], protocol).text === skeleton(real[i], protocol).text)) {
      const out: DiffLine[] = [];
      model.forEach((line, i) => {
        if (bad.includes(i)) out.push({ op: '-', text: line }, { op: '+', text: `${real[i]}   (value maps inconsistently with earlier lines)` });
        else out.push({ op: ' ', text: line });
      });
      return out;
    }
  }
  return diffLines(model, real, protocol);
}

/** A small LCS diff on the skeletons (replies are short). */
export function diffLines(model: readonly string[], real: readonly string[], protocol: Protocol): DiffLine[] {
  const a = model.map((l) => skeleton(l, protocol).text);
  const b = real.map((l) => skeleton(l, protocol).text);
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push({ op: ' ', text: model[i] });
      i++;
      j++;
    } else if (j < m && (i >= n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      out.push({ op: '+', text: real[j++] });
    } else {
      out.push({ op: '-', text: model[i++] });
    }
  }
  return out;
}

export function formatDiff(diff: readonly DiffLine[], indent = '    ', label: Record<DiffLine['op'], string> = { ' ': 'both    | ', '-': 'model   | ', '+': 'dovecot | ' }): string {
  return diff.map((d) => `${indent}${label[d.op]}${d.text}`).join('\n');
}
