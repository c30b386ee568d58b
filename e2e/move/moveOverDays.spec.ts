// A provider move over days on screen (rules 87, 89, 92): during the TTL window the
// narration says which MX a mail reached and how the model decides it, and the
// picture shows both providers' mailboxes; the
// Outlook card's header no longer calls settings "defaults" that no source
// establishes. Both languages, 1280 and 390 px; with SHOTS=1 the screens are
// photographed into /tmp/shots/move/.
import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ready } from '../page';

const SHOTS = process.env.SHOTS === '1';
const SHOT_DIR = '/tmp/shots/move';
/** provider-move-over-days, the frame where the bank's mail reaches the old MX during the window. */
const WINDOW_FRAME = 11;

const VIA_OLD = {
  en: 'The resolver of bank.example still holds the old MX record (until day 2, 16:54)',
  de: 'Der Resolver von bank.example hat noch den alten MX-Eintrag (bis Tag 2, 16:54)',
};
const SERVERS = { en: 'Mail servers: old and new provider', de: 'Mailserver: alter und neuer Anbieter' };
const NEW_PROVIDER = { en: 'anna@anna-design.example at the new provider', de: 'anna@anna-design.example beim neuen Anbieter' };
const NEW_INBOX = { en: 'Inbox (new provider)', de: 'Posteingang (neuer Anbieter)' };
const NO_DEFAULTS = {
  en: 'no default of these settings is established — each is set in the scenario',
  de: 'Kein Standardwert dieser Einstellungen ist belegt — jede ist im Szenario gesetzt',
};

// One page per language and scenario, loaded at 1280 px and then narrowed to 390 px: the page follows
// the window's width as on a load (each width loaded afresh cost a page and a scenario load, for the same checks).
for (const lang of ['en', 'de'] as const) {
  test(`rule 89: during the TTL window the narration says which MX a mail reached and until when (${lang}, 1280 and 390 px)`, async ({ page }) => {
    for (const [i, width] of [1280, 390].entries()) {
      await test.step(`${width} px`, async () => {
        await page.setViewportSize({ width, height: width > 600 ? 900 : 844 });
        if (i === 0) await page.goto(`/?scenario=provider-move-over-days&frame=${WINDOW_FRAME}&lang=${lang}&quiz=off`);
        await ready(page);
        await expect(page.getByText(VIA_OLD[lang]).first()).toBeVisible();
        // The picture shows both providers' mailboxes side by side (rule 87): the new one's
        // column has its own gauge and Inbox, named as the new provider's, never as a raw id.
        const svg = page.locator('svg.picture-svg');
        await expect(svg.locator('g.gauge[data-account="anna@new"]')).toHaveCount(1);
        await expect(svg.locator('g.token[data-place="server/anna@new/INBOX"]')).not.toHaveCount(0);
        await expect(svg.locator('[data-region="server/server"]').first()).toContainText(SERVERS[lang]);
        await expect(svg).toContainText(NEW_INBOX[lang]);
        await expect(page.getByTestId('usage-anna@new')).toContainText(NEW_PROVIDER[lang]);
        await expect(page.locator('body')).not.toContainText('anna@new');
        if (SHOTS) {
          mkdirSync(SHOT_DIR, { recursive: true });
          await page.screenshot({ path: `${SHOT_DIR}/window-${lang}-${width}.png`, fullPage: true });
        }
      });
    }
  });

  test(`the Outlook card's header says no default is established (${lang}, 1280 and 390 px)`, async ({ page }) => {
    for (const [i, width] of [1280, 390].entries()) {
      await test.step(`${width} px`, async () => {
        await page.setViewportSize({ width, height: width > 600 ? 900 : 844 });
        if (i === 0) await page.goto(`/?scenario=outlook-and-iphone-pop3&frame=3&lang=${lang}&quiz=off`);
        await ready(page);
        await page.getByTestId('profile-label-pc').click();
        const card = page.getByTestId('profile-card-pc');
        await expect(card.locator('.device-profile-client')).toContainText(NO_DEFAULTS[lang]);
        await expect(card.locator('.device-profile-client')).not.toContainText(lang === 'en' ? 'defaults' : 'Standardwerte von');
        if (SHOTS) {
          mkdirSync(SHOT_DIR, { recursive: true });
          await card.screenshot({ path: `${SHOT_DIR}/outlook-card-${lang}-${width}.png` });
        }
        // Closed again, so that the next width opens it afresh.
        await page.keyboard.press('Escape');
        await expect(card).toHaveCount(0);
      });
    }
  });
}

test('rule 92: after the old contract ends the forgotten phone is refused at login, and nothing is lost', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  // provider-move-forgot-phone, frame 22: the phone's check after the contract's end.
  await page.goto('/?scenario=provider-move-forgot-phone&frame=22&lang=en&quiz=off');
  await ready(page);
  await expect(page.getByText("The server refuses the login of Anna's phone").first()).toBeVisible();
  await expect(page.getByTestId('score-lost')).toHaveAttribute('data-value', '0');
  if (SHOTS) {
    mkdirSync(SHOT_DIR, { recursive: true });
    await page.screenshot({ path: `${SHOT_DIR}/forgot-phone-refused-en-1280.png`, fullPage: true });
  }
});
