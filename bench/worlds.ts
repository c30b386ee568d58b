// The worlds the benchmark simulates: a built-in scenario, and a household
// that syncs daily for a year (the stress case), at full and at a tenth of
// its mail volume so the ratio shows how the engine scales.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarioData, loadScenarioText, formatProblem } from '../src/sim/scenario/load';
import type { Scenario, ScenarioInput } from '../src/sim/scenario/schema';

const ROOT = join(import.meta.dirname, '..');
const DAYS = 365;
const DAILY = 1440;

export interface BenchWorld {
  readonly name: string;
  readonly describe: string;
  readonly scenario: Scenario;
}

function loaded(file: string, result: ReturnType<typeof loadScenarioData>): Scenario {
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.scenario;
}

export function smallWorld(): BenchWorld {
  const file = 'scenarios/pop3-three-devices.json';
  return { name: 'small', describe: file, scenario: loaded(file, loadScenarioText(file, readFileSync(join(ROOT, file), 'utf8'))) };
}

/**
 * Anna reads on five IMAP clients (full cache, headers cache, webmail, a phone
 * on IDLE, a tablet); Ben's three POP3 devices share one account (delete on
 * download, leave 14 days, leave forever). `mails` arrive evenly over a year,
 * to both; every device checks once a day; the server is backed up nightly.
 */
export function yearWorld(mails: number): BenchWorld {
  const everyMinutes = Math.max(1, Math.floor((DAYS * 24 * 60) / mails));
  const daily = { checkEveryMinutes: DAILY };
  const input: ScenarioInput = {
    id: `year-${mails}`,
    title: { de: 'Ein Jahr', en: 'A year' },
    summary: { de: 'Ein Jahr tägliche Abrufe', en: 'A year of daily syncs' },
    world: {
      server: { backup: 'daily' },
      accounts: [
        { id: 'anna', address: 'anna@example.org' },
        { id: 'ben', address: 'ben@example.org' },
      ],
      devices: [
        { id: 'desktop', kind: 'desktop', account: 'anna', protocol: 'imap', imap: { cache: 'full' }, ...daily },
        { id: 'laptop', kind: 'laptop', account: 'anna', protocol: 'imap', imap: { cache: 'headers' }, ...daily },
        { id: 'webmail', kind: 'webmail', account: 'anna', protocol: 'imap', imap: { cache: 'none' }, ...daily },
        { id: 'phone', kind: 'phone', account: 'anna', protocol: 'imap', imap: { cache: 'headers', idle: true }, ...daily },
        { id: 'tablet', kind: 'tablet', account: 'anna', protocol: 'imap', imap: { cache: 'full' }, ...daily },
        { id: 'pc', kind: 'desktop', account: 'ben', protocol: 'pop3', pop3: { leaveOnServer: false }, ...daily },
        { id: 'notebook', kind: 'laptop', account: 'ben', protocol: 'pop3', pop3: { leaveOnServer: true, deleteAfterDays: 14 }, ...daily },
        { id: 'mobile', kind: 'phone', account: 'ben', protocol: 'pop3', pop3: { leaveOnServer: true, deleteOnServerWhen: 'never' }, ...daily },
      ],
    },
    steps: [
      { at: 'day 1, 00:00', do: 'mail.burst', prefix: 'm', count: mails, everyMinutes, from: 'news@example.com', to: ['anna', 'ben'], sizeKB: 8 },
      { at: `day ${DAYS + 1}, 00:00`, do: 'world.wait' },
    ],
  };
  return { name: `year-${mails}`, describe: `${mails} mails over ${DAYS} days, 8 devices checking daily, nightly server backup`, scenario: loaded(input.id, loadScenarioData(input.id, input)) };
}

export const WORLDS: Record<string, () => BenchWorld> = {
  small: smallWorld,
  'year-10000': () => yearWorld(10_000),
  'year-1000': () => yearWorld(1_000),
};
