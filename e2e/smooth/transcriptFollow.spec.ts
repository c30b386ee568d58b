// While playing, the transcript shows the newest lines from their end without
// scrolling its list: a list scrolled down at every change was painted again
// whole (all of its 120 or more lines) at every change. At rest it is the list
// of the newest 120 lines, scrolled to its end, that can be scrolled back.
import { test, expect, type Page } from '@playwright/test';
import { noErrors, settled } from '../page';

const BIG = 'imap-big-mailbox-slow-link';

/** The transcript as shown: its view's class, the list's scroll, its lines and where the newest is. */
function transcriptNow(page: Page) {
  return page.evaluate(() => {
    const view = document.querySelector<HTMLElement>('[data-testid=transcript-view]')!;
    const list = document.querySelector<HTMLElement>('[data-testid=transcript]')!;
    const lines = list.querySelectorAll('li.line');
    const last = lines[lines.length - 1].getBoundingClientRect();
    const box = view.getBoundingClientRect();
    return {
      following: view.classList.contains('following'),
      lines: lines.length,
      scrollTop: list.scrollTop,
      scrolledToEnd: Math.abs(list.scrollHeight - list.clientHeight - list.scrollTop) <= 1,
      scrollable: list.scrollHeight > list.clientHeight,
      newestInView: last.bottom <= box.bottom + 1 && last.top >= box.top - 1,
      viewHeight: box.height,
      current: Array.from(list.querySelectorAll('li.line.current code')).map((c) => c.textContent),
    };
  });
}

test('the transcript follows a playing change without scrolling, and at rest is the scrolled list of the newest 120 lines', async ({ page }) => {
  const errors = noErrors(page);
  await page.goto(`/?scenario=${BIG}&lang=en&quiz=off`);
  await page.locator('svg.picture-svg g.region').first().waitFor();
  await page.getByTestId('speed').selectOption('4');
  const total = Number(await page.getByTestId('scrubber').getAttribute('max'));
  const from = Math.floor(total * 0.6);
  await page.getByTestId('scrubber').fill(String(from));
  await settled(page, from);
  const atRest = await transcriptNow(page);
  expect(atRest).toMatchObject({ following: false, lines: 120, scrollable: true, scrolledToEnd: true, newestInView: true });
  await page.getByTestId('play').click();
  // A few changes later, still playing: the newest 24 lines, the list itself not scrolled, its end in view.
  await expect.poll(async () => Number(await page.getByTestId('position').getAttribute('data-frame')), { timeout: 20_000 }).toBeGreaterThan(from + 3);
  const playing = await transcriptNow(page);
  expect(playing).toMatchObject({ following: true, lines: 24, scrollTop: 0, newestInView: true });
  // The view is as high as at rest: nothing below it moves.
  expect(playing.viewHeight).toBeCloseTo(atRest.viewHeight, 0);
  await page.evaluate(() => {
    const play = document.querySelector<HTMLButtonElement>('[data-testid=play]');
    if (play?.getAttribute('aria-label') === 'Pause') play.click();
  });
  const frame = Number(await page.getByTestId('position').getAttribute('data-frame'));
  await settled(page, frame);
  await expect.poll(() => transcriptNow(page)).toMatchObject({ following: false, lines: 120, scrollable: true, scrolledToEnd: true, newestInView: true });
  expect(errors).toEqual([]);
});
