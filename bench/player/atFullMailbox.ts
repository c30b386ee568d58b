// Where every player benchmark starts: speed 4×, at 60 % of the timeline, where the
// mailbox is full, so every played frame draws the crowded picture.
import type { Page } from 'playwright-core';

export async function atFullMailbox(page: Page): Promise<void> {
  await page.getByTestId('speed').selectOption('4');
  const total = Number(await page.getByTestId('scrubber').getAttribute('max'));
  await page.getByTestId('scrubber').fill(String(Math.floor(total * 0.6)));
}
