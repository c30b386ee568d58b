// What the embed's benchmarks share: the production build, a `vite preview` of
// it on a port of their own, the machine's load, and the median.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

/** The build measured: dist/, or BENCH_DIST (e.g. an older build, to compare under the same load). */
export const DIST = process.env.BENCH_DIST ?? 'dist';

export function buildIfNeeded(): void {
  if (existsSync(`${DIST}/embed.html`) && !process.env.BENCH_BUILD) return;
  const r = spawnSync('node_modules/.bin/vite', ['build', '--logLevel', 'warn'], { stdio: 'inherit', env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' } });
  if (r.status !== 0) throw new Error('the build failed');
}

/** Serve a build (dist/ by default) on loopback; returns how to stop the server (it is killed by its own pid). */
export async function startPreview(port: number, dir: string = DIST): Promise<() => void> {
  const server = spawn('node_modules/.bin/vite', ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', dir], { stdio: 'ignore' });
  // Up to 30 s: a loaded machine can take far longer than a fixed pause.
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/embed.html`)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return () => void server.kill();
}

export function loadLine(): string {
  const [one, five, fifteen] = loadavg();
  return `load average ${one.toFixed(2)} ${five.toFixed(2)} ${fifteen.toFixed(2)} on ${cpus().length} cores`;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
