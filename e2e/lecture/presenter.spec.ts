// The lecture hall: presenter mode with a clicker's keys, the pointer, and the
// presenter's notes window following the presenting one.
import { test, expect, type Page } from '@playwright/test';
import { run } from '../expected';
import { currentFrame, ready, noErrors } from '../page';
import { stepEnds } from '../../src/ui/presenter/presenterState';
import { analyze } from '../axe';

const THREE = 'pop3-three-devices';

function ends(id: string): number[] {
  const { timeline } = run(id);
  const last = timeline.frames.length - 1;
  const marks = [...new Set(timeline.stepStarts.filter((f) => f >= 0 && f <= last))].sort((a, b) => a - b);
  return stepEnds(marks, last);
}


/** Wait until the presenter rests on a frame (played to it and stopped). */
async function restsAt(page: Page, frame: number) {
  await expect(page.getByTestId('position')).toHaveAttribute('data-frame', String(frame), { timeout: 20_000 });
  await expect(page.locator('svg.picture-svg g.ghost')).toHaveCount(0);
}

test('P opens presenter mode; PageDown plays one whole step and stops, PageUp goes back one; a reload keeps it (questions off: quiz=off)', async ({ page }) => {
  const errors = noErrors(page);
  const stops = ends(THREE);
  await page.goto(`/?scenario=${THREE}&lang=en&quiz=off`);
  await ready(page);
  await page.keyboard.press('p');
  await expect(page.getByTestId('presenter')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Mail Sync Sandbox' })).toHaveCount(0);
  await expect(page.getByTestId('caption')).toContainText('The starting point, before the first step.');
  await expect(page).toHaveURL(/present=1/);
  await page.keyboard.press('PageDown');
  await restsAt(page, stops[0]);
  await page.keyboard.press('PageDown');
  await restsAt(page, stops[1]);
  // Still there a moment later: it stopped at the end of the step.
  await page.waitForTimeout(1500);
  expect(await currentFrame(page)).toBe(stops[1]);
  await expect(page.getByTestId('presenter-bar')).toContainText(`Step 2 of ${stops.length}`);
  await page.keyboard.press('PageUp');
  await restsAt(page, stops[0]);
  await page.keyboard.press('PageUp');
  await restsAt(page, 0);
  // The player's own keys still work in presenter mode.
  await page.keyboard.press('Shift+ArrowRight');
  expect(await currentFrame(page)).toBeGreaterThan(0);
  await page.keyboard.press('End');
  await restsAt(page, stops[stops.length - 1]);
  await expect(page).toHaveURL(new RegExp(`frame=${stops[stops.length - 1]}&.*present=1`));
  await page.reload();
  await expect(page.getByTestId('presenter')).toBeVisible();
  await restsAt(page, stops[stops.length - 1]);
  expect(errors).toEqual([]);
});

test('the clicker\u2019s blank button blacks the screen and brings it back; the theme is kept in the URL', async ({ page }) => {
  await page.goto(`/?scenario=${THREE}&frame=5&lang=de&present=1`);
  await expect(page.getByTestId('presenter')).toHaveAttribute('data-theme', 'contrast');
  await page.keyboard.press('.');
  await expect(page.getByTestId('blank')).toBeVisible();
  await page.keyboard.press('b');
  await expect(page.getByTestId('blank')).toHaveCount(0);
  await page.getByTestId('theme').click();
  await expect(page.getByTestId('presenter')).toHaveAttribute('data-theme', 'dark');
  await expect(page).toHaveURL(/theme=dark/);
  await expect(page.getByTestId('presenter-bar')).toContainText('Schritt');
  await page.reload();
  await expect(page.getByTestId('presenter')).toHaveAttribute('data-theme', 'dark');
  // Leaving presenter mode returns to the player with its chrome.
  await page.getByTestId('present-exit').click();
  await expect(page.getByTestId('presenter')).toHaveCount(0);
  await expect(page.getByTestId('present')).toBeVisible();
  await expect(page).not.toHaveURL(/present=1/);
});

test('a mail pointed at stays marked across steps, by click or by typing its number', async ({ page }) => {
  const stops = ends(THREE);
  await page.goto(`/?scenario=${THREE}&frame=${stops[0]}&lang=en&present=1&quiz=off`);
  await ready(page);
  await page.keyboard.press('1');
  const selected = page.locator('svg.picture-svg g.token.is-selected');
  await expect(selected.first()).toHaveAttribute('data-mail', 'm1');
  await page.keyboard.press('PageDown');
  await restsAt(page, stops[1]);
  await expect(selected.first()).toHaveAttribute('data-mail', 'm1');
  await expect(page.getByTestId('pointer')).toHaveValue('m1');
  await page.keyboard.press('Escape');
  await expect(selected).toHaveCount(0);
  await page.locator('svg.picture-svg g.token').first().click();
  await expect(selected).not.toHaveCount(0);
});

// One presenting page and its notes window for both: each test opened them afresh (two page and
// scenario loads) for the same start.
test('the notes window follows the presenting window, and a clicker press in it steps the presentation; a notes window that loads its scenario slowly, from an older address, still lands where the presenter is', async ({ page }) => {
  const stops = ends(THREE);
  const { scenario } = run(THREE);
  await page.goto(`/?scenario=${THREE}&lang=en&present=1&quiz=off`);
  await ready(page);
  const [notes] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('open-notes').click()]);
  await expect(notes).toHaveURL(/notes=1/);
  await expect(notes.getByTestId('notes-step')).toHaveAttribute('data-frame', '0');
  const firstNote = scenario.steps[0].note?.en;
  await page.keyboard.press('PageDown');
  await restsAt(page, stops[0]);
  await expect(notes.getByTestId('notes-step')).toHaveAttribute('data-frame', String(stops[0]));
  await expect(notes.getByTestId('notes-step')).toContainText(`Step 1 of ${stops.length}`);
  if (firstNote) await expect(notes.getByTestId('notes-note')).toHaveText(firstNote);
  await expect(notes.getByTestId('notes-next')).toContainText(`Step 2 of ${stops.length}`);
  // Pressed in the notes window, the clicker steps the presenting window.
  await notes.keyboard.press('PageDown');
  await restsAt(page, stops[1]);
  await expect(notes.getByTestId('notes-step')).toHaveAttribute('data-frame', String(stops[1]));
  // The pointer follows too.
  await page.keyboard.press('2');
  await expect(notes.getByTestId('notes-pointer')).toContainText('Pointing at message 2');
  // A reloaded notes window finds its way back.
  await notes.reload();
  await expect(notes.getByTestId('notes-step')).toHaveAttribute('data-frame', String(stops[1]));
  // The notes window opens again at frame 0 (an address written before the presenter moved on), and its
  // scenario arrives late: the presenter's answer to its greeting comes first and must not be lost.
  await notes.route('**/assets/*.json', async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await notes.goto(`/?scenario=${THREE}&lang=en&notes=1&frame=0`);
  await expect(notes.getByTestId('notes-step')).toHaveAttribute('data-frame', String(stops[1]));
});

