// Sandbox benchmark: the time from an injected event (a mail arriving, chosen
// in the server's event menu) to the new picture painted, in Chromium against
// the production build, for a small, a middle-sized and a large built-in
// scenario. Each figure is the median of several injections; the longest task
// the page's main thread ran meanwhile is printed beside it (the page must not
// freeze: the simulation runs in the worker). The machine may be shared: its
// load (`uptime`) is printed before and after.
//   npx tsx bench/sandbox/inject.bench.ts   (builds when dist/ is missing; BENCH_BUILD=1 rebuilds)
//   BENCH_RUNS=7 (injections per scenario), E2E_PORT=4206 (the preview's port),
//   BENCH_WORLDS=pop3-three-devices,… (only these)
// Beside the wall-clock time: the page's main-thread task time over the same
// span (CPU time of its thread, as the renderer counts it), far less moved by
// other work on a shared machine.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../playwright.config';

const PORT = Number(process.env.E2E_PORT ?? 4206);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

/** Small, a few hundred frames, the largest: where in each the events are injected. */
const WORLDS = [
  { id: 'pop3-three-devices', frame: 10 },
  { id: 'decide-limited-quota-one-device', frame: 200 },
  { id: 'imap-big-mailbox-slow-link', frame: 1200 },
] as const;

interface Injection {
  readonly ms: number;
  readonly cpuMs: number;
  readonly longestTaskMs: number;
  readonly frames: number;
}

/**
 * In the page: choose the first "a message arrives" in the open server menu,
 * then wait until the sandbox no longer simulates and two animation frames have
 * passed (the new picture is painted). Long tasks are observed meanwhile.
 * A string, so the TypeScript runner adds no helpers the page lacks.
 */
const INJECT_AND_WAIT = `(async () => {
  const longest = { ms: 0 };
  const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) longest.ms = Math.max(longest.ms, e.duration); });
  observer.observe({ type: 'longtask' });
  const root = document.querySelector('[data-testid=sandbox]');
  const item = document.querySelector('[data-testid^="event-arrive-"]');
  const t0 = performance.now();
  item.click();
  await new Promise((resolve) => {
    const check = () => (root.hasAttribute('data-simulating') ? requestAnimationFrame(check) : resolve());
    requestAnimationFrame(check);
  });
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const ms = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 50));
  observer.disconnect();
  return { ms, longestTaskMs: longest.ms, frames: Number(document.querySelector('[data-testid=scrubber]').getAttribute('max')) + 1 };
})()`;

/** The renderer's main-thread task time so far, in ms (includes the wait in INJECT_AND_WAIT: its 50 ms pause is idle). */
async function taskMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return 1000 * (metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN);
}

async function measure(page: Page, id: string, frame: number): Promise<Injection[]> {
  await page.goto(`http://127.0.0.1:${PORT}/?scenario=${id}&frame=${frame}&lang=en`);
  await page.waitForSelector('svg.picture-svg g.region', { timeout: 120_000 });
  await page.getByTestId('open-sandbox-here').click();
  await page.waitForSelector('[data-testid=sandbox]');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const out: Injection[] = [];
  for (let run = 0; run < RUNS; run++) {
    await page.getByTestId('event-target').selectOption('server');
    await page.getByTestId('event-open').click();
    await page.waitForSelector('[data-testid^="event-arrive-"]');
    const before = await taskMs(cdp);
    const r = (await page.evaluate(INJECT_AND_WAIT)) as Omit<Injection, 'cpuMs'>;
    out.push({ ...r, cpuMs: (await taskMs(cdp)) - before });
  }
  return out;
}

/** The preview answers (a loaded machine can take seconds to start it). */
async function serverUp(): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/`)).ok) return;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`vite preview did not answer on port ${PORT}`);
}

const uptime = () => spawnSync('uptime', { encoding: 'utf8' }).stdout.trim();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (v: number) => `${v.toFixed(0)} ms`;

async function main() {
  if (!existsSync('dist/index.html') || process.env.BENCH_BUILD === '1') {
    const built = spawnSync('node_modules/.bin/vite', ['build', '--logLevel', 'warn'], { stdio: 'inherit' });
    if (built.status !== 0) throw new Error('vite build failed');
  }
  console.log(`load before   ${uptime()}`);
  const server = spawn('node_modules/.bin/vite', ['preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore' });
  try {
    await serverUp();
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const only = process.env.BENCH_WORLDS?.split(',');
    for (const { id, frame } of WORLDS.filter((w) => !only || only.includes(w.id))) {
      const runs = await measure(page, id, frame);
      const times = runs.map((r) => r.ms);
      const longest = Math.max(...runs.map((r) => r.longestTaskMs));
      const cpu = runs.map((r) => r.cpuMs);
      console.log(
        `${id.padEnd(32)} ${String(runs[runs.length - 1].frames).padStart(5)} frames  injected event → new picture: median ${ms(median(times))} (min ${ms(Math.min(...times))}, max ${ms(Math.max(...times))}; ${times.map((t) => t.toFixed(0)).join(', ')})  longest main-thread task ${ms(longest)}; main-thread task time median ${ms(median(cpu))} (${cpu.map((t) => t.toFixed(0)).join(', ')})`,
      );
    }
    await browser.close();
  } finally {
    server.kill();
  }
  console.log(`load after    ${uptime()}`);
  console.log(`(${RUNS} injections per scenario; figures from a shared machine vary with its load)`);
}

void main();
