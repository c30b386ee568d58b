// The compare view's panes: the other panes are simulated off the main thread
// (a worker of their own). That three panes at 1280 px sit side by side, each
// wide enough to read, none cut off, is checked in e2e/embedCompare.spec.ts, on
// the page that lays them out (one load of three simulations instead of two).
import { test, expect } from '@playwright/test';

test('the other pane is simulated in a worker of its own, and the page says so while it waits', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto('/?scenario=imap-big-mailbox-slow-link&lang=de&compare=headers-only');
  await expect(page.getByTestId('compare-waiting')).toHaveText('Die andere Ansicht wird simuliert …');
  await expect(page.getByTestId('compare-view').locator('figure').nth(1).locator('svg.picture-svg g.region').first()).toBeAttached({ timeout: 60_000 });
  // One worker for the player, one for the compare pane.
  expect(workers.filter((u) => /simulation\.worker/.test(u)).length).toBeGreaterThanOrEqual(2);
});
