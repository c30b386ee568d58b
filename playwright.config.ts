// Browser tests against the built app, served by `vite preview`, in Debian's
// Chromium headless shell (never a downloaded browser: `npx playwright install` is not used).
import { defineConfig } from '@playwright/test';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

// The browser the tests drive: Debian's chromium-headless-shell, Chromium's engine without the
// browser around it (the old headless mode; the same version as Debian's chromium, from the same
// source). It is what Playwright itself drives for headless tests. On the 2-core machine a new page
// took 150 ms against 450 ms in the full chromium with --headless, and 34 browser tests 82 s and 139
// s of CPU against 130-142 s and 241-265 s. The benchmarks and screenshot scripts keep the full
// chromium (a visitor's browser). CHROMIUM_PATH points the tests at another binary.
export const TEST_CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium-headless-shell';

// E2E_PORT lets several checkouts run their browser tests on one machine at once.
const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: [['list']],
  outputDir: '.tmp/test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: TEST_CHROMIUM,
      args: CHROMIUM_ARGS,
    },
    locale: 'en-GB',
    // The offline copy is tested on its own (e2e/embed/offline.spec.ts opts back in);
    // elsewhere a service worker would only precache in the background.
    serviceWorkers: 'block',
    // `vite preview` gzips every response again at each request (no test looks at
    // compression; the embed's size is measured from the built files): asking for
    // the files as they are took two thirds of the server's CPU off every page load
    // (4.0 -> 1.5 s of CPU for 24 loads), and the browser no longer unpacks them.
    extraHTTPHeaders: { 'Accept-Encoding': 'identity' },
    trace: 'off',
  },
  // Tests tagged @timed measure how fast the page answers (input within 100 ms, no
  // main-thread task over its limit). They run alone, one at a time, after every
  // other test has finished, so the other worker's tests do not share their CPU:
  // beside another worker a key once waited 108 ms that waits 1-2 ms alone.
  projects: [
    { name: 'browser', grepInvert: /@timed/ },
    { name: 'alone', grep: /@timed/, workers: 1, dependencies: ['browser'] },
  ],
  webServer: {
    command: `node_modules/.bin/vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});
