// Screenshots of the embed in a plain host page (320, 640, 1280 px), the builder,
// and the compare view, in both languages, for looking at:
//   E2E_PORT=4314 npx tsx e2e/shootEmbed.ts   (with `vite preview` running on E2E_PORT)
import { mkdirSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../playwright.config';
import { EMBED_ORIGIN, HOST, iframePage, startHost } from './embedHost';

const OUT = '.tmp/shots';
mkdirSync(OUT, { recursive: true });
const only = process.argv[2] ?? '';
const server = await startHost({
  '/de.html': iframePage('?scenario=pop3-three-devices&lang=de&frame=14', { sizer: true }),
  '/en.html': iframePage('?scenario=pop3-three-devices&lang=en&frame=14', { sizer: true }),
});
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
const errors: string[] = [];
async function shot(name: string, width: number, go: (page: Page) => Promise<void>) {
  if (only && !name.startsWith(only)) return;
  const page = await browser.newPage({ viewport: { width, height: 900 }, reducedMotion: 'reduce' });
  page.on('pageerror', (e) => errors.push(`${name}: ${e}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`${name}: ${m.text()}`));
  await go(page);
  await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true });
  await page.close();
}
for (const lang of ['de', 'en'])
  for (const width of [320, 640, 1280])
    await shot(`host-${lang}-${width}`, width, async (page) => {
      await page.goto(`${HOST}/${lang}.html`);
      await page.frameLocator('#player').locator('svg.picture-svg g.region').first().waitFor({ state: 'attached' });
      await page.waitForTimeout(800);
    });
for (const lang of ['de', 'en'])
  await shot(`builder-${lang}`, 1280, async (page) => {
    await page.goto(`${EMBED_ORIGIN}/?scenario=pop3-three-devices&lang=${lang}&frame=8`);
    await page.getByTestId('embed-builder').click();
    await page.frameLocator('[data-testid=builder-preview]').locator('svg.picture-svg g.region').first().waitFor({ state: 'attached' });
    await page.waitForTimeout(500);
  });
for (const lang of ['de', 'en'])
  for (const width of [1280, 390])
    await shot(`compare3-${lang}-${width}`, width, async (page) => {
      await page.goto(`${EMBED_ORIGIN}/?scenario=decide-offline-archive&lang=${lang}&compare=imap`);
      await page.locator('svg.picture-svg g.region').first().waitFor({ state: 'attached' });
      await page.getByTestId('compare-add').click();
      await page.keyboard.press('End');
      await page.waitForTimeout(800);
    });
for (const lang of ['de', 'en'])
  await shot(`compare-pop3-${lang}`, 1280, async (page) => {
    await page.goto(`${EMBED_ORIGIN}/?scenario=pop3-three-devices&lang=${lang}`);
    await page.locator('svg.picture-svg g.region').first().waitFor({ state: 'attached' });
    await page.getByTestId('compare').selectOption('all-imap');
    await page.keyboard.press('End');
    await page.waitForTimeout(800);
  });
console.log(errors.length ? errors.join('\n') : 'no console errors');
await browser.close();
server.close();
