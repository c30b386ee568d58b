// A CPU profile of the page's main thread from an injected event (a mail
// arriving, chosen in the server's event menu) to the new picture, summed by
// function (self time) and by script file: where the page's thread spends it.
// Also the renderer's own count of main-thread task time over the same span
// (CPU time, far less moved by other work on a shared machine than wall-clock).
//   npx tsx bench/sandbox/injectProfile.ts   (E2E_PORT; BENCH_SCENARIO=pop3-three-devices BENCH_FRAME=10 BENCH_RUNS=5; writes /tmp/inject.cpuprofile)
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../playwright.config';

const PORT = Number(process.env.E2E_PORT ?? 4206);
const ID = process.env.BENCH_SCENARIO ?? 'pop3-three-devices';
const FRAME = Number(process.env.BENCH_FRAME ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }

const INJECT = `(async () => {
  const root = document.querySelector('[data-testid=sandbox]');
  const t0 = performance.now();
  document.querySelector('[data-testid^="event-arrive-"]').click();
  await new Promise((resolve) => {
    const check = () => (root.hasAttribute('data-simulating') ? requestAnimationFrame(check) : resolve());
    requestAnimationFrame(check);
  });
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return performance.now() - t0;
})()`;

const uptime = () => spawnSync('uptime', { encoding: 'utf8' }).stdout.trim();

async function main() {
  console.log(`load before   ${uptime()}`);
  const server = spawn('node_modules/.bin/vite', ['preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore' });
  try {
    for (let i = 0; i < 120; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${PORT}/`)).ok) break;
      } catch {
        /* not yet */
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`http://127.0.0.1:${PORT}/?scenario=${ID}&frame=${FRAME}&lang=en`);
    await page.waitForSelector('svg.picture-svg g.region', { timeout: 120_000 });
    await page.getByTestId('open-sandbox-here').click();
    await page.waitForSelector('[data-testid=sandbox]');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    const self = new Map<string, number>();
    const file = new Map<string, number>();
    const walls: number[] = [];
    const cpu: number[] = [];
    const taskMs = async () => 1000 * ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN);
    for (let run = 0; run < RUNS; run++) {
      await page.getByTestId('event-target').selectOption('server');
      await page.getByTestId('event-open').click();
      await page.waitForSelector('[data-testid^="event-arrive-"]');
      await cdp.send('Profiler.start');
      const before = await taskMs();
      walls.push(Number(await page.evaluate(INJECT)));
      cpu.push((await taskMs()) - before);
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] } };
      if (run === RUNS - 1) writeFileSync('/tmp/inject.cpuprofile', JSON.stringify(profile));
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      profile.samples.forEach((id, i) => {
        const f = byId.get(id)!.callFrame;
        const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000 / RUNS;
        const where = f.url ? new URL(f.url).pathname.split('/').pop()! : '(native)';
        const k = `${f.functionName || '(anon)'} ${where}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
        self.set(k, (self.get(k) ?? 0) + dt);
        file.set(where, (file.get(where) ?? 0) + dt);
      });
    }
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    console.log(`${ID}: injected event → new picture, wall ${walls.map((w) => w.toFixed(0)).join(', ')} ms (median ${med(walls).toFixed(0)}); main-thread task time ${cpu.map((w) => w.toFixed(0)).join(', ')} ms (median ${med(cpu).toFixed(0)})`);
    console.log('by file (self ms, mean of the runs):');
    for (const [k, v] of [...file].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`  ${v.toFixed(1).padStart(7)}  ${k}`);
    console.log('by function (self ms, mean of the runs):');
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${v.toFixed(1).padStart(7)}  ${k}`);
    await browser.close();
  } finally {
    server.kill();
  }
  console.log(`load after    ${uptime()}`);
}

void main();
