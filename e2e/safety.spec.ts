// Scenario files and links come from strangers: their text is shown as text,
// the page runs nothing of theirs, and a broken link is explained.
import { test, expect } from '@playwright/test';
import LZString from 'lz-string';

const { compressToEncodedURIComponent } = LZString;
import { loadBuiltin } from './expected';
import { ready } from './page';

const EVIL = '<img src=x onerror=alert(1)>';

function evilScenario() {
  const s = structuredClone(loadBuiltin('pop3-single-laptop')) as unknown as Record<string, unknown> & { steps: Array<Record<string, unknown>>; title: Record<string, string>; world: { devices: Array<Record<string, unknown>> } };
  s.id = 'evil';
  s.title = { de: `Titel ${EVIL}`, en: `Title ${EVIL}` };
  s.variants = {};
  for (const step of s.steps) if (step.do === 'mail.arrive') (step.mail as Record<string, unknown>).subject = EVIL;
  s.world.devices[0].label = { de: EVIL, en: EVIL };
  return s;
}

test('the built page carries a Content-Security-Policy and no inline script', async ({ page }) => {
  const response = await page.goto('/');
  const html = await response!.text();
  expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="[^"]*script-src (&#39;|')self(&#39;|')/);
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
});

test('a scenario whose mail subject is HTML shows it as text and runs nothing', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  const violations: string[] = [];
  page.on('console', (m) => m.text().includes('Content Security Policy') && violations.push(m.text()));
  const data = compressToEncodedURIComponent(JSON.stringify(evilScenario()));
  await page.goto(`/?data=${data}&lang=en`);
  await expect(page.getByTestId('scenario-title')).toHaveText(`Title ${EVIL}`);
  await ready(page);
  await page.keyboard.press('End');
  await page.getByTestId('toggle-table').click();
  await expect(page.getByTestId('place-table')).toContainText(EVIL);
  await page.getByTestId('place-table').getByRole('button').first().click();
  await expect(page.getByTestId('mail-subject')).toHaveText(EVIL);
  await page.getByTestId('toggle-table').click();
  await expect(page.locator('svg.picture-svg')).toContainText(EVIL);
  await page.waitForTimeout(300);
  expect(await page.locator('img').count()).toBe(0);
  expect(dialogs).toEqual([]);
  expect(violations).toEqual([]);
});

test('a broken shared link says what is wrong, and the app keeps working', async ({ page }) => {
  await page.goto('/?data=this-is-not-a-scenario&lang=en');
  await expect(page.getByTestId('notice')).toContainText('does not contain a scenario');
  await expect(page.getByTestId('notice')).toContainText('damaged');
  await expect(page.locator('li.card').first()).toBeVisible();
  // A link that unpacks but is not a valid scenario names the field.
  const bad = evilScenario();
  (bad.world as Record<string, unknown>).accounts = [];
  await page.goto(`/?data=${compressToEncodedURIComponent(JSON.stringify(bad))}&lang=en`);
  await expect(page.getByTestId('notice')).toContainText('world.accounts');
  await page.locator('li.card h3 a').first().click();
  await expect(page.getByTestId('scenario-title')).toBeVisible();
});

test('an unknown scenario id falls back to the gallery with a message', async ({ page }) => {
  await page.goto('/?scenario=no-such-scenario&lang=en');
  await expect(page.getByTestId('notice')).toContainText('no-such-scenario');
  await expect(page.locator('li.card').first()).toBeVisible();
});
