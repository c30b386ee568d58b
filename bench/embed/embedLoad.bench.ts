// embed.html against its two targets: the JavaScript a reader's browser loads
// (gzip, target ≤ 120 KB) and the time from navigation to the first picture on
// loopback (target ≤ 500 ms). Every load is cold: a new browser context with
// nothing cached and service workers blocked, against the production build
// served by `vite preview`. Prints the median of several loads and the machine's
// load average before and after (timings on a busy machine are not comparable).
//   npx tsx bench/embed/embedLoad.bench.ts      (BENCH_EMBED_LOADS=9, BENCH_BUILD=1 rebuilds first, BENCH_DIST=dir measures another build, BENCH_TARGET_ONLY=1 skips the large scenario)
// The main-thread work (CPU time of the page's thread) is the figure least moved by other work on the machine.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { buildIfNeeded, DIST, loadLine, median, startPreview } from './benchServer';

const PORT = Number(process.env.BENCH_PORT ?? 4225);
const LOADS = Number(process.env.BENCH_EMBED_LOADS ?? 9);
// The targets are for a help article's scenario; the largest one is printed beside it for scale
// (it simulates 2,409 frames before its first picture).
const CASES = [
  { name: 'pop3-three-devices, German', query: '?scenario=pop3-three-devices&lang=de', counts: true },
  { name: 'imap-big-mailbox-slow-link, English (for scale, not a target)', query: '?scenario=imap-big-mailbox-slow-link&lang=en', counts: false },
];

async function main() {
  buildIfNeeded();
  console.log(`before: ${loadLine()}`);
  const stop = await startPreview(PORT);
  let met = true;
  try {
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
    for (const c of process.env.BENCH_TARGET_ONLY ? CASES.filter((x) => x.counts) : CASES) {
      const times: number[] = [];
      const painted: number[] = [];
      const busy: number[] = [];
      let js = new Set<string>();
      let data = new Set<string>();
      for (let i = 0; i < LOADS; i++) {
        const context = await browser.newContext({ viewport: { width: 640, height: 800 }, serviceWorkers: 'block' });
        const page = await context.newPage();
        const loaded = new Set<string>();
        const loadedData = new Set<string>();
        page.on('request', (r) => {
          const path = new URL(r.url()).pathname;
          if (path.endsWith('.js')) loaded.add(path.replace(/^\//, ''));
          if (path.endsWith('.json')) loadedData.add(path.replace(/^\//, ''));
        });
        // The moment the picture's first region is in the document, in ms since navigation began,
        // and the moment after the browser's next frame (style, layout and paint of that frame done):
        // the picture is on screen by then. Work the page does in the same task after inserting the
        // picture delays the second, not the first.
        await page.addInitScript(`(() => {
          const seen = () => document.querySelector('svg.picture-svg g.region');
          new MutationObserver((_, obs) => {
            if (!seen()) return;
            window.__firstPicture = performance.now();
            obs.disconnect();
            requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => { window.__firstPainted = performance.now(); }; c.port2.postMessage(0); });
          }).observe(document, { childList: true, subtree: true });
        })()`);
        // The renderer's own count of main-thread work (tasks: parsing, compiling, running, layout):
        // on a machine shared with other work this grows far less than the wall-clock time does.
        const cdp = await context.newCDPSession(page);
        await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
        await page.goto(`http://127.0.0.1:${PORT}/embed.html${c.query}`);
        await page.waitForFunction(() => (window as unknown as { __firstPainted?: number }).__firstPainted !== undefined, null, { timeout: 30_000 });
        times.push(Number(await page.evaluate('window.__firstPicture')));
        painted.push(Number(await page.evaluate('window.__firstPainted')));
        const { metrics } = await cdp.send('Performance.getMetrics');
        busy.push(1000 * (metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN));
        await page.waitForLoadState('networkidle');
        js = loaded;
        data = loadedData;
        await context.close();
      }
      const gz = (f: string) => (existsSync(join(DIST, f)) ? gzipSync(readFileSync(join(DIST, f)), { level: 9 }).length : 0);
      const files = [...js].sort();
      const total = files.reduce((n, f) => n + gz(f), 0);
      const validator = files.some((f) => /validator|sharedScenario/.test(f));
      const sorted = [...times].sort((a, b) => a - b);
      console.log(`\n${c.name}`);
      console.log(`  JS loaded          ${(total / 1024).toFixed(1)} KB gzip -9 in ${files.length} files (target ≤ 120 KB)`);
      for (const f of files) console.log(`    ${(gz(f) / 1024).toFixed(1).padStart(6)} KB  ${f}`);
      const dataFiles = [...data].sort();
      console.log(`  data loaded        ${(dataFiles.reduce((n, f) => n + gz(f), 0) / 1024).toFixed(1)} KB gzip -9 (a timeline simulated at build time, when the scenario is short)`);
      for (const f of dataFiles) console.log(`    ${(gz(f) / 1024).toFixed(1).padStart(6)} KB  ${f}`);
      console.log(`  validator loaded   ${validator ? 'yes' : 'no'}`);
      console.log(`  first picture      median ${median(times).toFixed(0)} ms, best ${sorted[0].toFixed(0)} ms, worst ${sorted[sorted.length - 1].toFixed(0)} ms of ${LOADS} cold loads (target ≤ 500 ms)`);
      const paintedSorted = [...painted].sort((a, b) => a - b);
      console.log(`  ... painted        median ${median(painted).toFixed(0)} ms, best ${paintedSorted[0].toFixed(0)} ms, worst ${paintedSorted[paintedSorted.length - 1].toFixed(0)} ms (after the frame that shows it)`);
      console.log(`  main-thread work   median ${median(busy).toFixed(0)} ms of tasks by the first picture painted (CPU time of the page's thread)`);
      if (c.counts && (total > 120 * 1024 || median(painted) > 500 || validator)) met = false;
    }
    await browser.close();
  } finally {
    stop();
  }
  console.log(`\nafter: ${loadLine()}`);
  console.log(`targets for pop3-three-devices (JS ≤ 120 KB gzip, first picture ≤ 500 ms, no validator): ${met ? 'met' : 'NOT met'}`);
}

void main();
