// The provider's backup generations under the picture (rule 81): one bar per
// night kept, and in words how many nights and how many messages exist only in
// the backups any more — the same figures the simulation gives in Node. Both
// languages, at 1280 and 390 px; with SHOTS=1 the strip is photographed into
// /tmp/shots/library/.
import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { summariseGenerations } from '../../src/ui/picture/backupGenerationsSummary';
import { run } from '../expected';
import { ready } from '../page';

const ID = 'pop3-defaults-laptop-and-iphone';
const SHOTS = process.env.SHOTS === '1';
const SHOT_DIR = '/tmp/shots/library';

const { timeline } = run(ID);
const last = timeline.frames.length - 1;
const expected = summariseGenerations(timeline.frames[last].state);

// One page per language, loaded at 1280 px and then narrowed to 390 px: the strip follows the
// window's width as on a load (each width loaded afresh cost a page and a scenario load, for the same checks).
for (const lang of ['en', 'de'] as const) {
  test(`rule 81: the backup generations at the end of ${ID} (${lang}, 1280 and 390 px)`, async ({ page }) => {
    for (const [i, width] of [1280, 390].entries()) {
      await test.step(`${width} px`, async () => {
        await page.setViewportSize({ width, height: width > 600 ? 900 : 844 });
        if (i === 0) await page.goto(`/?scenario=${ID}&frame=${last}&lang=${lang}&quiz=off`);
        await ready(page);
        const strip = page.getByRole('region', { name: lang === 'en' ? "Provider's backups" : 'Sicherungen des Anbieters' });
        await expect(strip).toBeVisible();
        const bars = strip.getByRole('listitem');
        await expect(bars).toHaveCount(expected.nights.length);
        const newest = expected.nights.at(-1)!;
        await expect(bars.last()).toHaveAttribute(
          'aria-label',
          lang === 'en' ? `Backup of day ${newest.day}, 02:00: ${newest.mails} message${newest.mails === 1 ? '' : 's'}` : `Sicherung von Tag ${newest.day}, 02:00: ${newest.mails} Nachricht${newest.mails === 1 ? '' : 'en'}`,
        );
        await expect(strip).toContainText(lang === 'en' ? `${expected.nights.length} nights kept` : `${expected.nights.length} Nächte aufbewahrt`);
        expect(expected.onlyInBackups).toBeGreaterThan(0);
        await expect(strip).toContainText(lang === 'en' ? `${expected.onlyInBackups} of them only in the backups` : `davon ${expected.onlyInBackups} nur noch in den Sicherungen`);
        // The strip fits the screen: no bar is cut off (measured once it is laid out at this width).
        await expect(async () => {
          const box = await strip.boundingBox();
          expect(box!.x + box!.width, `the strip's right edge at ${width} px`).toBeLessThanOrEqual(width + 1);
        }).toPass({ timeout: 10_000 });
        if (SHOTS) {
          mkdirSync(SHOT_DIR, { recursive: true });
          await strip.scrollIntoViewIfNeeded();
          await page.screenshot({ path: `${SHOT_DIR}/backup-generations-${lang}-${width}.png`, fullPage: false });
          await strip.screenshot({ path: `${SHOT_DIR}/backup-generations-strip-${lang}-${width}.png` });
        }
      });
    }
  });
}

test('no strip before the first nightly backup is taken', async ({ page }) => {
  expect(summariseGenerations(timeline.frames[0].state).nights).toEqual([]);
  await page.goto(`/?scenario=${ID}&frame=0&lang=en&quiz=off`);
  await ready(page);
  await expect(page.getByRole('region', { name: "Provider's backups" })).toHaveCount(0);
});
