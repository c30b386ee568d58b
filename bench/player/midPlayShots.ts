// Screenshots of the player mid-play from two builds, to look at side by side:
// the largest scenario from the full mailbox (a copy travelling into the
// laptop's crowded inbox), played at 1×, shot while a change travels, at 1366
// and 390 px, English and German. Not for a pixel comparison (playback's
// timing differs from run to run), for the eye.
// BENCH_PAGE=1 shoots the whole page (the side panels and the transcript below the window too).
//   npx tsx bench/player/midPlayShots.ts   (BENCH_A=dist, BENCH_B=<another build's dist>, BENCH_OUT=/tmp/shots, BENCH_PORT=4233, BENCH_PAGE=1)
import { startPreview } from '../embed/benchServer';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../playwright.config';

const PORT = Number(process.env.BENCH_PORT ?? 4233);
const OUT = process.env.BENCH_OUT ?? '/tmp/shots';
const BUILDS: Array<[string, string]> = [['a', process.env.BENCH_A ?? 'dist'], ['b', process.env.BENCH_B ?? 'dist']];
const VIEWS = [1366, 390].flatMap((width) => (['en', 'de'] as const).map((lang) => ({ width, lang, name: `midplay-${lang}-${width}` })));

async function main() {
  mkdirSync(OUT, { recursive: true });
  for (const [tag, dir] of BUILDS) {
    const stop = await startPreview(PORT, dir);
    try {
      const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
      for (const v of VIEWS) {
        const page = await browser.newPage({ viewport: { width: v.width, height: 1000 } });
        await page.goto(`http://127.0.0.1:${PORT}/?scenario=imap-big-mailbox-slow-link&lang=${v.lang}&quiz=off&frame=1445`);
        await page.locator('svg.picture-svg g.region').first().waitFor({ timeout: 180_000 });
        await page.waitForTimeout(500);
        await page.getByTestId('speed').selectOption('1');
        await page.getByTestId('play').click();
        // Shot while a change travels: a token is drawn over the picture.
        await page.locator('.picture-travel g.token').first().waitFor({ timeout: 20_000 });
        await page.waitForTimeout(60);
        await page.screenshot({ path: `${OUT}/${v.name}-${tag}.png`, fullPage: process.env.BENCH_PAGE === '1' });
        await page.close();
      }
      await browser.close();
    } finally {
      stop();
    }
  }
  console.log(`written to ${OUT}`);
}

void main();
