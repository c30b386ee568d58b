// npm run sim -- --compare FILE [--lang de|en]
// Runs a scenario and each of its variants and prints their outcomes side by
// side: where every mail ends up, then the figures (lost, bounced, server
// usage, what a break-in reads, how complete each device's view is).
import { readFileSync } from 'node:fs';
import { budgetText } from './budgetText';
import { formatProblem, loadWithinLimits, metricsOf, simulateWithinBudget, type BudgetVerdict, type Metrics, type Scenario, type Timeline } from '../sim';
import { table } from './table';
import type { Lang } from './list';

interface Column {
  readonly name: string;
  readonly title: string;
  readonly metrics: Metrics;
  /** Step index of each device.check → what that check moved and how long it took. */
  readonly checks: ReadonlyMap<number, { readonly bytes: number; readonly seconds: number }>;
}

function checkCosts(s: Scenario, timeline: Timeline): Map<number, { bytes: number; seconds: number }> {
  const lastFrameOfStep = new Map<number, number>();
  timeline.frames.forEach((f, i) => {
    if (f.step >= 0) lastFrameOfStep.set(f.step, i);
  });
  const out = new Map<number, { bytes: number; seconds: number }>();
  s.steps.forEach((step, i) => {
    const last = lastFrameOfStep.get(i);
    if (step.do !== 'device.check' || last === undefined) return;
    const state = timeline.frames[last].state;
    const sync = state.lastSync.get(step.device);
    if (sync && sync.at === state.time) out.set(i, { bytes: sync.bytes, seconds: sync.seconds });
  });
  return out;
}

/** server/anna/INBOX → "server INBOX"; device/phone/Inbox → "phone Inbox"; backups and intruders kept short. */
export function shortPlace(place: string, accounts: number): string {
  const [head, ...rest] = place.split('/');
  if (head === 'server') return accounts > 1 ? `server:${rest[0]} ${rest.slice(1).join('/')}` : `server ${rest.slice(1).join('/')}`;
  if (head === 'device') return `${rest[0]} ${rest.slice(1).join('/')}`;
  if (head === 'backup') return rest[0] === 'server' ? 'server backup' : `${rest[0]} backup`;
  if (head === 'outside') return `→ ${rest.join('/')}`;
  return head;
}

function mailCell(m: Metrics, mail: string, accounts: number): string {
  const w = m.mails.find((x) => x.mail === mail);
  if (!w) return '-';
  const places = [...new Set(w.places.map((p) => shortPlace(p.place, accounts) + (p.copies > 1 ? ` ×${p.copies}` : '')))];
  const where = places.filter((p) => !p.endsWith('backup')).join(', ');
  return w.status === 'present' ? where || 'backup only' : `${w.status.toUpperCase()}${where ? `: ${where}` : ''}`;
}

type Refused = Extract<BudgetVerdict, { ok: false }>;

/** Every variant's column, or the first refusal (budget or hard cap: the one door the player uses too). */
function columnsOf(s: Scenario, lang: Lang): Column[] | Refused {
  const names: (string | null)[] = [null, ...Object.keys(s.variants)];
  const columns: Column[] = [];
  for (const name of names) {
    const run = simulateWithinBudget(s, { variant: name });
    if (!run.ok) return run.verdict;
    const timeline = run.timeline;
    columns.push({
      name: name ?? (lang === 'de' ? 'Grundfall' : 'base'),
      title: name ? s.variants[name].title[lang] : s.title[lang],
      metrics: metricsOf(timeline.frames[timeline.frames.length - 1], timeline),
      checks: checkCosts(s, timeline),
    });
  }
  return columns;
}

const LABEL = {
  en: { mail: 'mail', lost: 'lost', bounced: 'bounced', deleted: 'deleted by user', usage: 'server usage', breach: 'a break-in reads', view: 'shows', last: 'last sync', check: 'check', mails: 'mails', none: 'no variants: nothing to compare' },
  de: { mail: 'Mail', lost: 'verloren', bounced: 'zurückgewiesen', deleted: 'vom Nutzer gelöscht', usage: 'Server-Belegung', breach: 'ein Angreifer liest', view: 'zeigt', last: 'letzter Abgleich', check: 'Abruf', mails: 'Mails', none: 'keine Varianten: nichts zu vergleichen' },
};

