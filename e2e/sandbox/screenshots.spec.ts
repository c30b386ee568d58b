// Pictures to look at, not a check: the builder (a device with a client
// profile), a device's event menu with the "change a setting" form, and a fork
// beside its original — at laptop and phone width, in both languages. Taken on
// request only: SANDBOX_SHOTS=1 (saved under SHOTS_DIR, default .tmp/shots).
import { test, expect } from '@playwright/test';
import { clickRegion, choose, forkAtStep, pictureUpToDate } from './helpers';

const DIR = process.env.SHOTS_DIR ?? '.tmp/shots';

if (process.env.SANDBOX_SHOTS)
  for (const lang of ['en', 'de'] as const)
    for (const width of [1280, 390] as const) {
      test(`sandbox pictures, ${lang}, ${width} px`, async ({ browser }) => {
        test.setTimeout(120_000);
        const context = await browser.newContext({ viewport: { width, height: 900 }, reducedMotion: 'reduce' });
        const page = await context.newPage();
        const name = (what: string) => `${DIR}/sandbox-${what}-${lang}-${width}.png`;
        // The builder: a phone on POP3 with Thunderbird's defaults, one setting by hand.
        await page.goto(`/?sandbox=1&lang=${lang}`);
        await page.getByTestId('add-device').click();
        await page.getByTestId('field-world.devices[0].kind').selectOption('phone');
        await page.getByTestId('field-world.devices[0].protocol').selectOption('pop3');
        await page.getByTestId('field-world.devices[0].profile').selectOption('thunderbird');
        await page.getByTestId('field-world.devices[0].pop3.deleteAfterDays').fill('30');
        await page.getByTestId('device-0').getByTestId('origin-leaveOnServer').locator('summary').click();
        await pictureUpToDate(page);
        await page.getByTestId('field-world.devices[0].profile').scrollIntoViewIfNeeded();
        await page.screenshot({ path: name('builder') });
        // A device's menu at step 4 of three devices on POP3, then its "change a setting" form.
        await forkAtStep(page, 'pop3-three-devices', 4, lang);
        await clickRegion(page, 'device/phone');
        await page.screenshot({ path: name('menu') });
        await page.getByTestId('event-changeSetting').click();
        await page.getByTestId('field-configure.protocol').selectOption('imap');
        await expect(page.getByTestId('configure-new-account')).toBeVisible();
        await page.screenshot({ path: name('configure') });
        await page.getByTestId('configure-apply').click();
        await pictureUpToDate(page);
        await clickRegion(page, 'device/laptop');
        await choose(page, 'diskFail');
        await pictureUpToDate(page);
        // The fork beside its original, at the end.
        await page.getByTestId('sandbox-compare').click();
        await expect(page.getByTestId('compare-view')).toBeVisible();
        await page.keyboard.press('End');
        await page.getByTestId('compare-view').evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await page.screenshot({ path: name('compare') });
        // The step list with a step's form open.
        await page.getByTestId('sandbox-compare').click();
        const summary = page.locator('.builder summary', { hasText: /Steps so far|Bisherige Schritte/ });
        await summary.click();
        await page.getByTestId('step-5-edit').click();
        await page.getByTestId('step-5').scrollIntoViewIfNeeded();
        await page.screenshot({ path: name('steps') });
        await context.close();
      });
    }
