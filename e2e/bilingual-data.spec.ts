// Scenario data in the reader's language: custom folders and mail subjects
// are { de, en } in imap-household; the picture shows the German names in
// German and the English ones in English.
import { expect, test } from '@playwright/test';
import { settled } from './page';

test('custom folder names and subjects follow the reader\u2019s language in the picture and the narration', async ({ page }) => {
  // Frame 35: the laptop has moved the photos into its local folder; the tickets sit in the server folder.
  await page.goto('/?scenario=imap-household&frame=35&lang=de');
  await settled(page, 35);
  const picture = page.locator('svg.picture-svg');
  await expect(picture).toContainText('Reisen');
  await expect(picture).toContainText('Erinnerungen');
  await expect(picture).not.toContainText(/Travel|Keepsakes/);
  await expect(page.getByTestId('narration')).toContainText('„Fotos aus Lissabon“');
  await expect(page.getByTestId('narration')).toContainText('„Erinnerungen“');

  await page.getByTestId('lang-en').click();
  await expect(picture).toContainText('Travel');
  await expect(picture).toContainText('Keepsakes');
  await expect(page.getByTestId('narration')).toContainText('"Photos from Lisbon"');
});
