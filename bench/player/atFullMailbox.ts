// Where every player benchmark starts: speed 4×, at 60 % of the timeline, where the
// mailbox is full, so every played frame draws the crowded picture.
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../playwright.config';

export async function atFullMailbox(page: Page): Promise<void> {
  await page.getByTestId('speed').selectOption('4');
  const total = Number(await page.getByTestId('scrubber').getAttribute('max'));
  await page.getByTestId('scrubber').fill(String(Math.floor(total * 0.6)));
}

/**
 * Chromium on the largest built-in scenario at the full mailbox, settled, with the page's CPU
 * throttled `throttle`× from here on: where the profiling benchmarks (cpuProfile, longFrames) begin.
 */
export async function throttledAtFullMailbox(port: number, scenario: string, throttle: number): Promise<{ browser: Browser; page: Page; cdp: CDPSession }> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await page.goto(`http://127.0.0.1:${port}/?scenario=${scenario}&lang=en&quiz=off`);
  await page.locator('svg.picture-svg g.region').first().waitFor({ timeout: 180_000 });
  await atFullMailbox(page);
  await page.waitForTimeout(500);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  return { browser, page, cdp };
}
