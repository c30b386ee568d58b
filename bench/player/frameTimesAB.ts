// Frame times of the player, two builds back to back: plays the largest
// built-in scenario at 4× from 60 % (as bench/browser.bench.ts does), with the
// CPU throttled 4× and unthrottled, alternating the builds round by round, so
// both see the same load on a shared machine. Prints each round and the
// medians of the rounds' percentiles, with the load.
//   npx tsx bench/player/frameTimesAB.ts   (BENCH_A=dist, BENCH_B=<another build's dist>, BENCH_ROUNDS=3, BENCH_SECONDS=8, BENCH_PORT=4233)
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { loadLine, median, startPreview } from '../embed/benchServer';
import { atFullMailbox } from './atFullMailbox';

const PORT = Number(process.env.BENCH_PORT ?? 4233);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const BUILDS = [process.env.BENCH_A ?? 'dist', process.env.BENCH_B].filter((b): b is string => !!b);
const SCENARIO = 'imap-big-mailbox-slow-link';

const serve = (dir: string) => startPreview(PORT, dir);

/** requestAnimationFrame intervals while playing for `seconds` (the first five left out). */
async function play(page: Page, seconds: number): Promise<{ frames: number[]; moved: number }> {
  await atFullMailbox(page);
  const from = Number(await page.getByTestId('position').getAttribute('data-frame'));
  await page.evaluate(`(() => { window.__f = []; let last = performance.now(); window.__on = true;
    const loop = (now) => { if (!window.__on) return; window.__f.push(now - last); last = now; requestAnimationFrame(loop); };
    requestAnimationFrame(loop); })()`);
  await page.getByTestId('play').click();
  await page.waitForTimeout(seconds * 1000);
  await page.getByTestId('play').click();
  const frames = (await page.evaluate('(() => { window.__on = false; return window.__f.slice(5); })()')) as number[];
  const to = Number(await page.getByTestId('position').getAttribute('data-frame'));
  if (to <= from) throw new Error(`playback did not move (frame ${from} → ${to})`);
  return { frames, moved: to - from };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

async function main() {
  const results = new Map<string, { p50: number[]; p90: number[]; p95: number[]; fast95: number[]; longPerChange: number[] }>();
  // Frames longer than one display frame (with room for the timer's jitter), per played change: finer than the percentiles, which move in whole frames.
  const longPerChange = (r: { frames: number[]; moved: number }) => r.frames.filter((f) => f > 20).length / r.moved;
  for (let round = 1; round <= ROUNDS; round++) {
    for (const dir of BUILDS) {
      const stop = await serve(dir);
      try {
        const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
        const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
        await page.goto(`http://127.0.0.1:${PORT}/?scenario=${SCENARIO}&lang=en&quiz=off`);
        await page.locator('svg.picture-svg g.region').first().waitFor({ timeout: 180_000 });
        const fast = await play(page, SECONDS);
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
        const slow = await play(page, SECONDS);
        await browser.close();
        const r = results.get(dir) ?? { p50: [], p90: [], p95: [], fast95: [], longPerChange: [] };
        r.longPerChange.push(longPerChange(slow));
        r.p50.push(pct(slow.frames, 50));
        r.p90.push(pct(slow.frames, 90));
        r.p95.push(pct(slow.frames, 95));
        r.fast95.push(pct(fast.frames, 95));
        results.set(dir, r);
        const f = (v: number) => v.toFixed(1).padStart(6);
        console.log(`round ${round} ${dir.padEnd(24)} throttled 4×: p50 ${f(pct(slow.frames, 50))} p90 ${f(pct(slow.frames, 90))} p95 ${f(pct(slow.frames, 95))} (${slow.frames.length} frames, ${slow.moved} changes, ${longPerChange(slow).toFixed(2)} long frames per change) · unthrottled p95 ${f(pct(fast.frames, 95))} (${fast.frames.length} frames) · ${loadLine()}`);
      } finally {
        stop();
      }
    }
  }
  for (const [dir, r] of results) console.log(`median of ${ROUNDS} rounds, ${dir}: throttled 4× p50 ${median(r.p50).toFixed(1)} p90 ${median(r.p90).toFixed(1)} p95 ${median(r.p95).toFixed(1)} ms, ${median(r.longPerChange).toFixed(2)} long frames per change; unthrottled p95 ${median(r.fast95).toFixed(1)} ms`);
}

void main();
