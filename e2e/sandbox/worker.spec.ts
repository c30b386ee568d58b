// The sandbox simulates in the worker: while the largest built-in scenario is
// simulated again after an event, the page answers the keyboard at once, shows
// how long it takes, and can stop; undo then shows the world before at once.
import { test, expect, type Page } from '@playwright/test';
import { currentFrame } from '../page';
import { forkAtFrame, noErrors, openStepList, pictureUpToDate, steps } from './helpers';

const LARGE = 'imap-big-mailbox-slow-link';

/**
 * From when the page sets `__holdWorkerReplies` (ms), every message from a worker reaches the page that
 * much later, in order: the page sees a run that long, whatever the machine's speed.
 */
async function holdWorkerReplies(page: Page) {
  await page.addInitScript(() => {
    const onmessage = Object.getOwnPropertyDescriptor(Worker.prototype, 'onmessage')!;
    const ended = new WeakSet<Worker>();
    const terminate = Worker.prototype.terminate;
    Worker.prototype.terminate = function (this: Worker) {
      ended.add(this);
      terminate.call(this);
    };
    Object.defineProperty(Worker.prototype, 'onmessage', {
      configurable: true,
      get() {
        return onmessage.get!.call(this);
      },
      set(handler: ((e: MessageEvent) => void) | null) {
        const held = handler && ((e: MessageEvent) => {
          const ms = (window as unknown as { __holdWorkerReplies?: number }).__holdWorkerReplies ?? 0;
          // A worker ended meanwhile delivers nothing more, as a real one would not.
          if (ms) setTimeout(() => ended.has(this) || handler.call(this, e), ms);
          else handler.call(this, e);
        });
        onmessage.set!.call(this, held);
      },
    });
  });
}

async function injectArrival(page: Page) {
  await page.getByTestId('event-target').selectOption('server');
  await page.getByTestId('event-open').click();
  await page.locator('[data-testid^="event-arrive-"]').first().click();
  await expect(page.getByTestId('sandbox')).toHaveAttribute('data-simulating', 'true');
}

test('while the largest scenario is simulated again after an event, a key is handled within 100 ms', { tag: '@timed' }, async ({ page }) => {
  test.setTimeout(120_000);
  const errors = noErrors(page);
  await forkAtFrame(page, LARGE, 1200);
  await openStepList(page);
  const before = await steps(page).count();
  await injectArrival(page);
  // How long each key press waited for the page, and whether the worker was still busy when it was handled.
  await page.evaluate(() => {
    const w = window as unknown as { __keys: Array<{ waited: number; simulating: boolean }> };
    w.__keys = [];
    addEventListener('keydown', (e) => w.__keys.push({ waited: performance.now() - e.timeStamp, simulating: !!document.querySelector('[data-simulating=true]') }), true);
  });
  const frame = await currentFrame(page);
  await page.keyboard.press('ArrowRight');
  // Handled: the picture on screen moved one change on, while the new one is still being simulated.
  await expect.poll(() => currentFrame(page)).toBe(frame + 1);
  const keys = await page.evaluate(() => (window as unknown as { __keys: Array<{ waited: number; simulating: boolean }> }).__keys);
  expect(keys).toHaveLength(1);
  expect(keys[0].simulating).toBe(true);
  expect(keys[0].waited).toBeLessThan(100);
  await pictureUpToDate(page);
  await expect(steps(page)).toHaveCount(before + 1);
  await expect(page.getByTestId('sandbox-live')).toContainText('A message arrives');
  expect(errors).toEqual([]);
});

test('a long re-simulation shows its progress and can be stopped; the picture keeps the world before, undo shows it at once', async ({ page }) => {
  test.setTimeout(120_000);
  await holdWorkerReplies(page);
  await forkAtFrame(page, LARGE, 1200);
  await openStepList(page);
  const before = await steps(page).count();
  const frame = await currentFrame(page);
  // Stopped by the page itself the moment its progress shows: a click from the
  // test needs a round trip, and on a fast machine the run can end first.
  await page.evaluate(() => {
    const stop = () => {
      const button = document.querySelector<HTMLButtonElement>('[data-testid=simulation-cancel]');
      if (!button) return false;
      button.click();
      return true;
    };
    const watch = new MutationObserver(() => stop() && watch.disconnect());
    watch.observe(document.body, { childList: true, subtree: true });
  });
  // A run as long as on a slow machine: the progress shows only after 300 ms, and on a
  // fast one the worker could answer before that (throttling the page's CPU does not slow the worker).
  await page.evaluate((ms) => ((window as unknown as { __holdWorkerReplies: number }).__holdWorkerReplies = ms), 3000);
  await page.getByTestId('event-target').selectOption('server');
  await page.getByTestId('event-open').click();
  await page.locator('[data-testid^="event-arrive-"]').first().click();
  await expect(page.getByTestId('sandbox-trouble')).toHaveAttribute('data-kind', 'cancelled');
  await expect(page.getByTestId('sandbox')).not.toHaveAttribute('data-simulating', 'true');
  // The step stays in the draft (one undo away); the picture is still the world before it.
  await expect(steps(page)).toHaveCount(before + 1);
  expect(await currentFrame(page)).toBe(frame);
  // "Simulate again" finishes the job.
  await page.getByTestId('sandbox-retry').click();
  await pictureUpToDate(page);
  await expect(page.getByTestId('sandbox-trouble')).toHaveCount(0);
  expect(await currentFrame(page)).toBeGreaterThan(frame);
  // Undo: the world before was kept, so no run is needed.
  await page.keyboard.press('Control+z');
  await expect(steps(page)).toHaveCount(before);
  await expect(page.getByTestId('sandbox')).not.toHaveAttribute('data-simulating', 'true', { timeout: 1000 });
  await expect(page.getByTestId('position')).toHaveAttribute('data-frame', String(frame));
});
