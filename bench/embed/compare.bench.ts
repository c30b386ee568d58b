// Frame times of a two-pane compare of the largest built-in scenario
// (imap-big-mailbox-slow-link against its headers-only variant), playing at 4×
// from where the mailbox is full: the time between animation frames, as
// percentiles (target: p95 within one display frame, 16.7 ms), and the long
// tasks (> 50 ms) meanwhile. Also how long the second pane took to appear (it
// is simulated in a worker). Production build, `vite preview` on loopback; the
// load average is printed before and after, as timings on a busy machine are not comparable;
// the same scenario in the player alone (one pane) is measured in alternate
// rounds, so the two can be compared under the same load.
//   npx tsx bench/embed/compare.bench.ts     (BENCH_SECONDS=12, BENCH_ROUNDS=3, BENCH_BUILD=1 rebuilds first)
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { buildIfNeeded, loadLine, median, percentile, startPreview } from './benchServer';
import { atFullMailbox } from '../player/atFullMailbox';

const PORT = Number(process.env.BENCH_PORT ?? 4226);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 12);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SCENARIO = 'imap-big-mailbox-slow-link';
const AGAINST = 'headers-only';

/** Record the time between animation frames and the long tasks (a string: the page lacks the TypeScript runner's helpers). */
const RECORD = `(() => {
  window.__frames = [];
  window.__long = [];
  window.__recording = true;
  new PerformanceObserver((l) => { if (window.__recording) for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask' });
  let last = performance.now();
  const loop = (now) => {
    if (!window.__recording) return;
    window.__frames.push(now - last);
    last = now;
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
})()`;

async function main() {
  buildIfNeeded();
  console.log(`before: ${loadLine()}`);
  const stop = await startPreview(PORT);
  const all = { one: [] as number[], two: [] as number[] };
  const longs = { one: [] as number[], two: [] as number[] };
  const appear: number[] = [];
  try {
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
    for (let round = 0; round < ROUNDS; round++)
      for (const panes of ['two', 'one'] as const) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
        const page = await context.newPage();
        const t0 = Date.now();
        // quiz=off: the scenario's questions would stop playback before their step (and a still page would be timed).
        await page.goto(`http://127.0.0.1:${PORT}/?scenario=${SCENARIO}&lang=en&quiz=off${panes === 'two' ? `&compare=${AGAINST}` : ''}`);
        if (panes === 'two') {
          await page.waitForSelector('.compare .pair figure:nth-child(2) svg.picture-svg g.region', { timeout: 180_000 });
          appear.push(Date.now() - t0);
        } else await page.waitForSelector('svg.picture-svg g.region', { timeout: 180_000 });
        await atFullMailbox(page);
        await page.waitForTimeout(500);
        await page.evaluate(RECORD);
        await page.getByTestId('play').click();
        await page.waitForTimeout(SECONDS * 1000);
        await page.getByTestId('play').click();
        const r = await page.evaluate(() => {
          const w = window as unknown as { __frames: number[]; __long: number[]; __recording: boolean };
          w.__recording = false;
          return { frames: w.__frames.slice(5), long: w.__long, position: document.querySelector('[data-testid=position]')?.textContent ?? '' };
        });
        const sorted = [...r.frames].sort((a, b) => a - b);
        console.log(
          `round ${round + 1}, ${panes} pane${panes === 'two' ? 's' : ''}: ${r.frames.length} frames, p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(0)} ms; ${r.long.length} long tasks; ended at "${r.position}"`,
        );
        all[panes].push(...r.frames);
        longs[panes].push(...r.long);
        await context.close();
      }
    await browser.close();
  } finally {
    stop();
  }
  console.log(`\n${SCENARIO}, 1280×900, playing at 4× for ${SECONDS} s × ${ROUNDS} rounds`);
  for (const panes of ['two', 'one'] as const) {
    const sorted = [...all[panes]].sort((a, b) => a - b);
    const label = panes === 'two' ? `compare, two panes (against ${AGAINST})` : 'player alone, one pane (for comparison)';
    console.log(`  ${label}`);
    console.log(`    frame time  p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(0)} ms over ${sorted.length} frames`);
    console.log(`    long tasks  ${longs[panes].length} (> 50 ms), longest ${longs[panes].length ? Math.max(...longs[panes]).toFixed(0) : 0} ms`);
  }
  console.log(`  second pane on screen ${median(appear).toFixed(0)} ms (median) after navigation began (simulated in a worker)`);
  console.log(`after: ${loadLine()}`);
  const p95 = percentile([...all.two].sort((a, b) => a - b), 95);
  // Within one display frame: frame times are the intervals between animation frames, which come at
  // the display's rate with a little jitter (16.8 ms is one frame at 60 Hz, a dropped frame 33.3), so
  // one frame is 16.7 ms plus 0.5 ms of jitter, as the player's own benchmark judges it.
  const oneFrame = p95 <= 16.7 + 0.5;
  console.log(`target for the two-pane compare (p95 within one display frame, 16.7 ms): ${oneFrame ? 'met' : 'NOT met'}`);
  if (!oneFrame) process.exitCode = 1;
}

void main();
