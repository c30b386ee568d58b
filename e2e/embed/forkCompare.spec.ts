// The sandbox's compare of a fork with its original: the original is simulated
// in a worker of the compare pane's own, never on the page. While that worker's
// script is held back, the compare only says it is simulating — the page does
// not fall back to simulating the original itself; once released, both panes play.
import { test, expect, type Route } from '@playwright/test';
import { forkAtFrame } from '../sandbox/helpers';

test('the original beside a fork is simulated in the compare pane’s worker, not on the page', async ({ page }) => {
  // Every worker the page starts, by name.
  await page.addInitScript(() => {
    const names: string[] = [];
    (window as unknown as { __workers: string[] }).__workers = names;
    const Native = window.Worker;
    window.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        names.push(options?.name ?? '');
      }
    };
  });
  await forkAtFrame(page, 'pop3-three-devices', 6);
  const held: Route[] = [];
  await page.route(/\/simulation\.worker-[^/]*\.js$/, (route) => void held.push(route));
  await page.getByTestId('sandbox-compare').click();
  await expect(page.getByTestId('compare-waiting')).toBeVisible();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __workers: string[] }).__workers.filter((n) => n === 'compare').length)).toBe(1);
  await expect.poll(() => held.length).toBeGreaterThan(0);
  // Held back: still waiting a while later, with no second pane drawn by the page itself.
  await page.waitForTimeout(1500);
  await expect(page.getByTestId('compare-waiting')).toBeVisible();
  await expect(page.getByTestId('compare-view')).toHaveCount(0);
  for (const r of held) await r.continue();
  await page.unroute(/\/simulation\.worker-[^/]*\.js$/);
  await expect(page.getByTestId('compare-view')).toHaveAttribute('data-panes', '2');
  await expect(page.locator('.compare .pair figure:nth-child(2) svg.picture-svg g.region').first()).toBeAttached();
});
