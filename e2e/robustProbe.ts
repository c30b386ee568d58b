// A page probe for the robustness tests: long tasks (PerformanceObserver) and
// how late a 10 ms timer fires, which is how long the page could not answer.
import type { Page } from '@playwright/test';

declare global {
  interface Window {
    __probe: { long: { start: number; duration: number }[]; maxLate: number; inputDelay: number; reset(): number };
  }
}

export async function installProbe(page: Page) {
  await page.addInitScript(() => {
    const probe = {
      long: [] as { start: number; duration: number }[],
      maxLate: 0,
      inputDelay: 0,
      reset() {
        probe.long = [];
        probe.maxLate = 0;
        probe.inputDelay = 0;
        return performance.now();
      },
    };
    window.__probe = probe;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.long.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    let last = performance.now();
    setInterval(() => {
      const now = performance.now();
      probe.maxLate = Math.max(probe.maxLate, now - last - 10);
      last = now;
    }, 10);
    // How long an input waited before its handler ran.
    for (const type of ['keydown', 'pointerdown'])
      window.addEventListener(type, (e) => (probe.inputDelay = Math.max(probe.inputDelay, performance.now() - e.timeStamp)), { capture: true });
  });
}

export const probe = (page: Page) => page.evaluate(() => ({ long: window.__probe.long, maxLate: window.__probe.maxLate, inputDelay: window.__probe.inputDelay }));
export const resetProbe = (page: Page) => page.evaluate(() => window.__probe.reset());
