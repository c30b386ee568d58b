// Two variants of one scenario: which frame of the second matches a frame of the
// first (same step, same change within it), how their outcomes differ, and which
// mails end up in different places.
type Variant = Scenario['variants'][string];
import type { MailWhereabouts, Metrics, Scenario, Timeline } from '../../sim';
import { stepOrdinalAt } from '../store/commands';

export function matchingFrame(a: Timeline, b: Timeline, frame: number): number {
  const k = stepOrdinalAt(a.stepStarts, frame);
  if (k < 0 || b.stepStarts[k] === undefined) return Math.min(frame, b.frames.length - 1);
  const offset = frame - a.stepStarts[k];
  const next = b.stepStarts.slice(k + 1).find((s) => s > b.stepStarts[k]);
  const end = (next ?? b.frames.length) - 1;
  return Math.max(0, Math.min(b.stepStarts[k] + offset, end, b.frames.length - 1));
}

export type Difference =
  | { readonly what: 'lost' | 'bounced' | 'exposure'; readonly a: number; readonly b: number }
  | { readonly what: 'usage'; readonly account: string; readonly a: number; readonly b: number }
  | { readonly what: 'views'; readonly device: string; readonly a: number; readonly b: number; readonly ofA: number; readonly ofB: number };

export function outcomeDifferences(a: Metrics, b: Metrics): Difference[] {
  const out: Difference[] = [];
  if (a.lost.length !== b.lost.length) out.push({ what: 'lost', a: a.lost.length, b: b.lost.length });
  if (a.bounced.length !== b.bounced.length) out.push({ what: 'bounced', a: a.bounced.length, b: b.bounced.length });
  if (a.exposure.mails !== b.exposure.mails) out.push({ what: 'exposure', a: a.exposure.mails, b: b.exposure.mails });
  for (const u of a.usage) {
    const v = b.usage.find((x) => x.account === u.account);
    if (v && v.bytes !== u.bytes) out.push({ what: 'usage', account: u.account, a: u.bytes, b: v.bytes });
  }
  for (const d of a.views) {
    const e = b.views.find((x) => x.device === d.device);
    if (e && (e.shows !== d.shows || e.of !== d.of)) out.push({ what: 'views', device: d.device, a: d.shows, b: e.shows, ofA: d.of, ofB: e.of });
  }
  return out;
}

// ---- Which mails fare differently ----

/** Where a mail's copies are, by region (the server, a device, a backup), plus its status. */
export interface MailFate {
  readonly regions: readonly string[];
  readonly status: MailWhereabouts['status'] | 'absent';
}

/** The region a place belongs to: server/anna/INBOX → server, device/laptop/Inbox → device/laptop. */
export function regionOf(place: string): string {
  const p = place.split('/');
  if (p[0] === 'device' || p[0] === 'backup') return `${p[0]}/${p[1]}`;
  return p[0];
}

export function fateOf(m: Metrics, mail: string): MailFate {
  const w = m.mails.find((x) => x.mail === mail);
  if (!w) return { regions: [], status: 'absent' };
  return { regions: [...new Set(w.places.map((p) => regionOf(p.place)))].sort(), status: w.status };
}

const fateKey = (f: MailFate) => `${f.status}|${f.regions.join(',')}`;

/** Mails (in the order the first pane knows them) whose fate is not the same in every pane. */
export function differingMails(panes: readonly Metrics[]): string[] {
  const ids: string[] = [];
  for (const m of panes) for (const w of m.mails) if (!ids.includes(w.mail)) ids.push(w.mail);
  return ids.filter((id) => new Set(panes.map((m) => fateKey(fateOf(m, id)))).size > 1);
}

/** The name of the comparison the app makes up when a scenario has no IMAP variant of its own. */
export const ALL_IMAP = 'all-imap';

/**
 * "The same, with every POP3 device on IMAP" (full cache, as Thunderbird keeps
 * mail for offline use by default): the variant the app offers for comparing a
 * POP3 scenario with IMAP. Null when no device uses POP3.
 */
export function imapCounterpart(s: Scenario): Variant | null {
  const pop3 = s.world.devices.filter((d) => d.protocol === 'pop3');
  if (pop3.length === 0) return null;
  return {
    title: { de: 'Alle Geräte mit IMAP (vollständiger Cache)', en: 'Every device on IMAP (full cache)' },
    devices: Object.fromEntries(pop3.map((d) => [d.id, { protocol: 'imap' as const, imap: { cache: 'full' as const } }])),
  };
}

/** The scenario with the made-up IMAP comparison added to its variants (when it has POP3 devices). */
export function withImapCounterpart(s: Scenario): Scenario {
  const v = imapCounterpart(s);
  return v && !s.variants[ALL_IMAP] ? { ...s, variants: { ...s.variants, [ALL_IMAP]: v } } : s;
}
