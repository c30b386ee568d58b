// The embed builder in the app: options, live preview, the snippets.
import { test, expect } from '@playwright/test';
import { ready } from './page';

test('the builder previews the embed live and hands out both snippets', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?scenario=pop3-three-devices&lang=en&frame=5');
  await ready(page);
  await page.getByTestId('embed-builder').click();
  const dialog = page.getByTestId('embed-builder-dialog');
  await expect(dialog).toBeVisible();
  // It starts from what the player shows.
  await expect(page.getByTestId('builder-frame')).toHaveValue('6');
  await page.getByTestId('builder-lang').selectOption('de');
  await page.getByTestId('builder-frame').fill('4');
  await page.getByTestId('builder-panel-title').uncheck();
  await page.getByTestId('builder-theme').selectOption('dark');
  const preview = page.frameLocator('[data-testid=builder-preview]');
  await expect(preview.getByTestId('open-full')).toHaveText('Im vollständigen Simulator öffnen');
  await expect(preview.getByTestId('position')).toHaveAttribute('data-frame', '3');
  await expect(preview.getByTestId('scenario-title')).toBeHidden();
  await expect(preview.locator('html')).toHaveAttribute('data-theme', 'dark');
  const snippet = page.getByTestId('builder-snippet');
  await expect(snippet).toHaveValue(/<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\.html\?scenario=pop3-three-devices&amp;lang=de&amp;frame=3&amp;panels=controls,narration&amp;theme=dark" title="Drei Geräte mit POP3[^"]*" width="100%" height="640" loading="lazy"/);
  await expect(snippet).toHaveValue(/<noscript><a href="[^"]+"><img src="pop3-three-devices-frame3-de\.png" alt="Drei Geräte mit POP3[^"]* — das Bild bei Änderung 4"/);
  await page.getByTestId('builder-copy').click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await snippet.inputValue());
  await page.getByTestId('builder-kind-component').check();
  await expect(snippet).toHaveValue(/<mail-sync-player scenario="pop3-three-devices" lang="de" frame="3" panels="controls,narration" theme="dark" title="Drei Geräte mit POP3[^"]*"><\/mail-sync-player>/);
  // The still the snippet names can be saved from the preview.
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('builder-still-png').click()]);
  expect(png.suggestedFilename()).toBe('pop3-three-devices-frame3-de.png');
});
