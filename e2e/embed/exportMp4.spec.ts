// MP4 next to WebM in the animation export: the codec is the one this browser
// can encode (H.264 where it can, else one that MP4 players accept), the page
// says which, and the file holds one video frame per planned picture at the slide size.
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { ALL_FORMATS, BufferSource, Input } from 'mediabunny';
import { ready } from '../page';

async function openExport(page: Page, query: string) {
  await page.goto(`/?${query}`);
  await ready(page);
  await page.getByTestId('export-open').click();
  await expect(page.getByTestId('export-dialog')).toBeVisible();
}

test('an MP4 of a range of steps has one video frame per picture, at the slide size, in the codec the page names', async ({ page }) => {
  test.setTimeout(180_000);
  await openExport(page, 'scenario=pop3-three-devices&lang=de');
  await page.getByTestId('export-size').selectOption('2');
  const note = page.getByTestId('export-codec');
  await expect(note).not.toHaveAttribute('data-mp4', '', { timeout: 30_000 });
  const codec = await note.getAttribute('data-mp4');
  // This machine's Chromium encodes H.264 (checked with VideoEncoder.isConfigSupported); the page says so in German.
  expect(codec).toBe('avc');
  await expect(note).toHaveText('MP4 enthält H.264-Video, das Präsentationsprogramme und Videoplayer öffnen.');
  await expect(page.getByTestId('export-format').locator('option[value="mp4"]')).toHaveText('MP4 (H.264)');

  await page.getByTestId('export-steps').check();
  await page.getByTestId('export-from').fill('2');
  await page.getByTestId('export-to').fill('3');
  await page.getByTestId('export-format').selectOption('mp4');
  const pictures = Number(await page.getByTestId('export-summary').getAttribute('data-pictures'));
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId('export-start').click()]);
  expect(download.suggestedFilename()).toBe('pop3-three-devices-steps2-3-de.mp4');
  const bytes = readFileSync(await download.path());
  const input = new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS });
  expect(await input.getMimeType()).toMatch(/^video\/mp4/);
  const track = (await input.getPrimaryVideoTrack())!;
  expect(track.codec).toBe(codec);
  expect({ width: track.displayWidth, height: track.displayHeight }).toEqual({ width: 960, height: 540 });
  expect(pictures).toBeGreaterThan(1);
  expect((await track.computePacketStats()).packetCount).toBe(pictures);
  await expect(page.getByTestId('export-message')).toHaveText('Gespeichert.');
});

test('an MP4 export shows progress and can be cancelled', async ({ page }) => {
  test.setTimeout(120_000);
  await openExport(page, 'scenario=pop3-three-devices&lang=en');
  await expect(page.getByTestId('export-codec')).not.toHaveAttribute('data-mp4', '', { timeout: 30_000 });
  await page.getByTestId('export-format').selectOption('mp4');
  await page.getByTestId('export-size').selectOption('1');
  await page.getByTestId('export-start').click();
  await expect.poll(async () => Number(await page.getByTestId('export-progress').getAttribute('value'))).toBeGreaterThan(0);
  await page.getByTestId('export-cancel').click();
  await expect(page.getByTestId('export-message')).toHaveText('Export cancelled.');
});
