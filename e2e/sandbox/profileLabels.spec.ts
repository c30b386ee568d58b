// The player shows each device's client profile: a label on the device in
// the picture, the full settings card on click or from the keyboard; it
// follows a settings change, reads in both languages, fits at 390 px, and is
// large in presenter mode.
import { test, expect, type Page } from '@playwright/test';
import { ready } from '../page';
import { noErrors } from './helpers';

const SWITCH = 'configure-pop3-to-imap';

/** The label's box lies on the device's region: within it left to right, on its top or bottom border. */
async function onRegion(page: Page, device: string) {
  const label = (await page.getByTestId(`profile-label-${device}`).boundingBox())!;
  const region = (await page.locator(`svg.picture-svg g.region[data-region="device/${device}"] rect.region-box`).boundingBox())!;
  expect(label.x).toBeGreaterThanOrEqual(region.x - 1);
  expect(label.x + label.width).toBeLessThanOrEqual(region.x + region.width + 1);
  const onTop = Math.abs(label.y + label.height / 2 - region.y) < 3;
  const onBottom = Math.abs(label.y + label.height / 2 - (region.y + region.height)) < 3;
  expect(onTop || onBottom).toBe(true);
  return label;
}

test('the laptop carries its profile; the card opens by click and by keyboard, closes with Escape, and follows the switch to IMAP', async ({ page }) => {
  const errors = noErrors(page);
  await page.goto(`/?scenario=${SWITCH}&lang=en&quiz=off`);
  await ready(page);
  const label = page.getByTestId('profile-label-laptop');
  // Thunderbird's defaults, except the automatic check the scenario turns off.
  await expect(label).toHaveText('Thunderbird · 1 setting changed');
  await expect(label).toHaveAttribute('aria-expanded', 'false');
  await onRegion(page, 'laptop');
  await label.click();
  const card = page.getByTestId('profile-card-laptop');
  await expect(card).toBeVisible();
  await expect(card.locator('h3')).toHaveText("Settings of Anna's laptop");
  await expect(card).toContainText('Protocol: POP3');
  await expect(card).toContainText('Leave messages on server');
  await expect(card).toContainText('Checks automatically');
  await expect(card).toContainText('only when a step says so — set in the scenario');
  await page.keyboard.press('Escape');
  await expect(card).toHaveCount(0);
  await expect(label).toBeFocused();
  // From the keyboard: Enter opens, Escape closes, focus stays on the label.
  await page.keyboard.press('Enter');
  await expect(card).toBeVisible();
  await expect(label).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(card).toHaveCount(0);
  // At the end the laptop has a new IMAP account: the card says so.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('End');
  await label.click();
  await expect(card).toContainText('Protocol: IMAP');
  await expect(card).toContainText('Push (IDLE)');
  // A click elsewhere closes it.
  await page.getByTestId('scenario-title').click();
  await expect(card).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('German at 390 px: the labels read in German, lie on their devices and the card fits the screen', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto('/?scenario=pop3-three-devices&lang=de&quiz=off');
  await ready(page);
  for (const device of ['phone', 'desktop', 'laptop']) {
    await expect(page.getByTestId(`profile-label-${device}`)).toHaveText(/Standardwerte des Modells|Modellstandard/);
    await page.getByTestId(`profile-label-${device}`).scrollIntoViewIfNeeded();
    await onRegion(page, device);
  }
  // Webmail keeps no settings of its own: no label.
  await expect(page.getByTestId('profile-label-webmail')).toHaveCount(0);
  // Scrolled to the middle, as a reader would: at the screen's bottom edge the sticky controls lie over it.
  await page.getByTestId('profile-label-phone').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.getByTestId('profile-label-phone').tap();
  const card = page.getByTestId('profile-card-phone');
  await expect(card).toContainText('Einstellungen von Annas Handy');
  await expect(card).toContainText('Kein E-Mail-Programm angegeben');
  const box = (await card.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  // Nothing of the labels or the card reaches past the screen's edge (the page's own compare menu is another matter).
  const past = await page.evaluate(() => [...document.querySelectorAll('[data-testid=device-profile-labels] *')].filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).length);
  expect(past).toBe(0);
  await context.close();
});

test('presenter mode at 1280×720: the labels are large enough to read from the back', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const errors = noErrors(page);
  await page.goto(`/?scenario=${SWITCH}&lang=de&quiz=off`);
  await ready(page);
  // German comes in its own chunk and may arrive after the picture, laying the toolbar out anew: the
  // click waits for it (not proven to be why the presenter view once did not come; see below).
  await expect(page.getByTestId('present')).toHaveAttribute('title', /^Präsentationsmodus/);
  await page.getByTestId('present').click();
  // Once (1 run in many) the presenter view never came after this click: should it fail again,
  // the failure says what the page showed instead and what it reported.
  await expect(page.getByTestId('presenter')).toBeVisible().catch(async (e: Error) => {
    const shown = await page.locator('#root').innerText().catch(() => '(unreadable)');
    throw new Error(`${e.message}\naddress: ${page.url()}\npage errors: ${errors.join(' | ') || 'none'}\npage text: ${shown.slice(0, 600)}`);
  });
  const label = page.getByTestId('profile-label-laptop');
  await expect(label).toHaveText('Thunderbird · 1 Einstellung geändert');
  const size = await label.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  // At least the size the projector scale gives a folder's name (18 px), so it reads at half the width too.
  expect(size).toBeGreaterThanOrEqual(18);
  const box = await onRegion(page, 'laptop');
  expect(box.y + box.height).toBeLessThanOrEqual(720);
  expect(errors).toEqual([]);
  await context.close();
});
