// Screenshots for looking at: the embed in a plain host page (320, 640, 1280 px),
// the builder, the compare view with two and three panes (1280 and 390 px), the
// export dialog and the new-version prompt, in both languages.
//   node_modules/.bin/vite preview --port $E2E_PORT &   then
//   E2E_PORT=4205 npx tsx e2e/embed/shoot.ts [name-prefix]    → /tmp/shots/embed/
import { mkdirSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { EMBED_ORIGIN, HOST, iframePage, startHost } from '../embedHost';

const OUT = process.env.SHOTS ?? '/tmp/shots/embed';
mkdirSync(OUT, { recursive: true });
const only = process.argv[2] ?? '';
const server = await startHost({
  '/de.html': iframePage('?scenario=pop3-three-devices&lang=de&frame=14', { sizer: true }),
  '/en.html': iframePage('?scenario=pop3-three-devices&lang=en&frame=14', { sizer: true }),
});
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
const errors: string[] = [];
async function shot(name: string, width: number, go: (page: Page) => Promise<void>, fullPage = true) {
  if (only && !name.startsWith(only)) return;
  const context = await browser.newContext({ viewport: { width, height: 900 }, reducedMotion: 'reduce', serviceWorkers: 'block' });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`${name}: ${e}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`${name}: ${m.text()}`));
  try {
    await go(page);
    await page.screenshot({ path: `${OUT}/${name}.png`, fullPage });
  } catch (e) {
    errors.push(`${name}: ${e}`);
  }
  await context.close();
}
const picture = (page: Page) => page.locator('svg.picture-svg g.region').first().waitFor({ state: 'attached' });
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
  for (const width of [1280, 390]) {
    await shot(`compare2-${lang}-${width}`, width, async (page) => {
      await page.goto(`${EMBED_ORIGIN}/?scenario=pop3-three-devices&lang=${lang}`);
      await picture(page);
      await page.getByTestId('compare').selectOption('all-imap');
      await page.getByTestId('compare-mails').waitFor();
      await page.keyboard.press('End');
      await page.waitForTimeout(800);
      await page.locator('.compare .pair').screenshot({ path: `${OUT}/compare2-${lang}-${width}-panes.png` });
    });
    await shot(`compare3-${lang}-${width}`, width, async (page) => {
      await page.goto(`${EMBED_ORIGIN}/?scenario=decide-offline-archive&lang=${lang}&compare=imap`);
      await picture(page);
      await page.getByTestId('compare-add').click();
      await page.locator('.compare .pair figure:nth-child(3) svg.picture-svg g.region').first().waitFor({ state: 'attached' });
      await page.keyboard.press('End');
      await page.waitForTimeout(800);
      await page.locator('.compare .pair').screenshot({ path: `${OUT}/compare3-${lang}-${width}-panes.png` });
    });
  }
for (const lang of ['de', 'en'])
  await shot(`export-${lang}`, 1280, async (page) => {
    await page.goto(`${EMBED_ORIGIN}/?scenario=pop3-three-devices&lang=${lang}`);
    await picture(page);
    await page.getByTestId('export-open').click();
    await page.getByTestId('export-format').selectOption('mp4');
    await page.waitForTimeout(1500);
  }, false);
console.log(errors.length ? errors.join('\n') : 'no console errors');
await browser.close();
server.close();
