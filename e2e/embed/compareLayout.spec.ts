// The compare view's panes: the other panes are simulated off the main thread
// (a worker of their own), and three panes at 1280 px sit side by side, each
// wide enough to read, none cut off.
import { test, expect } from '@playwright/test';
import { ready } from '../page';

test('three panes at 1280 px sit side by side, each whole and at least 380 px wide', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/?scenario=decide-offline-archive&lang=en&compare=imap');
  await ready(page);
  await page.getByTestId('compare-add').click();
  const view = page.getByTestId('compare-view');
  await expect(view).toHaveAttribute('data-panes', '3');
  await expect(view.locator('figure').nth(2).locator('svg.picture-svg g.region').first()).toBeAttached();
  // Each picture measures its box and is drawn again at the new width a moment after the panes
  // narrow (a ResizeObserver, then a render): the layout is judged once it has settled.
  await expect(async () => {
    const boxes = await view.locator('figure').evaluateAll((f) =>
      f.map((e) => {
        const r = e.getBoundingClientRect();
        const svg = e.querySelector('svg')!.getBoundingClientRect();
        return { x: r.x, y: Math.round(r.y), right: r.right, width: r.width, svgRight: svg.right, svgWidth: svg.width };
      }),
    );
    expect(new Set(boxes.map((b) => b.y)).size, 'one row').toBe(1);
    for (const b of boxes) {
      expect(b.width).toBeGreaterThanOrEqual(380);
      expect(b.right).toBeLessThanOrEqual(1280);
      expect(b.svgRight, 'the picture is not cut off').toBeLessThanOrEqual(b.right + 1);
    }
  }).toPass({ timeout: 10_000 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
});

test('the other pane is simulated in a worker of its own, and the page says so while it waits', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto('/?scenario=imap-big-mailbox-slow-link&lang=de&compare=headers-only');
  await expect(page.getByTestId('compare-waiting')).toHaveText('Die andere Ansicht wird simuliert …');
  await expect(page.getByTestId('compare-view').locator('figure').nth(1).locator('svg.picture-svg g.region').first()).toBeAttached({ timeout: 60_000 });
  // One worker for the player, one for the compare pane.
  expect(workers.filter((u) => /simulation\.worker/.test(u)).length).toBeGreaterThanOrEqual(2);
});
