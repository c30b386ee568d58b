// On a phone the player fits the screen's width: nothing sticks out sideways, so the page never
// scrolls horizontally. The compare select once did (its longest scenario title set its width,
// 9 px past a 390 px screen in German) because its row, a flex item, would not shrink below it.
import { test, expect } from '@playwright/test';
import { settled } from '../page';

for (const lang of ['de', 'en'] as const) {
  for (const width of [360, 390]) {
    test(`the player fits a ${width} px phone in ${lang === 'de' ? 'German' : 'English'}`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`/?scenario=pop3-three-devices&lang=${lang}&quiz=off`);
      await settled(page, 0);
      const sticking = await page.evaluate(() => {
        const w = document.documentElement.clientWidth;
        return [...document.querySelectorAll('header *, .controls *')]
          .filter((e) => e.getBoundingClientRect().right > w + 0.5)
          .map((e) => `${e.tagName.toLowerCase()}${e.getAttribute('data-testid') ? `[${e.getAttribute('data-testid')}]` : ''}`);
      });
      expect(sticking).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    });
  }
}
