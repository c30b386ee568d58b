// Whenever anything on the page is painted again (the travelling tokens, every
// frame while playing), the browser walks all of the document's own boxes, those
// not in a paint layer of their own. The parts that stay the same while playing
// are layers of their own (`isolation: isolate`, which neither moves nor clips
// anything), so a played frame does not walk them.
import { test, expect } from '@playwright/test';
import { noErrors, settled } from '../page';

test('the headers and the picture tools are paint layers of their own, in place and unclipped', async ({ page }) => {
  const errors = noErrors(page);
  await page.goto('/?scenario=pop3-three-devices&lang=en&quiz=off');
  await settled(page, 0);
  await page.getByTestId('toggle-table').waitFor();
  for (const selector of ['.app-head', '.player-head', '.stage-tools']) {
    const style = await page.locator(selector).first().evaluate((el) => {
      const s = getComputedStyle(el);
      return { isolation: s.isolation, position: s.position, overflow: s.overflow, transform: s.transform };
    });
    expect(style, selector).toEqual({ isolation: 'isolate', position: 'static', overflow: 'visible', transform: 'none' });
  }
  // The skip link, outside the headers, still comes over them when focused.
  await page.keyboard.press('Tab');
  const skip = page.locator('a.skip');
  await expect(skip).toBeFocused();
  const box = (await skip.boundingBox())!;
  const onTop = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('a.skip') !== null, [box.x + box.width / 2, box.y + box.height / 2]);
  expect(onTop).toBe(true);
  expect(errors).toEqual([]);
});
