// Driving the sandbox in the browser tests: fork a built-in scenario, open a
// menu by clicking the picture, choose an event, read the step list.
import { expect, type Page } from '@playwright/test';
import { ready } from '../page';

export { noErrors } from '../page';

/** Click a region of the picture by its title corner (not a folder or a mail inside it). */
export async function clickRegion(page: Page, region: string) {
  await page.locator(`svg.picture-svg g.region[data-region="${region}"]`).first().click({ position: { x: 40, y: 8 } });
  await expect(page.getByTestId('event-menu')).toBeVisible();
}

export async function choose(page: Page, id: string) {
  await page.getByTestId(`event-${id}`).click();
  await expect(page.getByTestId('event-menu')).toHaveCount(0);
}

export const steps = (page: Page) => page.locator('[data-testid=step-list] > li');

export async function openStepList(page: Page) {
  const summary = page.locator('.builder summary', { hasText: /Steps so far|Bisherige Schritte/ });
  const details = summary.locator('..');
  if ((await details.getAttribute('open')) === null) await summary.click();
  await expect(page.getByTestId('step-list').or(page.getByTestId('no-steps'))).toBeVisible();
}

/** The sandbox no longer simulates: the picture is the present draft's. */
export async function pictureUpToDate(page: Page, timeout = 60_000) {
  await expect(page.getByTestId('sandbox')).not.toHaveAttribute('data-simulating', 'true', { timeout });
  await ready(page);
}

/** The player on a built-in scenario at a frame, then "change this scenario from here". */
export async function forkAtFrame(page: Page, id: string, frame: number, lang = 'en') {
  await page.goto(`/?scenario=${id}&frame=${frame}&lang=${lang}&quiz=off`);
  await ready(page);
  await page.getByTestId('open-sandbox-here').click();
  await expect(page.getByTestId('sandbox')).toBeVisible();
  await pictureUpToDate(page);
}

/** The player on a built-in scenario at the start of step `ordinal`, then "change this scenario from here". */
export async function forkAtStep(page: Page, id: string, ordinal: number, lang = 'en') {
  await page.goto(`/?scenario=${id}&lang=${lang}&quiz=off`);
  await ready(page);
  const next = lang === 'de' ? 'Nächster Schritt' : 'Next step';
  for (let i = 0; i <= ordinal; i++) await page.getByRole('button', { name: next }).click();
  await page.getByTestId('open-sandbox-here').click();
  await expect(page.getByTestId('sandbox')).toBeVisible();
  await pictureUpToDate(page);
}
