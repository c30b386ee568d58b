// A CPU profile of one cold embed load up to the first picture, summed by
// function (self time) and by script file: where the page's thread spends it.
//   npx tsx bench/embed/embedProfile.ts   (BENCH_PORT; BENCH_QUERY; writes /tmp/embed.cpuprofile)
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { buildIfNeeded, loadLine, startPreview } from './benchServer';

const PORT = Number(process.env.BENCH_PORT ?? 4228);
const QUERY = process.env.BENCH_QUERY ?? '?scenario=pop3-three-devices&lang=de';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }

async function main() {
  buildIfNeeded();
  console.log(`before: ${loadLine()}`);
  const stop = await startPreview(PORT);
  try {
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 640, height: 800 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto('about:blank');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.goto(`http://127.0.0.1:${PORT}/embed.html${QUERY}`);
    await page.waitForFunction(() => performance.getEntriesByName('embed:drawn').length > 0, null, { timeout: 30_000 });
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] } };
    writeFileSync('/tmp/embed.cpuprofile', JSON.stringify(profile));
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<string, number>();
    const file = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      const n = byId.get(id)!;
      const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      const f = n.callFrame;
      const where = f.url ? new URL(f.url).pathname.split('/').pop()! : '(native)';
      const k = `${f.functionName || '(anon)'} ${where}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
      self.set(k, (self.get(k) ?? 0) + dt);
      file.set(where, (file.get(where) ?? 0) + dt);
    });
    console.log('by file (self ms):');
    for (const [k, v] of [...file].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${v.toFixed(1).padStart(7)}  ${k}`);
    console.log('by function (self ms):');
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${v.toFixed(1).padStart(7)}  ${k}`);
    await browser.close();
  } finally {
    stop();
  }
  console.log(`after: ${loadLine()}`);
}

void main();
