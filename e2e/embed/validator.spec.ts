// The embed checks strangers' scenarios, not its own: a built-in scenario plays
// without the scenario validator ever being fetched, while a data= link fetches
// it, is checked, and plays (with its variant); a broken one is refused by it.
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { encodeScenario } from '../../src/ui/url/sharedScenario';

function scripts(page: Page): Set<string> {
  const loaded = new Set<string>();
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.endsWith('.js')) loaded.add(path);
  });
  return loaded;
}
const validatorFetched = (loaded: Set<string>) => [...loaded].some((p) => /\/validator-[^/]*\.js$/.test(p));

test('a built-in scenario, with a variant, plays without the validator being fetched', async ({ page }) => {
  const loaded = scripts(page);
  // With a variant: built in, it arrives applied at build time.
  await page.goto('/embed.html?scenario=decide-offline-archive&lang=en&variant=imap');
  await expect(page.getByTestId('open-full')).toHaveAttribute('href', /variant=imap/);
  await expect(page.locator('svg.picture-svg g.region').first()).toBeAttached();
  await expect(page.getByTestId('position')).toContainText('of');
  await page.waitForLoadState('networkidle');
  expect(loaded.size).toBeGreaterThan(2);
  expect(validatorFetched(loaded)).toBe(false);
});

test('the base of a built-in scenario that has variants plays, without the validator', async ({ page }) => {
  const loaded = scripts(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/embed.html?scenario=decide-offline-archive&lang=en');
  await expect(page.locator('svg.picture-svg g.region').first()).toBeAttached();
  await expect(page.getByTestId('position')).toContainText('of');
  await page.waitForLoadState('networkidle');
  expect(errors).toEqual([]);
  expect(validatorFetched(loaded)).toBe(false);
});

test('a data= scenario fetches the validator, is checked and plays with its variant', async ({ page }) => {
  const file = JSON.parse(readFileSync('scenarios/decide-offline-archive.json', 'utf8'));
  file.title = { de: 'Meine Kopie', en: 'My copy' };
  const variant = Object.keys(file.variants)[0];
  const loaded = scripts(page);
  await page.goto(`/embed.html?data=${encodeScenario(file)}&variant=${variant}&lang=en&panels=title,controls,narration`);
  await expect(page.getByTestId('scenario-title')).toHaveText('My copy');
  await expect(page.locator('svg.picture-svg g.region').first()).toBeAttached();
  expect(validatorFetched(loaded)).toBe(true);
  // The variant was applied: the link back to the app names it.
  await expect(page.getByTestId('open-full')).toHaveAttribute('href', new RegExp(`variant=${variant}`));
});

test('a data= scenario with a mistake is refused by the validator, naming the mistake', async ({ page }) => {
  const file = JSON.parse(readFileSync('scenarios/pop3-three-devices.json', 'utf8'));
  file.steps.find((s: { device?: string }) => s.device).device = 'toaster';
  await page.goto(`/embed.html?data=${encodeScenario(file)}&lang=en`);
  await expect(page.getByTestId('embed-message')).toContainText('toaster');
  await expect(page.locator('svg.picture-svg g.region')).toHaveCount(0);
});
