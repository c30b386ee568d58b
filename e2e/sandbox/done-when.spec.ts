// The bar, as one story: an instructor opens "three devices on POP3",
// clicks the laptop at step 4, makes its disk fail, switches the phone to
// IMAP, watches the new outcome next to the old one, and sends the students a
// link to it — which opens the same fork at the same moment elsewhere.
import { test, expect } from '@playwright/test';
import { drawnPlaces, ready } from '../page';
import { choose, clickRegion, noErrors, openStepList, pictureUpToDate, steps } from './helpers';

test('three devices on POP3: at step 4 the laptop’s disk fails and the phone moves to IMAP; the outcome beside the original; a link for the students', async ({ page, browser, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const errors = noErrors(page);
  // Open the scenario from the gallery, as an instructor would.
  await page.goto('/?lang=en&quiz=off');
  await page.locator('li.card[data-scenario="pop3-three-devices"] h3 a').click();
  await ready(page);
  // Step 4.
  for (let i = 0; i <= 4; i++) await page.getByRole('button', { name: 'Next step' }).click();
  await page.getByTestId('open-sandbox-here').click();
  await pictureUpToDate(page);
  await openStepList(page);
  // Click the laptop; its disk fails.
  await clickRegion(page, 'device/laptop');
  await choose(page, 'diskFail');
  await pictureUpToDate(page);
  await expect(steps(page).nth(5)).toContainText("Anna's laptop: disk fails");
  // Switch the phone to IMAP from now on.
  await clickRegion(page, 'device/phone');
  await page.getByTestId('event-changeSetting').click();
  await page.getByTestId('field-configure.protocol').selectOption('imap');
  await page.getByTestId('configure-apply').click();
  await pictureUpToDate(page);
  await expect(steps(page).nth(6)).toContainText("Anna's phone: new IMAP account");
  // The new outcome next to the old one: the message that fares differently is named, with its fate in each.
  await page.getByTestId('sandbox-compare').click();
  await expect(page.getByTestId('compare-view')).toBeVisible();
  await page.keyboard.press('End');
  await expect(page.getByTestId('compare-mails').locator('li[data-mail="m4"]')).toBeVisible();
  await expect(page.getByTestId('compare-diffs')).toContainText('Anna');
  // The link for the students (the fork at the moment shown; the comparison is the instructor's view).
  await page.getByTestId('sandbox-compare').click();
  await expect(page.getByTestId('compare-view')).toHaveCount(0);
  await page.getByTestId('sandbox-share').click();
  await expect(page.getByTestId('sandbox-share')).toHaveText('Link copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const frame = await page.getByTestId('position').getAttribute('data-frame');
  const places = await drawnPlaces(page);
  const student = await browser.newContext();
  const theirs = await student.newPage();
  await theirs.goto(link);
  await expect(theirs.getByTestId('sandbox')).toBeVisible();
  await pictureUpToDate(theirs);
  await expect(theirs.getByTestId('position')).toHaveAttribute('data-frame', frame!);
  expect(await drawnPlaces(theirs)).toEqual(places);
  await openStepList(theirs);
  await expect(steps(theirs).nth(5)).toContainText("Anna's laptop: disk fails");
  await expect(steps(theirs).nth(6)).toContainText("Anna's phone: new IMAP account");
  await student.close();
  expect(errors).toEqual([]);
});
