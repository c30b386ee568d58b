// Hostile and heavy input in a real browser: a link over the work budget is
// refused with the fields to change while the page keeps answering; a long
// simulation runs in the worker with progress and can be cancelled; and no
// built-in scenario blocks the main thread for more than 50 ms while it loads.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { test, expect, type Page } from '@playwright/test';
import LZString from 'lz-string';
import { yearWorld } from '../bench/worlds';
import { ready } from './page';
import { installProbe, probe, resetProbe } from './robustProbe';
import { overloaded, startTrace, stopTrace, type MainThreadTask } from './robust/mainThread';

// How fast the page answers, as the issue asks it: every key or click handled within 100 ms
// of its time stamp, and no main-thread task over 100 ms of the renderer main thread's CPU
// (Chromium's trace: see robust/mainThread.ts for why not the clock). These tests are tagged
// @timed and run alone (playwright.config.ts). The wall-clock figures (timer lateness, the
// PerformanceObserver's long tasks) also count the moments the machine ran someone else, so they
// are printed beside, not judged: at a load of 6 a timer was 59-253 ms late while the page's own
// tasks and inputs were short.
const ANSWER_MS = 100;

/** The page's answer figures, printed, and judged (always under CI=true; locally unless the machine is overloaded). */
function judge(what: string, p: Awaited<ReturnType<typeof probe>>, tasks: MainThreadTask[]) {
  const top = tasks[0] ?? { cpu: 0, wall: 0, what: '' };
  console.log(`${what}: longest main-thread task ${top.cpu.toFixed(0)} ms CPU (${top.wall.toFixed(0)} ms wall${top.what ? `; ${top.what}` : ''}), input waited ${Math.round(p.inputDelay)} ms; by the clock: long tasks ${JSON.stringify(p.long.map((l) => Math.round(l.duration)))}, timer late by ${Math.round(p.maxLate)} ms (load ${loadavg()[0].toFixed(1)})`);
  expect(p.inputDelay, 'the longest an input waited, ms').toBeLessThan(ANSWER_MS);
  if (overloaded()) return void test.info().annotations.push({ type: 'not judged', description: `main-thread tasks at machine load ${loadavg()[0].toFixed(1)}` });
  expect(top.cpu, `the longest main-thread task, ms of CPU (${top.what})`).toBeLessThan(ANSWER_MS);
}

const HOSTILE = readFileSync('test/fuzz/fixtures/hostile-burst.json', 'utf8');

/** Open a shared link in the running page, as back/forward does (the address is read again). */
async function openLink(page: Page, data: string) {
  await page.evaluate((d) => {
    history.pushState(null, '', `?lang=en&data=${d}`);
    dispatchEvent(new PopStateEvent('popstate'));
  }, data);
}

test('the 1.3 KB link of 100,000 mails is refused at once, naming the fields to change; the page keeps answering', { tag: '@timed' }, async ({ page, browser }) => {
  await installProbe(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('/?lang=en');
  await expect(page.locator('li.card').first()).toBeVisible();
  await page.waitForTimeout(300);
  await resetProbe(page);
  await startTrace(browser, page);
  await openLink(page, LZString.compressToEncodedURIComponent(HOSTILE));
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('This scenario asks for more work than is allowed here');
  await expect(notice).toContainText('steps[0].count, steps[1].count … steps[4].count: 100,000 messages from bursts in all — make it at most 1,308');
  await expect(notice).toContainText('a check every 5 min — make the interval at least 396 min');
  await expect(notice).toContainText('the scenario runs until day 70, 08:00 — end it by day 2, 05:39');
  // The gallery is there and usable.
  await page.getByRole('searchbox').fill('quota');
  await expect(page.locator('li.card').first()).toBeVisible();
  await page.getByRole('searchbox').press('Backspace');
  judge('refusal', await probe(page), await stopTrace(browser));
  expect(errors).toEqual([]);
});

test('the refusal speaks German in the German view', async ({ page }) => {
  await page.goto(`/?lang=de&data=${LZString.compressToEncodedURIComponent(HOSTILE)}`);
  await expect(page.getByTestId('notice')).toContainText('Dieses Szenario verlangt mehr Rechenarbeit, als hier zulässig ist');
  await expect(page.getByTestId('notice')).toContainText('insgesamt 100.000 Nachrichten aus Serien – auf höchstens 1.308 verringern');
});

test('a long simulation runs in the worker with progress, the page answers input throughout, and cancel stops it', { tag: '@timed' }, async ({ page, browser }) => {
  await installProbe(page);
  await page.goto('/?lang=en');
  await expect(page.locator('li.card').first()).toBeVisible();
  const data = LZString.compressToEncodedURIComponent(JSON.stringify(yearWorld(10_000).scenario));
  await resetProbe(page);
  await startTrace(browser, page);
  // Open it the way a shared link opens after page load (back/forward reads the address).
  await openLink(page, data);
  const progress = page.getByTestId('simulation-progress');
  await expect(progress).toBeVisible();
  await expect(progress).toContainText(/Simulating the scenario … \d+ seconds? \(\d+% done\)/, { timeout: 15_000 });
  // A real fraction of the run, that never goes down while it simulates.
  const fractions: number[] = [];
  for (let i = 0; i < 4; i++) {
    fractions.push(Number(await progress.getAttribute('data-fraction')));
    await page.waitForTimeout(400);
  }
  expect(fractions[fractions.length - 1]).toBeGreaterThan(0);
  for (let i = 1; i < fractions.length; i++) expect(fractions[i]).toBeGreaterThanOrEqual(fractions[i - 1]);
  expect(fractions[fractions.length - 1]).toBeLessThan(1);
  // Typing while it simulates: every key answered quickly.
  const search = page.getByRole('searchbox');
  await search.pressSequentially('quota', { delay: 50 });
  await expect(search).toHaveValue('quota');
  await page.getByTestId('simulation-cancel').click();
  await expect(progress).toBeHidden();
  await expect(page.getByTestId('notice')).toContainText('The simulation was cancelled');
  judge('long run', await probe(page), await stopTrace(browser));
  // And the app works on: a built-in scenario opens.
  await search.fill('');
  await page.locator('li.card[data-scenario=pop3-three-devices] h3 a').click();
  await ready(page);
});

// The check that no built-in scenario's load runs a main-thread task over 50 ms is in every run:
// e2e/robust/longTasks.spec.ts (measured as the main thread's CPU time, from Chromium's trace).
