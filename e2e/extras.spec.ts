// Embedding, exporting, sharing and comparing.
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import LZString from 'lz-string';

const { decompressFromEncodedURIComponent } = LZString;
import { run } from './expected';
import { ready } from './page';

test('embed mode shows one scenario, compact, without the gallery', async ({ page }) => {
  await page.goto('/?scenario=pop3-three-devices&embed=1&lang=en');
  await expect(page.getByTestId('scenario-title')).toBeVisible();
  await expect(page.locator('svg.picture-svg')).toBeVisible();
  await expect(page.getByRole('button', { name: /All scenarios/ })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Mail Sync Sandbox' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Open in the Sandbox' })).toHaveAttribute('href', /scenario=pop3-three-devices/);
});

test('the picture can be saved as SVG and PNG', async ({ page }) => {
  await page.goto('/?scenario=pop3-three-devices&frame=10&lang=en');
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
  expect(svg.suggestedFilename()).toBe('pop3-three-devices-10.svg');
  const text = readFileSync(await svg.path(), 'utf8');
  expect(text).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(text).toContain('class="token');
  expect(text).toContain('.picture-svg');
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
  expect(png.suggestedFilename()).toBe('pop3-three-devices-10.png');
  const bytes = readFileSync(await png.path());
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
});

test('a shared link of a user-edited scenario opens it, and the share button copies a link', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?lang=en');
  await page.getByTestId('open-file').setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: readFileSync('scenarios/pop3-single-laptop.json') });
  await expect(page.getByTestId('scenario-title')).toBeVisible();
  await expect(page).toHaveURL(/data=/);
  const data = new URL(page.url()).searchParams.get('data')!;
  expect(JSON.parse(decompressFromEncodedURIComponent(data)).id).toBe('pop3-single-laptop');
  await page.getByTestId('share').click();
  await expect(page.getByTestId('share')).toHaveText('Link copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('data=');
  await page.getByTestId('embed-code').click();
  await expect(page.getByTestId('embed-snippet')).toHaveValue(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?data=[^"]*&amp;embed=1" title="[^"]+"/);
});

test('two variants side by side, in step, with the difference in outcome', async ({ page }) => {
  const id = 'pop3-disk-failure';
  const { scenario } = run(id);
  const variants = Object.keys(scenario.variants);
  expect(variants.length, 'the scenario has variants to compare').toBeGreaterThan(0);
  await page.goto(`/?scenario=${id}&lang=en`);
  await page.getByTestId('compare').selectOption(variants[0]);
  await expect(page.getByTestId('compare-view')).toBeVisible();
  await expect(page.locator('svg.picture-svg[data-testid=picture]')).toHaveCount(2);
  await ready(page);
  await page.keyboard.press('End');
  await expect(page.getByTestId('compare-view')).toContainText(/end differently|end the same way/);
  await expect(page).toHaveURL(new RegExp(`compare=${variants[0]}`));
});

test('a crowded folder collapses into a count that lists its mails when chosen, by mouse or keyboard', async ({ page }) => {
  const id = 'imap-big-mailbox-slow-link';
  const { timeline } = run(id);
  await page.goto(`/?scenario=${id}&frame=${timeline.frames.length - 1}&lang=en`);
  await ready(page);
  const badge = page.locator('svg.picture-svg g.badge').first();
  await expect(badge).toBeAttached();
  const hidden = Number(await badge.getAttribute('data-count'));
  expect(hidden).toBeGreaterThan(0);
  await badge.click();
  await expect(page.getByTestId('folder-panel')).toBeVisible();
  expect(await page.getByTestId('folder-panel').locator('li').count()).toBeGreaterThan(hidden);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('folder-panel')).toBeHidden();
  await badge.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('folder-panel')).toBeVisible();
});
