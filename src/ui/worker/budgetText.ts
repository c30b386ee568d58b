// A refused work budget in words, in the reader's language: what is too much,
// and which fields to change by how much — or, for a run stopped at its hard
// cap, what it passed, where in the file, and what to change. The player's notice and the CLI both
// say it this way (the CLI with the English strings).
import type { BudgetVerdict, CapPassed, Lever } from '../../sim';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

function number(n: number, lang: string): string {
  return new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 0 }).format(n);
}

function leverText(l: Lever, t: Translate, lang: string): string {
  const paths = l.paths.length > 3 ? `${l.paths.slice(0, 2).join(', ')} … ${l.paths[l.paths.length - 1]}` : l.paths.join(', ');
  switch (l.kind) {
    case 'mails':
      return t('ui.safety.leverMails', { paths, now: number(l.now, lang), fits: number(l.fits, lang) });
    case 'checkEveryMinutes':
      return l.fits === null ? t('ui.safety.leverChecksOff', { paths, now: number(l.now, lang) }) : t('ui.safety.leverChecks', { paths, now: number(l.now, lang), fits: number(l.fits, lang) });
    case 'span':
      return t('ui.safety.leverSpan', { paths, nowAt: l.nowAt, fitsAt: l.fitsAt });
    case 'retryEveryMinutes':
      return t('ui.safety.leverRetry', { paths, now: number(l.now, lang), fits: number(l.fits, lang) });
    case 'capMails':
      return t('ui.safety.leverCapMails', { paths, now: number(l.now, lang), arrived: number(l.arrived, lang) });
    case 'capChecks':
      return t('ui.safety.leverCapChecks', { paths, now: number(l.now, lang) });
  }
}

const CAP_WHAT = { frames: 'ui.safety.capWhatFrames', ops: 'ui.safety.capWhatOps', lines: 'ui.safety.capWhatLines', events: 'ui.safety.capWhatEvents' } as const;

/** A run stopped at its hard cap: what it passed, where, and what to change. */
function capLines(v: Extract<BudgetVerdict, { ok: false }>, cap: CapPassed, file: string, t: Translate, lang: string): string[] {
  const whereParams = { step: cap.step, do: cap.stepDo ?? '', at: cap.at };
  const where = t(cap.between ? 'ui.safety.capWhereBetween' : 'ui.safety.capWhereStep', whereParams);
  const params = { limit: number(v.limit, lang), what: t(CAP_WHAT[cap.counter]), where, variant: v.variant ?? '' };
  const lines = [`${file}: ${t(v.variant ? 'ui.safety.capPassedVariant' : 'ui.safety.capPassed', params)}`];
  if (v.levers.length) {
    lines.push(`${file}: ${t('ui.safety.capChangeOne')}`);
    for (const l of v.levers) lines.push(`${file}: ${leverText(l, t, lang)}`);
  }
  return lines;
}

/** The refusal as lines: the verdict first, then one line per field that alone would make it fit. */
export function budgetProblemLines(v: Extract<BudgetVerdict, { ok: false }>, file: string, t: Translate, lang: string): string[] {
  if (v.cap) return capLines(v, v.cap, file, t, lang);
  const times = v.units / v.limit;
  const params = { times: number(Math.ceil(times), lang), units: number(v.units, lang), limit: number(v.limit, lang), variant: v.variant ?? '' };
  const lines = [`${file}: ${t(v.variant ? 'ui.safety.tooMuchVariant' : 'ui.safety.tooMuch', params)}`];
  if (!v.levers.length) lines.push(`${file}: ${t('ui.safety.noSingle')}`);
  else {
    lines.push(`${file}: ${t('ui.safety.anyOne')}`);
    for (const l of v.levers) lines.push(`${file}: ${leverText(l, t, lang)}`);
  }
  return lines;
}
