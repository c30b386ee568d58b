// The side panels follow the picture on every frame: while playing they move
// on with it (rendered between animation frames, after the picture), and once
// playback rests they show exactly the frame the picture shows. The tokens
// travelling in a change are drawn over the picture while it plays and are
// back in it at rest.
import { test, expect, type Page } from '@playwright/test';
import { frameLines } from '../../src/sim';
import { expectedAt, run } from '../expected';
import { drawnPlaces, scoreOf, settled, noErrors } from '../page';

const THREE = 'pop3-three-devices';

/** Record every frame the position panel shows, from now on (a MutationObserver, so no value is missed). */
async function recordPanelFrames(page: Page) {
  await page.evaluate(() => {
    const el = document.querySelector('[data-testid=position]')!;
    const w = window as unknown as { __shown: number[] };
    w.__shown = [Number(el.getAttribute('data-frame'))];
    new MutationObserver(() => w.__shown.push(Number(el.getAttribute('data-frame')))).observe(el, { attributes: true, attributeFilter: ['data-frame'] });
  });
}

test('while playing the panels move on with the picture; at rest they show the frame the picture shows', async ({ page }) => {
  const errors = noErrors(page);
  const { scenario, timeline } = run(THREE);
  await page.goto(`/?scenario=${THREE}&lang=en&quiz=off`);
  await settled(page, 0);
  await page.getByTestId('speed').selectOption('8');
  await recordPanelFrames(page);
  await page.getByTestId('play').click();
  // At 8× a change lasts 137 ms: within 2.5 s the panels show more than five frames. Paused as soon as they
  // have (about a second), rather than after a fixed 2.5 s.
  await expect.poll(() => page.evaluate(() => new Set((window as unknown as { __shown: number[] }).__shown).size), { timeout: 2_500, intervals: [100] }).toBeGreaterThan(5);
  // Pause, unless playback already stopped at the end (a click then would start it again from the beginning).
  // Looked at and clicked in one task in the page: between a look from the test and its click, playback could reach the end.
  await page.evaluate(() => {
    const play = document.querySelector<HTMLButtonElement>('[data-testid=play]');
    if (play?.getAttribute('aria-label') === 'Pause') play.click();
  });
  const shown = await page.evaluate(() => (window as unknown as { __shown: number[] }).__shown);
  // The panels showed many frames, in order.
  expect(new Set(shown).size).toBeGreaterThan(5);
  for (let i = 1; i < shown.length; i++) expect(shown[i]).toBeGreaterThanOrEqual(shown[i - 1]);
  // Paused: the panels, the picture and the scorecard all tell the same frame.
  const frame = Number(await page.getByTestId('position').getAttribute('data-frame'));
  await settled(page, frame);
  const want = expectedAt(scenario, timeline, frame);
  expect(await drawnPlaces(page)).toEqual(want.places);
  expect(await scoreOf(page)).toEqual({ lost: want.score.lost, bounced: want.score.bounced, deleted: want.score.deleted, exposure: want.score.exposure });
  for (const [account, bytes] of Object.entries(want.usage)) await expect(page.getByTestId(`usage-${account}`)).toHaveAttribute('data-bytes', String(bytes));
  // The transcript's current lines are this frame's.
  const current = page.getByTestId('transcript').locator('li.line.current code');
  const lines = frameLines(timeline.frames[frame]).map((l) => l.text);
  if (lines.length) await expect(current).toHaveText(lines);
  // Everything is back in the one picture: nothing is left in the overlay.
  await expect(page.locator('svg.picture-svg')).toHaveCount(1);
  await expect(page.locator('.picture-travel svg g.token')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a travelling copy is drawn once: over the picture while it travels, in the picture at rest', async ({ page }) => {
  const { timeline } = run(THREE);
  const copyFrame = timeline.frames.findIndex((f) => f.index > 0 && f.transfers.some((t) => t.kind === 'copy' && t.from && t.to));
  const t = timeline.frames[copyFrame].transfers.find((x) => x.kind === 'copy')!;
  await page.goto(`/?scenario=${THREE}&frame=${copyFrame - 1}&lang=en`);
  await settled(page, copyFrame - 1);
  await page.getByTestId('speed').selectOption('0.25');
  await page.keyboard.press('ArrowRight');
  const sel = `g.token[data-place="${t.to}"][data-mail="${t.mail}"]`;
  // While it travels: in the overlay, not in the picture.
  await expect(page.locator(`.picture-travel svg ${sel}`)).toHaveCount(1);
  await expect(page.locator(`svg.picture-svg ${sel}`)).toHaveCount(0);
  // At rest: back in the picture, the overlay empty.
  await expect(page.locator(`svg.picture-svg ${sel}`)).toHaveCount(1, { timeout: 15_000 });
  await expect(page.locator(`.picture-travel svg ${sel}`)).toHaveCount(0);
});
