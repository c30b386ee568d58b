// The outcome of one run of a built-in scenario, as a golden file records it:
// the final metrics (where every mail lives, lost, deleted, bounced, usage,
// exposure, views) plus what every mail check moved and how long it took.
import { metricsOf } from '../../src/sim/run/metrics';
import { simulate } from '../../src/sim/run/simulate';
import type { Metrics } from '../../src/sim/metrics.types';
import type { Scenario } from '../../src/sim/scenario/schema';
import { formatTime } from '../../src/sim/scenario/time';

export interface CheckCost {
  readonly step: number;
  readonly at: string;
  readonly device: string;
  readonly bytes: number;
  readonly seconds: number;
}

export interface Outcome {
  readonly scenario: string;
  readonly variant: string | null;
  readonly teaches: string;
  readonly metrics: Metrics;
  /** Every device.check step that reached the server: its cost (claim I12 needs more than the last one). */
  readonly checks: readonly CheckCost[];
}

export function outcomeOf(scenario: Scenario, variant: string | null, teaches: string): Outcome {
  const timeline = simulate(scenario, { variant });
  const frames = timeline.frames;
  const metrics = metricsOf(frames[frames.length - 1], timeline);

  const lastFrameOfStep = new Map<number, number>();
  frames.forEach((f, i) => {
    if (f.step >= 0) lastFrameOfStep.set(f.step, i);
  });
  const checks: CheckCost[] = [];
  scenario.steps.forEach((step, i) => {
    if (step.do !== 'device.check') return;
    const last = lastFrameOfStep.get(i);
    if (last === undefined) return;
    const state = frames[last].state;
    const sync = state.lastSync.get(step.device);
    if (!sync || sync.at !== state.time) return;
    checks.push({ step: i, at: formatTime(state.time), device: step.device, bytes: sync.bytes, seconds: sync.seconds });
  });
  return { scenario: scenario.id, variant, teaches, metrics, checks };
}

// Small readers for the proofs.

export function placesOf(o: Outcome, mail: string): string[] {
  return o.metrics.mails.find((m) => m.mail === mail)?.places.map((p) => p.place) ?? [];
}

export function copiesIn(o: Outcome, mail: string, place: string): number {
  return o.metrics.mails.find((m) => m.mail === mail)?.places.find((p) => p.place === place)?.copies ?? 0;
}

export function statusOf(o: Outcome, mail: string): string | undefined {
  return o.metrics.mails.find((m) => m.mail === mail)?.status;
}

export function onDevice(o: Outcome, mail: string, device: string): boolean {
  return placesOf(o, mail).some((p) => p.startsWith(`device/${device}/`));
}

export function onServer(o: Outcome, mail: string): boolean {
  return placesOf(o, mail).some((p) => p.startsWith('server/'));
}

export function view(o: Outcome, device: string): { shows: number; of: number } {
  const v = o.metrics.views.find((x) => x.device === device);
  return { shows: v?.shows ?? 0, of: v?.of ?? 0 };
}

export function usageKB(o: Outcome, account: string): number {
  return Math.round((o.metrics.usage.find((u) => u.account === account)?.bytes ?? 0) / 1024);
}

export function checksOf(o: Outcome, device: string): CheckCost[] {
  return o.checks.filter((c) => c.device === device);
}

/**
 * The outcome as the golden file stores it: one line per mail ("present:
 * device/phone/Inbox, server/anna/INBOX ×2"), runs of mail.burst mails with
 * the same whereabouts folded into one line ("old1..old1200").
 */
export function goldenOf(o: Outcome): Record<string, unknown> {
  const line = (m: Metrics['mails'][number]) =>
    `${m.status}: ${m.places.map((p) => (p.copies > 1 ? `${p.place} ×${p.copies}` : p.place)).join(', ') || '(nowhere)'}`;
  const where: Record<string, string> = {};
  let run: { prefix: string; from: number; to: number; line: string } | null = null;
  const flush = () => {
    if (!run) return;
    where[run.from === run.to ? `${run.prefix}${run.from}` : `${run.prefix}${run.from}..${run.prefix}${run.to}`] = run.line;
    run = null;
  };
  for (const m of o.metrics.mails) {
    const l = line(m);
    const numbered = /^(.*?)(\d+)$/.exec(m.mail);
    if (numbered && run && run.prefix === numbered[1] && Number(numbered[2]) === run.to + 1 && run.line === l) {
      run.to++;
      continue;
    }
    flush();
    if (numbered) run = { prefix: numbered[1], from: Number(numbered[2]), to: Number(numbered[2]), line: l };
    else where[m.mail] = l;
  }
  flush();
  const { mails: _mails, ...rest } = o.metrics;
  return { scenario: o.scenario, variant: o.variant, teaches: o.teaches, where, ...rest, checks: o.checks };
}