test('the picture tells the step: icons name the places, a copy\u2019s path is drawn while it travels and stays faded, what changed is framed', async ({ page }) => {
  const { timeline, scenario } = run(THREE);
  const copyFrame = timeline.frames.findIndex((f) => f.index > 0 && f.transfers.some((t) => t.kind === 'copy' && t.from && t.to));
  const t = timeline.frames[copyFrame].transfers.find((x) => x.kind === 'copy')!;
  await page.goto(`/?scenario=${THREE}&frame=${copyFrame - 1}&lang=en`);
  await ready(page);
  // Every device is drawn with the icon of its kind.
  for (const d of scenario.world.devices) await expect(page.locator(`svg.picture-svg g.region[data-region$="/${d.id}"]`)).toHaveAttribute('data-icon', d.kind);
  await expect(page.locator('svg.picture-svg g.region-server')).toHaveAttribute('data-icon', 'server');
  await page.getByTestId('speed').selectOption('0.25');
  await page.keyboard.press('ArrowRight');
  // While the copy travels, its path is drawn in the overlay over the picture (.picture-travel); at rest it is back in the picture.
  const path = page.locator(`:is(svg.picture-svg, .picture-travel svg) g.transfer.is-current[data-mail="${t.mail}"] path.transfer-line`);
  await expect(path).toBeAttached();
  const offset = async () => Number(await path.getAttribute('stroke-dashoffset'));
  const early = await offset();
  await page.waitForTimeout(900);
  expect(await offset()).toBeLessThan(early);
  // At rest: the path is still there (faded), the arrived copy is framed as changed in this step.
  await expect(page.locator(':is(svg.picture-svg, .picture-travel svg) g.ghost')).toHaveCount(0, { timeout: 10_000 });
  await expect(path).toBeAttached();
  await expect(page.locator(`svg.picture-svg g.token.is-changed[data-place="${t.to}"][data-mail="${t.mail}"]`)).toHaveCount(1);
  // The next step starts a new story: the earlier step's paths are gone.
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.locator(`svg.picture-svg g.transfer[data-mail="${t.mail}"]`)).toHaveCount(0);
});

test('the timeline\u2019s marks are named after their steps on hover', async ({ page }) => {
  await page.goto(`/?scenario=${THREE}&lang=de`);
  await ready(page);
  const mark = page.getByTestId('step-marks').locator('.mark').nth(1);
  await expect(mark.locator('.mark-label')).toBeHidden();
  await mark.hover();
  await expect(mark.locator('.mark-label')).toBeVisible();
  await expect(mark.locator('.mark-label')).toContainText('2. Annas Handy ruft E-Mails ab');
});

test('axe finds no serious or critical violations in presenter mode (both themes), the notes window and the handout', async ({ page }) => {
  // Four pages, each analysed in full: slow on a loaded machine.
  test.setTimeout(150_000);
  for (const url of [`/?scenario=${THREE}&frame=9&lang=en&present=1`, `/?scenario=${THREE}&frame=9&lang=de&present=1&theme=dark`, `/?scenario=${THREE}&frame=9&lang=en&notes=1`, `/?scenario=${THREE}&lang=de&print=1`]) {
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    await expect(page.locator('svg.picture-svg g.region, [data-testid=notes-step]').first()).toBeAttached();
    const results = await analyze(page);
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${url} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});
