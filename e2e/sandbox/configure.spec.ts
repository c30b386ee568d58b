// Settings in the sandbox: a device's client profile in the builder, each
// setting saying where it comes from; and "change a setting from now on" in a
// device's event menu, which becomes a device.configure step.
import { test, expect } from '@playwright/test';
import { drawnPlaces } from '../page';
import { clickRegion, forkAtStep, noErrors, openStepList, pictureUpToDate, steps } from './helpers';

test('the phone switched to IMAP at step 4 of three devices on POP3: a new account, a new outcome, compared with the original', async ({ page }) => {
  const errors = noErrors(page);
  await forkAtStep(page, 'pop3-three-devices', 4);
  await openStepList(page);
  await clickRegion(page, 'device/phone');
  await page.getByTestId('event-changeSetting').click();
  const form = page.getByTestId('configure-form');
  await expect(form).toBeVisible();
  await expect(page.getByTestId('field-configure.protocol')).toBeFocused();
  await expect(page.getByTestId('configure-apply')).toBeDisabled();
  await page.getByTestId('field-configure.protocol').selectOption('imap');
  // Said plainly: a client cannot switch an account, so this is a new one.
  await expect(page.getByTestId('configure-new-account')).toContainText('new account');
  await expect(form.getByTestId('origin-cache')).toContainText("the model's default");
  await page.getByTestId('configure-apply').click();
  await expect(page.getByTestId('event-menu')).toHaveCount(0);
  await pictureUpToDate(page);
  await expect(steps(page).nth(5)).toContainText("day 1, 10:30 Anna's phone: new IMAP account");
  await expect(page.getByTestId('sandbox-live')).toContainText('from now on another protocol');
  // The step's own form names what it changes; a change to nothing is named at the step.
  await page.getByTestId('step-5-edit').click();
  await expect(page.getByTestId('field-steps[5].protocol')).toHaveValue('imap');
  await page.getByTestId('field-steps[5].protocol').selectOption('pop3');
  await expect(page.getByTestId('problem-steps[5].protocol').or(page.getByTestId('step-5').locator('.field-problem'))).toContainText(/changes nothing|names no setting/);
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('field-steps[5].protocol')).toHaveValue('imap');
  await page.getByTestId('step-5-edit').click();
  await pictureUpToDate(page);
  // The new outcome: what the phone downloaded over POP3 stays in its old account's folder.
  await page.keyboard.press('End');
  await expect.poll(async () => Object.keys(await drawnPlaces(page))).toContain('device/phone/old-pop3/Inbox');
  // Compared with the original, side by side at the same moment: only the fork has the old account's folder.
  await page.getByTestId('sandbox-compare').click();
  await expect(page.getByTestId('compare-view')).toBeVisible();
  const panes = page.locator('.compare svg.picture-svg');
  await expect(panes).toHaveCount(2);
  await expect(panes.nth(0).locator('g.token[data-place="device/phone/old-pop3/Inbox"]')).toHaveCount(1);
  await expect(panes.nth(1).locator('g.token[data-place="device/phone/old-pop3/Inbox"]')).toHaveCount(0);
  await expect(panes.nth(1).locator('g.token[data-place="device/phone/Inbox"]')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('a client profile in the builder: which settings come from it (in its own words) and which are set by hand', async ({ page }) => {
  const errors = noErrors(page);
  await page.goto('/?sandbox=1&lang=en');
  await page.getByTestId('add-device').click();
  await page.getByTestId('field-world.devices[0].protocol').selectOption('pop3');
  const device = page.getByTestId('device-0');
  await expect(device.getByTestId('origin-leaveOnServer')).toContainText("the model's default — no current client's default");
  await page.getByTestId('field-world.devices[0].profile').selectOption('thunderbird');
  // Thunderbird's wizard defaults, each from Thunderbird, with its source quoted.
  await expect(page.getByTestId('field-world.devices[0].pop3.leaveOnServer')).toBeChecked();
  await expect(page.getByTestId('field-world.devices[0].pop3.deleteAfterDays')).toHaveValue('14');
  await expect(device.getByTestId('origin-leaveOnServer')).toContainText('Thunderbird default');
  await device.getByTestId('origin-leaveOnServer').locator('summary').click();
  await expect(device.getByTestId('origin-leaveOnServer')).toContainText('leaveMessagesOnServer: true');
  // One set by hand says so, and can go back to Thunderbird's.
  await page.getByTestId('field-world.devices[0].pop3.deleteAfterDays').fill('30');
  await expect(device.getByTestId('origin-deleteAfterDays')).toContainText('set by hand');
  await device.getByTestId('reset-deleteAfterDays').click();
  await expect(page.getByTestId('field-world.devices[0].pop3.deleteAfterDays')).toHaveValue('14');
  await expect(device.getByTestId('origin-deleteAfterDays')).toHaveAttribute('data-origin', 'profile');
  // A client whose default is not established: the setting must be given, and the field says so.
  await page.getByTestId('field-world.devices[0].profile').selectOption('outlook-classic');
  await expect(page.getByTestId('sandbox-invalid')).toBeVisible();
  await expect(device.locator('.field-problem').first()).toContainText('no established default');
  await page.getByTestId('field-world.devices[0].profile').selectOption('');
  await expect(page.getByTestId('sandbox-invalid')).toHaveCount(0);
  expect(errors).toEqual([]);
});
