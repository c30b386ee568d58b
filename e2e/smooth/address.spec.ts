// The address bar is not written while playing (each write was a long frame on
// a slow laptop); pausing writes the frame shown, and leaving the page while it
// plays keeps the frame shown for a return, so nothing is lost.
import { test, expect } from '@playwright/test';
import { currentFrame, noErrors, settled } from '../page';

const THREE = 'pop3-three-devices';

test('while playing the address stays; paused, it names the frame shown', async ({ page }) => {
  const errors = noErrors(page);
  await page.goto(`/?scenario=${THREE}&frame=2&lang=en&quiz=off`);
  await settled(page, 2);
  await page.getByTestId('speed').selectOption('1');
  await page.getByTestId('play').click();
  // Several changes and more than five seconds later (the address was once written every five), still playing:
  // the address still names the frame playback started from.
  await expect.poll(() => currentFrame(page), { timeout: 15_000 }).toBeGreaterThan(4);
  await page.waitForTimeout(5500);
  await expect(page.getByTestId('play')).toHaveAccessibleName('Pause');
  expect(page.url()).toMatch(/frame=2(&|$)/);
  await page.getByTestId('play').click();
  const shown = await currentFrame(page);
  await expect(page).toHaveURL(new RegExp(`frame=${shown}(&|$)`));
  expect(errors).toEqual([]);
});

test('leaving the page while it plays keeps the frame shown: going back returns to it', async ({ page }) => {
  await page.goto(`/?scenario=${THREE}&frame=2&lang=en&quiz=off`);
  await settled(page, 2);
  await page.getByTestId('speed').selectOption('1');
  await page.getByTestId('play').click();
  await expect.poll(() => currentFrame(page), { timeout: 15_000 }).toBeGreaterThan(5);
  await page.goto('about:blank');
  await page.goBack();
  await expect.poll(() => currentFrame(page), { timeout: 15_000 }).toBeGreaterThan(5);
});

test('a reload while it plays opens the frame that was shown, not the one play began at', async ({ page }) => {
  const errors = noErrors(page);
  await page.goto(`/?scenario=${THREE}&frame=2&lang=en&quiz=off`);
  await settled(page, 2);
  await page.getByTestId('speed').selectOption('1');
  await page.getByTestId('play').click();
  await expect.poll(() => currentFrame(page), { timeout: 15_000 }).toBeGreaterThan(5);
  await page.reload();
  await expect.poll(() => currentFrame(page), { timeout: 15_000 }).toBeGreaterThan(5);
  expect(page.url()).not.toMatch(/frame=2(&|$)/);
  expect(errors).toEqual([]);
});
