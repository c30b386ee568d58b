// "Outlook, default settings" as a help-desk author picks it: the Outlook device
// in outlook-and-iphone-pop3 is labelled with its client, and its settings
// card says for every POP3 setting that Outlook's default is not established
// and the value shown is set in the scenario. Both languages, 1280 and 390 px;
// with SHOTS=1 the label and card are photographed into /tmp/shots/profiles/.
import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ready } from '../page';

const ID = 'outlook-and-iphone-pop3';
const SHOTS = process.env.SHOTS === '1';
const SHOT_DIR = '/tmp/shots/profiles';

// One page per language, loaded at 1280 px and then narrowed to 390 px, the card closed in between:
// the label and the card follow the window's width as on a load (each width loaded afresh cost a page
// and a scenario load, for the same checks).
for (const lang of ['en', 'de'] as const) {
  test(`rule 78: the Outlook device says which defaults are not established (${lang}, 1280 and 390 px)`, async ({ page }) => {
    for (const [i, width] of [1280, 390].entries()) {
      await test.step(`${width} px`, async () => {
        await page.setViewportSize({ width, height: width > 600 ? 900 : 844 });
        if (i === 0) await page.goto(`/?scenario=${ID}&frame=3&lang=${lang}&quiz=off`);
        await ready(page);
        const label = page.getByTestId('profile-label-pc');
        await expect(label).toBeVisible();
        // The label may be cut to its short form where the device is narrow; its title and name always carry the whole line.
        await expect(label).toContainText(lang === 'en' ? /Outlook · 5 (defaults not established|unknown)/ : /Outlook · 5 (Standardwerte )?unbelegt/);
        await expect(label).toHaveAttribute('title', lang === 'en' ? 'Outlook · 5 defaults not established' : 'Outlook · 5 Standardwerte unbelegt');
        await label.click();
        const card = page.getByTestId('profile-card-pc');
        await expect(card).toBeVisible();
        await expect(card).toContainText(lang === 'en' ? "set in the scenario — this client's default is not established" : 'im Szenario festgelegt — der Standardwert dieses Programms ist unbelegt');
        // Measured once the labels have been placed for this width (after a resize they follow a moment later).
        await expect(async () => {
          const box = await card.boundingBox();
          expect(box!.x, `the card's left edge at ${width} px`).toBeGreaterThanOrEqual(-1);
          expect(box!.x + box!.width, `the card's right edge at ${width} px`).toBeLessThanOrEqual(width + 1);
        }).toPass({ timeout: 10_000 });
        if (SHOTS) {
          mkdirSync(SHOT_DIR, { recursive: true });
          await page.screenshot({ path: `${SHOT_DIR}/outlook-${lang}-${width}.png`, fullPage: false });
          await card.screenshot({ path: `${SHOT_DIR}/outlook-card-${lang}-${width}.png` });
        }
        await page.keyboard.press('Escape');
        await expect(card).toHaveCount(0);
      });
    }
  });
}
