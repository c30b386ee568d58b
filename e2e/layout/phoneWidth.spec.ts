// On a phone the player fits the screen's width: nothing sticks out sideways, so the page never
// scrolls horizontally. The compare select once did (its longest scenario title set its width,
// 9 px past a 390 px screen in German) because its row, a flex item, would not shrink below it.
import { test, expect } from '@playwright/test';
import { settled } from '../page';

// One page per language, loaded at the first width and then narrowed or widened to the next: the
// player follows the window's width as it does on a load (each width loaded afresh cost a page and
// a scenario load per case, with the same checks).
for (const lang of ['de', 'en'] as const) {
  test(`the player fits a 360 and a 390 px phone in ${lang === 'de' ? 'German' : 'English'}`, async ({ page }) => {
    for (const [i, width] of [360, 390].entries()) {
      await test.step(`${width} px`, async () => {
        await page.setViewportSize({ width, height: 800 });
        if (i === 0) await page.goto(`/?scenario=pop3-three-devices&lang=${lang}&quiz=off`);
        await settled(page, 0);
        // Measured once the page has been laid out at this width (after a resize, a moment later).
        await expect(async () => {
          const sticking = await page.evaluate(() => {
            const w = document.documentElement.clientWidth;
            return [...document.querySelectorAll('header *, .controls *')]
              .filter((e) => e.getBoundingClientRect().right > w + 0.5)
              .map((e) => `${e.tagName.toLowerCase()}${e.getAttribute('data-testid') ? `[${e.getAttribute('data-testid')}]` : ''}`);
          });
          expect(sticking, `sticking out of a ${width} px screen`).toEqual([]);
          expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `horizontal scroll at ${width} px`).toBe(0);
        }).toPass({ timeout: 10_000 });
      });
    }
  });
}
