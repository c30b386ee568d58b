// Where an embed's first picture spends its time, load by load: the script files'
// arrival (resource timing) and the embed's own marks (entry run, player module
// run, strings and scenario ready, simulated, drawn), in ms since navigation.
//   npx tsx bench/embed/embedTrace.ts     (BENCH_EMBED_LOADS=5; serves dist/ on BENCH_PORT)
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { buildIfNeeded, loadLine, median, startPreview } from './benchServer';

const PORT = Number(process.env.BENCH_PORT ?? 4227);
const LOADS = Number(process.env.BENCH_EMBED_LOADS ?? 5);
const QUERY = process.env.BENCH_QUERY ?? '?scenario=pop3-three-devices&lang=de';

async function main() {
  buildIfNeeded();
  console.log(`before: ${loadLine()}`);
  const stop = await startPreview(PORT);
  const rows = new Map<string, number[]>();
  const add = (k: string, v: number) => rows.set(k, [...(rows.get(k) ?? []), v]);
  try {
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
    for (let i = 0; i < LOADS; i++) {
      const context = await browser.newContext({ viewport: { width: 640, height: 800 }, serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${PORT}/embed.html${QUERY}`);
      await page.waitForFunction(() => performance.getEntriesByName('embed:drawn').length > 0, null, { timeout: 30_000 });
      const r = await page.evaluate(() => ({
        marks: performance.getEntriesByType('mark').map((m) => [m.name, m.startTime] as const),
        res: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => [new URL(e.name).pathname.replace(/-[\w-]{8}\.js$/, '.js'), e.startTime, e.responseEnd] as const),
        nav: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseEnd,
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      }));
      add('html responseEnd', r.nav);
      for (const [n, s, e] of r.res) {
        add(`${n} start`, s);
        add(`${n} end`, e);
      }
      for (const [n, t] of r.marks) add(n, t);
      add('first contentful paint', r.fcp);
      await context.close();
    }
    await browser.close();
  } finally {
    stop();
  }
  const sorted = [...rows].sort((a, b) => median(a[1]) - median(b[1]));
  for (const [k, v] of sorted) console.log(`${median(v).toFixed(0).padStart(6)} ms  ${k}   (${v.map((x) => x.toFixed(0)).join(' ')})`);
  console.log(`after: ${loadLine()}`);
}

void main();