export function compareFile(file: string | null, lang: Lang): number {
  if (!file) {
    console.error('usage: npm run sim -- --compare FILE [--lang de|en]');
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    console.error(`${file}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    return 1;
  }
  const loaded = loadWithinLimits(file, text);
  if (!loaded.ok) {
    for (const p of loaded.problems) console.error(formatProblem(p));
    return 1;
  }
  const s = loaded.scenario;
  const l = LABEL[lang];
  const cols = columnsOf(s, lang);
  if (!Array.isArray(cols)) {
    for (const line of budgetText(cols, file, lang)) console.error(line);
    return 1;
  }
  console.log(`${s.title[lang]}\n${s.summary[lang]}\n`);
  for (const c of cols) console.log(`  ${c.name}: ${c.title}`);
  if (cols.length === 1) console.log(`\n(${l.none})`);
  console.log('');

  const accounts = s.world.accounts.length;
  const mailIds = [...new Set(cols.flatMap((c) => c.metrics.mails.map((m) => m.mail)))];
  const header = [l.mail, ...cols.map((c) => c.name)];
  const rows: string[][] = mailIds.map((id) => [id, ...cols.map((c) => mailCell(c.metrics, id, accounts))]);
  const list = (xs: readonly string[]) => (xs.length ? `${xs.length}: ${xs.length > 6 ? xs.slice(0, 6).join(' ') + ' …' : xs.join(' ')}` : '0');
  const figures: string[][] = [
    [l.lost, ...cols.map((c) => list(c.metrics.lost))],
    [l.bounced, ...cols.map((c) => list(c.metrics.bounced))],
    [l.deleted, ...cols.map((c) => list(c.metrics.deletedByUser))],
    ...s.world.accounts.map((a) => [
      `${l.usage}${accounts > 1 ? ` ${a.id}` : ''}`,
      ...cols.map((c) => {
        const u = c.metrics.usage.find((x) => x.account === a.id)!;
        return `${Math.round(u.bytes / 1024)} KB${u.quotaBytes ? ` / ${Math.round(u.quotaBytes / 1024)} KB` : ''}`;
      }),
    ]),
    [l.breach, ...cols.map((c) => `${c.metrics.exposure.mails} ${l.mails}`)],
    ...s.world.devices.map((d) => [
      `${d.id} ${l.view}`,
      ...cols.map((c) => {
        const v = c.metrics.views.find((x) => x.device === d.id);
        return v ? `${v.shows} / ${v.of}` : '-';
      }),
    ]),
    // Every check's cost, not only the last: a first sync and a later one differ (claim I12).
    ...s.steps.flatMap((step, i) => {
      if (step.do !== 'device.check') return [];
      const cells = cols.map((c) => {
        const cost = c.checks.get(i);
        return cost ? `${Math.round(cost.bytes / 1024)} KB, ${cost.seconds} s` : '-';
      });
      return [[`${step.device} ${l.check} ${step.at}`, ...cells]];
    }),
    ...s.world.devices.map((d) => [
      `${d.id} ${l.last}`,
      ...cols.map((c) => {
        const sync = c.metrics.syncs.find((x) => x.device === d.id);
        return sync ? `${Math.round(sync.bytes / 1024)} KB, ${sync.seconds} s` : '-';
      }),
    ]),
  ];
  // Mails from a mail.burst: show the first three of each burst, leave out the rest.
  const bursts = s.steps.flatMap((st) => (st.do === 'mail.burst' ? [st.prefix] : []));
  const inBurst = (id: string) => bursts.some((p) => id.startsWith(p) && /^\d+$/.test(id.slice(p.length)) && Number(id.slice(p.length)) > 3);
  const shown = rows.filter((r) => !inBurst(r[0]));
  console.log(table(header, [...shown, header.map(() => ''), ...figures]));
  if (shown.length < rows.length) console.log(lang === 'de' ? `(${rows.length - shown.length} weitere Mails ausgelassen)` : `(${rows.length - shown.length} more mails left out)`);
  return 0;
}
