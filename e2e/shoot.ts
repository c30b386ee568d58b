// Screenshots for looking at the picture: `tsx e2e/shoot.ts <url-query> <name> [width]` with the preview server running.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../playwright.config';

const [query = '', name = 'shot', width = '1280', frameAction = ''] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 }, reducedMotion: 'reduce' });
const errors: string[] = [];
page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
page.on('pageerror', (e) => errors.push(String(e)));
await page.goto(`${process.env.BASE ?? 'http://127.0.0.1:4173'}/${query}`);
await page.waitForTimeout(600);
if (frameAction === 'end') {
  await page.keyboard.press('End');
  await page.waitForTimeout(400);
}
await page.screenshot({ path: `.tmp/${name}.png`, fullPage: process.env.VIEWPORT_ONLY !== '1' });
console.log(errors.length ? errors.join('\n') : 'no console errors');
await browser.close();
