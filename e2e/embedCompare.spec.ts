// Compare that points at the difference: pop3-three-devices has no IMAP variant
// of its own, so the app offers "every device on IMAP (full cache)"; the mails
// that end up differently are listed and ringed in every pane.
import { test, expect } from '@playwright/test';
import { ready } from './page';
import { loadBuiltin } from './expected';
import { metricsOf, simulate } from '../src/sim';
import { ALL_IMAP, differingMails, withImapCounterpart } from '../src/ui/model/compareOutcome';

function expectedDiffering(): string[] {
  const s = withImapCounterpart(loadBuiltin('pop3-three-devices'));
  const end = (variant: string | null) => {
    const tl = simulate(s, { variant });
    return metricsOf(tl.frames[tl.frames.length - 1], s);
  };
  return differingMails([end(null), end(ALL_IMAP)]);
}

test('POP3 against IMAP: the mails that end differently are listed and ringed in both panes; a click in either pane opens the mail', async ({ page }) => {
  const differing = expectedDiffering();
  expect(differing.length, 'POP3 and IMAP end differently for some mails').toBeGreaterThan(0);
  await page.goto('/?scenario=pop3-three-devices&lang=en');
  await ready(page);
  await page.getByTestId('compare').selectOption(ALL_IMAP);
  const view = page.getByTestId('compare-view');
  await expect(view).toHaveAttribute('data-panes', '2');
  await expect(view.locator('figcaption').nth(1)).toHaveText('Every device on IMAP (full cache)');
  const items = page.getByTestId('compare-mails').locator('li');
  await expect(items).toHaveCount(differing.length);
  expect(await items.evaluateAll((li) => li.map((e) => e.getAttribute('data-mail')))).toEqual(differing);
  // e.g. "mail 2: only on Anna's phone — on the server and on Anna's phone, …"
  await expect(items.first()).toContainText(/^mail \d+: only on .+ — .*on the server/);
  await page.keyboard.press('End');
  const panes = view.locator('svg.picture-svg');
  await expect(panes).toHaveCount(2);
  for (const i of [0, 1]) {
    const ringed = await panes.nth(i).locator('g.token.differs').evaluateAll((g) => [...new Set(g.map((n) => (n as unknown as { __data__: { mail: string } }).__data__.mail))].sort());
    expect(ringed.length, `pane ${i + 1} rings differing mails`).toBeGreaterThan(0);
    for (const m of ringed) expect(differing).toContain(m);
  }
  // Clicking a mail in the second pane opens its details, for both panes.
  await panes.nth(1).locator('g.token.differs').first().click();
  await expect(page.getByTestId('compare-mail').locator('li')).toHaveCount(2);
  await expect(page.getByTestId('compare-mail')).toContainText('Every device on IMAP (full cache): at the end');
});

test('a third pane plays in step, and the panes stack on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 900 });
  await page.goto('/?scenario=decide-offline-archive&lang=de&compare=imap');
  await ready(page);
  await page.getByTestId('compare-add').click();
  const view = page.getByTestId('compare-view');
  await expect(view).toHaveAttribute('data-panes', '3');
  const boxes = await view.locator('figure').evaluateAll((f) => f.map((e) => e.getBoundingClientRect()).map((r) => ({ x: Math.round(r.x), y: Math.round(r.y) })));
  expect(new Set(boxes.map((b) => b.x)).size, 'stacked: one column').toBe(1);
  expect(boxes[1].y).toBeGreaterThan(boxes[0].y);
  expect(boxes[2].y).toBeGreaterThan(boxes[1].y);
});

test('three panes take the page’s width side by side, each whole and at least 380 px wide at 1280 px; the side column moves below, and comes back beside two', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/?scenario=decide-offline-archive&lang=en&compare=imap');
  await ready(page);
  const grid = page.locator('.player-grid');
  const side = () => page.locator('.player-grid > :not(.stage)').first().evaluate((e) => Math.round(e.getBoundingClientRect().x));
  const besideX = await side();
  expect(besideX).toBeGreaterThan(600);
  await page.getByTestId('compare-add').click();
  await expect(page.getByTestId('compare-view')).toHaveAttribute('data-panes', '3');
  await expect(grid).toHaveClass(/three-panes/);
  const ys = await page.getByTestId('compare-view').locator('figure').evaluateAll((f) => f.map((e) => Math.round(e.getBoundingClientRect().y)));
  expect(new Set(ys).size, 'three panes in one row').toBe(1);
  expect(await side(), 'the side column below the panes').toBeLessThan(100);
  // The three panes at 1280 px, each whole and at least 380 px wide (this was a test of its own in
  // e2e/embed/compareLayout.spec.ts, which loaded the same page and added the same pane).
  const view = page.getByTestId('compare-view');
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
  await page.getByRole('button', { name: 'Remove it' }).click();
  await expect(page.getByTestId('compare-view')).toHaveAttribute('data-panes', '2');
  await expect(grid).not.toHaveClass(/three-panes/);
  expect(await side()).toBe(besideX);
});
