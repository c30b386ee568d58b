// Exports: the table as CSV (one row per mail), the transcript as text, and the
// animation as GIF and WebM, frame-exact, at a slide size.
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { parseGIF, decompressFrames } from 'gifuct-js';
import { ALL_FORMATS, BufferSource, Input } from 'mediabunny';
import { ready } from './page';
import { run } from './expected';
import { metricsOf } from '../src/sim';

async function openExport(page: Page, query: string) {
  await page.goto(`/?${query}`);
  await ready(page);
  await page.getByTestId('export-open').click();
  await expect(page.getByTestId('export-dialog')).toBeVisible();
}

async function exportSteps(page: Page, format: 'gif' | 'webm', from: number, to: number, sizeIndex: number) {
  await page.getByTestId('export-steps').check();
  await page.getByTestId('export-from').fill(String(from));
  await page.getByTestId('export-to').fill(String(to));
  await page.getByTestId('export-format').selectOption(format);
  await page.getByTestId('export-size').selectOption(String(sizeIndex));
  const pictures = Number(await page.getByTestId('export-summary').getAttribute('data-pictures'));
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId('export-start').click()]);
  return { pictures, name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

test('the table as CSV has one row per mail, and formulas are neutralised', async ({ page }) => {
  await openExport(page, 'scenario=pop3-three-devices&lang=de&frame=24');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  expect(download.suggestedFilename()).toBe('pop3-three-devices-frame24-de.csv');
  const text = readFileSync(await download.path(), 'utf8');
  const rows = text.trimEnd().split('\r\n');
  expect(rows[0]).toBe('Nachricht,Betreff,Von,Zustand,Kopien');
  // One row per mail the simulation knows at that moment, in the same order.
  const { scenario, timeline } = run('pop3-three-devices');
  const mails = metricsOf(timeline.frames[24], scenario).mails;
  expect(mails.length).toBeGreaterThan(3);
  expect(rows.length - 1).toBe(mails.length);
  for (const r of rows.slice(1)) expect(r).toMatch(/^\d+,/);
  expect(rows.slice(1).every((r) => !/^[=+\-@]|,[=+\-@]/.test(r))).toBe(true);
});

test('the transcript as text has the protocol lines', async ({ page }) => {
  await openExport(page, 'scenario=pop3-three-devices&lang=en');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-transcript').click()]);
  expect(download.suggestedFilename()).toBe('pop3-three-devices-all-en.txt');
  const text = readFileSync(await download.path(), 'utf8');
  expect(text).toContain('C: [POP3 phone] RETR 1');
  expect(text).toMatch(/S: \[POP3 phone\] \+OK/);
});

test('the range stays where it is when the browser has answered what it can encode', async ({ page }) => {
  // The answer comes late here on purpose, as on a busy machine: the codec note below the range
  // then changes its length while the user (or a test) is about to click a radio button. The
  // answer comes from the encoding worker (src/ui/export/probeCodecs.ts); the test holds that
  // reply until it has measured the range, so the late answer is certain however fast or slow
  // the machine (a fixed delay once ran out before the dialog was open).
  await page.addInitScript(() => {
    const held: (() => void)[] = [];
    const w = window as unknown as { answerCodecs: () => void; codecsAnswered?: boolean };
    w.answerCodecs = () => {
      w.codecsAnswered = true;
      for (const deliver of held.splice(0)) deliver();
    };
    const RealWorker = window.Worker;
    window.Worker = class extends RealWorker {
      set onmessage(handler: ((e: MessageEvent) => void) | null) {
        super.onmessage = (e: MessageEvent) => {
          const deliver = () => handler?.call(this, e);
          if ((e.data as { type?: string } | null)?.type === 'codecs' && !w.codecsAnswered) held.push(deliver);
          else deliver();
        };
      }
      get onmessage() {
        return super.onmessage;
      }
    };
  });
  await openExport(page, 'scenario=pop3-three-devices&lang=de');
  const codec = page.getByTestId('export-codec');
  await expect(codec).toHaveAttribute('data-mp4', '');
  const before = await page.getByTestId('export-steps').boundingBox();
  await page.evaluate(() => (window as unknown as { answerCodecs: () => void }).answerCodecs());
  await expect(codec).not.toHaveAttribute('data-mp4', '');
  expect(await page.getByTestId('export-steps').boundingBox()).toEqual(before);
});

test('a GIF of a range of steps has every planned picture, at the slide size', async ({ page }) => {
  test.setTimeout(180_000);
  await openExport(page, 'scenario=pop3-three-devices&lang=de');
  const { pictures, name, bytes } = await exportSteps(page, 'gif', 2, 3, 2);
  expect(name).toBe('pop3-three-devices-steps2-3-de.gif');
  const gif = parseGIF(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  expect({ width: gif.lsd.width, height: gif.lsd.height }).toEqual({ width: 960, height: 540 });
  const frames = decompressFrames(gif, false);
  expect(pictures).toBeGreaterThan(1);
  expect(frames.length).toBe(pictures);
  expect(frames.every((f) => f.dims.width === 960 && f.dims.height === 540)).toBe(true);
  await expect(page.getByTestId('export-message')).toHaveText('Gespeichert.');
});

test('a WebM of a range of steps has one video frame per picture, at the slide size', async ({ page }) => {
  test.setTimeout(180_000);
  await openExport(page, 'scenario=pop3-three-devices&lang=en');
  const { pictures, name, bytes } = await exportSteps(page, 'webm', 2, 3, 2);
  expect(name).toBe('pop3-three-devices-steps2-3-en.webm');
  const input = new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS });
  expect(await input.getMimeType()).toMatch(/^video\/webm/);
  const track = (await input.getPrimaryVideoTrack())!;
  expect({ width: track.displayWidth, height: track.displayHeight }).toEqual({ width: 960, height: 540 });
  expect((await track.computePacketStats()).packetCount).toBe(pictures);
});

test('an export can be cancelled, with progress shown meanwhile', async ({ page }) => {
  test.setTimeout(120_000);
  await openExport(page, 'scenario=pop3-three-devices&lang=en');
  await page.getByTestId('export-size').selectOption('1');
  await page.getByTestId('export-start').click();
  await expect(page.getByTestId('export-progress')).toBeVisible();
  await expect.poll(async () => Number(await page.getByTestId('export-progress').getAttribute('value'))).toBeGreaterThan(0);
  await page.getByTestId('export-cancel').click();
  await expect(page.getByTestId('export-message')).toHaveText('Export cancelled.');
  await expect(page.getByTestId('export-start')).toBeVisible();
});
