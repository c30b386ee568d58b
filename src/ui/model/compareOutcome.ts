// Two variants of one scenario: which frame of the second matches a frame of the
// first (same step, same change within it), and how their outcomes differ.
import type { Metrics, Timeline } from '../../sim';
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
