// A change's travel is run by the compositor: the travelling copy sits in a
// group over the picture whose Web Animation carries the whole travel, and the
// player's clock drives that animation (speed, seek). What the viewer sees
// must not change: the copy still moves from where it was to where it lands.
import { test, expect, type Page } from '@playwright/test';
import { run } from '../expected';
import { noErrors, settled } from '../page';

const THREE = 'pop3-three-devices';

/** The centre of an element's box on the page (it includes the running animation's transform). */
async function centre(page: Page, selector: string) {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} has no box`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}
const dist = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

async function startCopyChange(page: Page) {
  const { timeline } = run(THREE);
  const copyFrame = timeline.frames.findIndex((f) => f.index > 0 && f.transfers.some((t) => t.kind === 'copy' && t.from && t.to));
  const t = timeline.frames[copyFrame].transfers.find((x) => x.kind === 'copy')!;
  await page.goto(`/?scenario=${THREE}&frame=${copyFrame - 1}&lang=en`);
  await settled(page, copyFrame - 1);
  await page.getByTestId('speed').selectOption('0.25');
  await page.keyboard.press('ArrowRight');
  return { frame: copyFrame, sel: `g.token[data-place="${t.to}"][data-mail="${t.mail}"]` };
}

test('a travelling copy is moved by a running animation of its group and lands where the picture puts it', async ({ page }) => {
  const errors = noErrors(page);
  const { frame, sel } = await startCopyChange(page);
  const moving = `.picture-travel .travel-group ${sel}`;
  await expect(page.locator(moving)).toHaveCount(1);
  // Its group's animation runs at the player's speed, and the copy's own attributes stay as they are.
  const animation = () =>
    page.locator(moving).evaluate((el) => {
      const a = el.closest('.travel-group')!.getAnimations()[0];
      return a ? { state: a.playState, rate: a.playbackRate } : null;
    });
  expect(await animation()).toEqual({ state: 'running', rate: 0.25 });
  const early = await centre(page, moving);
  const attribute = await page.locator(moving).getAttribute('transform');
  await page.waitForTimeout(900);
  const later = await centre(page, moving);
  expect(await page.locator(moving).getAttribute('transform')).toBe(attribute);
  // At rest the copy is back in the picture, drawn where it is, and no animation is left.
  await settled(page, frame);
  const landed = await centre(page, `svg.picture-svg ${sel}`);
  expect(dist(early, landed)).toBeGreaterThan(dist(later, landed) + 5);
  expect(dist(later, landed)).toBeGreaterThan(1);
  expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
  expect(errors).toEqual([]);
});

test('the player’s speed and a seek drive the travel’s animation', async ({ page }) => {
  const { frame, sel } = await startCopyChange(page);
  const moving = `.picture-travel .travel-group ${sel}`;
  await expect(page.locator(moving)).toHaveCount(1);
  // Another speed mid-change: the animation follows it.
  await page.getByTestId('speed').selectOption('0.5');
  await expect.poll(() => page.locator(moving).evaluate((el) => el.closest('.travel-group')!.getAnimations()[0]?.playbackRate)).toBe(0.5);
  // A seek back shows that frame settled: the groups are gone, every copy is in the picture.
  await page.getByTestId('scrubber').fill(String(frame - 1));
  await settled(page, frame - 1);
  await expect(page.locator('.picture-travel .travel-group')).toHaveCount(0);
  expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
});
