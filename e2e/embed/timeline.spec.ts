// A short built-in scenario reaches the embed with its timeline simulated at
// build time (a data file beside the scripts); when that file cannot be had, the
// embed simulates on the page and shows the same thing.
import { test, expect, type Page } from '@playwright/test';

const QUERY = '/embed.html?scenario=pop3-three-devices&lang=en&frame=12';

async function shown(page: Page) {
  await expect(page.locator('svg.picture-svg g.region').first()).toBeAttached();
  // The position line is written in a task after the picture's first regions (seen empty once when read at once).
  await expect(page.getByTestId('position')).not.toHaveText('');
  return {
    position: await page.getByTestId('position').textContent(),
    narration: await page.getByTestId('narration').textContent(),
    tokens: await page.locator('svg.picture-svg g.token').count(),
  };
}

test('a built-in scenario plays from its timeline file; without it, simulated on the page, it shows the same', async ({ page, context }) => {
  const fetched: string[] = [];
  page.on('requestfinished', (r) => {
    if (/\.timeline-[^/]*\.json$/.test(new URL(r.url()).pathname)) fetched.push(r.url());
  });
  await page.goto(QUERY);
  const fromFile = await shown(page);
  expect(fetched).toHaveLength(1);
  expect(fromFile.position).toContain('13');
  expect(fromFile.tokens).toBeGreaterThan(0);

  const other = await context.newPage();
  await other.route(/\.timeline-[^/]*\.json$/, (route) => route.abort());
  await other.goto(QUERY);
  expect(await shown(other)).toEqual(fromFile);
});
