// Main-thread tasks of the page, read from Chromium's own trace: each task's
// wall time (what a PerformanceObserver "longtask" reports) and its thread
// time, the CPU the renderer's main thread actually spent on it. On a shared
// machine the wall time also counts the moments the operating system ran
// someone else (other test workers, other users): a task of 20 ms of work can
// last 150 ms on the clock. What the page itself costs is its thread time, so
// the 50 ms check is made against that; the wall times are printed beside it.
import type { Browser, Page } from '@playwright/test';

export interface MainThreadTask {
  /** Wall time, ms. */
  readonly wall: number;
  /** Thread (CPU) time of the renderer's main thread, ms. */
  readonly cpu: number;
}

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly args?: { readonly name?: string };
}

export async function startTrace(browser: Browser, page: Page): Promise<void> {
  await browser.startTracing(page, { categories: ['toplevel', 'disabled-by-default-devtools.timeline', '__metadata'] });
}

/** Tasks on every renderer main thread since startTrace, longest (by thread time) first. */
export async function stopTrace(browser: Browser): Promise<MainThreadTask[]> {
  const buffer = await browser.stopTracing();
  const events = (JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const mains = new Set<string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') mains.add(`${e.pid}:${e.tid}`);
  const tasks: MainThreadTask[] = [];
  for (const e of events) {
    if (e.ph !== 'X' || e.name !== 'RunTask' || !mains.has(`${e.pid}:${e.tid}`)) continue;
    tasks.push({ wall: (e.dur ?? 0) / 1000, cpu: (e.tdur ?? e.dur ?? 0) / 1000 });
  }
  return tasks.sort((a, b) => b.cpu - a.cpu);
}
