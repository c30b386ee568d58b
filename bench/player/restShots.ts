// Screenshots of the picture at rest from two builds, for a pixel comparison
// (ImageMagick `compare -metric AE`): a change to how the picture is drawn
// must not change what it shows, at rest and right after a step (the arrow key).
// Writes <OUT>/<name>-a.png and -b.png.
//   npx tsx bench/player/restShots.ts   (BENCH_A=dist, BENCH_B=<another build's dist>, BENCH_OUT=/tmp/shots, BENCH_PORT=4233)
// BENCH_PAGE=1 shoots the whole window instead of the picture (headers, tools and panels too).
import { startPreview } from '../embed/benchServer';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../playwright.config';

const PORT = Number(process.env.BENCH_PORT ?? 4233);
const OUT = process.env.BENCH_OUT ?? '/tmp/shots';
const BUILDS: Array<[string, string]> = [['a', process.env.BENCH_A ?? 'dist'], ['b', process.env.BENCH_B ?? 'dist']];
const VIEWS = [
  { name: 'big-en-1280', url: '/?scenario=imap-big-mailbox-slow-link&lang=en&quiz=off&frame=300', width: 1280 },
  { name: 'big-de-390', url: '/?scenario=imap-big-mailbox-slow-link&lang=de&quiz=off&frame=300', width: 390 },
  { name: 'three-de-1280', url: '/?scenario=pop3-three-devices&lang=de&quiz=off&frame=8', width: 1280 },
  { name: 'three-en-390', url: '/?scenario=pop3-three-devices&lang=en&quiz=off&frame=8', width: 390 },
  { name: 'three-headers-en-1280', url: '/?scenario=pop3-three-devices&lang=en&quiz=off&frame=12&compare=headers-only', width: 1280 },
  { name: 'big-en-1366', url: '/?scenario=imap-big-mailbox-slow-link&lang=en&quiz=off&frame=300', width: 1366 },
  { name: 'big-de-1366-step', url: '/?scenario=imap-big-mailbox-slow-link&lang=de&quiz=off&frame=300', width: 1366, step: true },
  { name: 'three-de-1366', url: '/?scenario=pop3-three-devices&lang=de&quiz=off&frame=8', width: 1366 },
  { name: 'three-en-1366-step', url: '/?scenario=pop3-three-devices&lang=en&quiz=off&frame=8', width: 1366, step: true },
  { name: 'three-de-390-step', url: '/?scenario=pop3-three-devices&lang=de&quiz=off&frame=8', width: 390, step: true },
  { name: 'big-en-390-step', url: '/?scenario=imap-big-mailbox-slow-link&lang=en&quiz=off&frame=300', width: 390, step: true },
];

const serve = (dir: string) => startPreview(PORT, dir);
const WHOLE_PAGE = process.env.BENCH_PAGE === '1';

async function main() {
  mkdirSync(OUT, { recursive: true });
  for (const [tag, dir] of BUILDS) {
    const stop = await serve(dir);
    try {
      const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
      for (const v of VIEWS) {
        const page = await browser.newPage({ viewport: { width: v.width, height: 900 }, reducedMotion: 'reduce' });
        await page.goto(`http://127.0.0.1:${PORT}${v.url}`);
        await page.locator('svg.picture-svg g.token').first().waitFor({ timeout: 180_000 });
        await page.waitForTimeout(1500);
        if ('step' in v) {
          // One step forward with the keyboard; reduced motion shows the new frame at once.
          await page.locator('body').press('ArrowRight');
          await page.waitForTimeout(300);
        }
        const path = `${OUT}/${v.name}-${tag}.png`;
        if (WHOLE_PAGE) await page.screenshot({ path });
        else await page.locator('svg.picture-svg').first().screenshot({ path });
        await page.close();
      }
      await browser.close();
    } finally {
      stop();
    }
  }
  console.log(`wrote ${VIEWS.length * 2} screenshots to ${OUT}`);
}

void main();
