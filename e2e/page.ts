// Reading the player page: what the picture draws and what the scorecard says.
import { expect, type Page } from '@playwright/test';

/** place → copies drawn: tokens not collapsed, plus the hidden count of a collapsed folder. */
export async function drawnPlaces(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    for (const g of document.querySelectorAll('svg.picture-svg g.layer-tokens g.token')) {
      if (g.getAttribute('data-overflow')) continue;
      const p = g.getAttribute('data-place')!;
      out[p] = (out[p] ?? 0) + 1;
    }
    for (const b of document.querySelectorAll('svg.picture-svg g.badge')) {
      const p = b.getAttribute('data-place')!;
      out[p] = (out[p] ?? 0) + Number(b.getAttribute('data-count'));
    }
    return out;
  });
}

export async function scoreOf(page: Page) {
  const value = async (id: string) => Number(await page.getByTestId(id).getAttribute('data-value'));
  return { lost: await value('score-lost'), bounced: await value('score-bounced'), deleted: await value('score-deleted'), exposure: await value('score-exposure') };
}

export async function currentFrame(page: Page): Promise<number> {
  return Number(await page.getByTestId('position').getAttribute('data-frame'));
}

/** Wait until the player has drawn its picture (and so listens to the keyboard). */
export async function ready(page: Page) {
  await expect(page.locator('svg.picture-svg[data-testid=picture] g.region').first()).toBeAttached();
}

/** Wait until playback has settled on a frame (the picture drawn without travel). */
export async function settled(page: Page, frame: number) {
  await ready(page);
  await expect(page.getByTestId('position')).toHaveAttribute('data-frame', String(frame));
  await expect(page.locator('svg.picture-svg g.ghost')).toHaveCount(0);
  // At rest every token is back in the picture: the travel overlay (drawn over it while a change plays) is empty.
  await expect(page.locator('.picture-travel svg g.token')).toHaveCount(0);
}

/** Collect the page's console errors and uncaught exceptions; a test expects the list empty at its end. */
export function noErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}
