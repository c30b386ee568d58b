// The unthrottled frame times of the player alone (one pane) and of a two-pane
// compare (as bench/embed/compare.bench.ts measures them), for several builds
// back to back, round by round, so every build sees the same load on a shared
// machine. Prints each run (p50/p95, long tasks, when the second pane appeared)
// and per build the pooled percentiles and the median of the rounds' p95.
//   npx tsx bench/player/compareAB.ts   (BENCH_BUILDS=dist,<other dist>,… BENCH_ROUNDS=3, BENCH_SECONDS=8 (0: only when the panes appear), BENCH_PANES=one,two, BENCH_PORT=4262)
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { loadLine, median, percentile, startPreview } from '../embed/benchServer';
import { atFullMailbox } from './atFullMailbox';

const PORT = Number(process.env.BENCH_PORT ?? 4262);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const BUILDS = (process.env.BENCH_BUILDS ?? 'dist').split(',').filter(Boolean);
const PANES = (process.env.BENCH_PANES ?? 'one,two').split(',').filter((p): p is 'one' | 'two' => p === 'one' || p === 'two');
const SCENARIO = 'imap-big-mailbox-slow-link';
const AGAINST = 'headers-only';

/** The time between animation frames and the long tasks, recorded in the page (a string: the page lacks the TypeScript runner's helpers). */
const RECORD = `(() => {
  window.__frames = []; window.__long = []; window.__recording = true;
  new PerformanceObserver((l) => { if (window.__recording) for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask' });
  let last = performance.now();
  const loop = (now) => { if (!window.__recording) return; window.__frames.push(now - last); last = now; requestAnimationFrame(loop); };
  requestAnimationFrame(loop);
})()`;

interface Run {
  readonly frames: number[];
  readonly long: number[];
  readonly appear: number;
  readonly moved: number;
}

async function run(dir: string, panes: 'one' | 'two'): Promise<Run> {
  const stop = await startPreview(PORT, dir);
  try {
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
      const page = await context.newPage();
      const t0 = Date.now();
      await page.goto(`http://127.0.0.1:${PORT}/?scenario=${SCENARIO}&lang=en&quiz=off${panes === 'two' ? `&compare=${AGAINST}` : ''}`);
      await page.locator(panes === 'two' ? '.compare .pair figure:nth-child(2) svg.picture-svg g.region' : 'svg.picture-svg g.region').first().waitFor({ timeout: 180_000 });
      const appear = Date.now() - t0;
      // BENCH_SECONDS=0: only how long the pane(s) took to appear.
      if (SECONDS === 0) return { frames: [16.7], long: [], appear, moved: 0 };
      await atFullMailbox(page);
      const from = Number(await page.getByTestId('position').getAttribute('data-frame'));
      await page.waitForTimeout(500);
      await page.evaluate(RECORD);
      await page.getByTestId('play').click();
      await page.waitForTimeout(SECONDS * 1000);
      await page.getByTestId('play').click();
      const r = (await page.evaluate('(() => { window.__recording = false; return { frames: window.__frames.slice(5), long: window.__long }; })()')) as { frames: number[]; long: number[] };
      const to = Number(await page.getByTestId('position').getAttribute('data-frame'));
      if (to <= from) throw new Error(`playback did not move (frame ${from} → ${to})`);
      return { ...r, appear, moved: to - from };
    } finally {
      await browser.close();
    }
  } finally {
    stop();
  }
}

async function main() {
  console.log(`before: ${loadLine()}`);
  const all = new Map<string, { frames: number[]; p95: number[]; long: number; appear: number[] }>();
  const f = (v: number) => v.toFixed(1).padStart(6);
  for (let round = 1; round <= ROUNDS; round++)
    for (const panes of PANES)
      for (const dir of BUILDS) {
        const r = await run(dir, panes);
        const sorted = [...r.frames].sort((a, b) => a - b);
        const key = `${dir} ${panes}`;
        const acc = all.get(key) ?? { frames: [], p95: [], long: 0, appear: [] };
        acc.frames.push(...r.frames);
        acc.p95.push(percentile(sorted, 95));
        acc.long += r.long.length;
        acc.appear.push(r.appear);
        all.set(key, acc);
        console.log(`round ${round} ${panes} ${dir.padEnd(22)} p50 ${f(percentile(sorted, 50))} p95 ${f(percentile(sorted, 95))} max ${f(sorted[sorted.length - 1])} · ${r.frames.length} frames, ${r.moved} changes, ${r.long.length} long tasks · on screen after ${r.appear} ms · ${loadLine()}`);
      }
  for (const [key, a] of all) {
    const sorted = [...a.frames].sort((x, y) => x - y);
    console.log(`${key.padEnd(28)} pooled p50 ${f(percentile(sorted, 50))} p95 ${f(percentile(sorted, 95))}; median of rounds' p95 ${f(median(a.p95))}; long tasks ${a.long}; on screen ${median(a.appear).toFixed(0)} ms (median)`);
  }
  console.log(`after: ${loadLine()}`);
}

void main();
