// The player in a real browser against the built app.
import { readdirSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { frameLines } from '../src/sim';
import { expectedAt, run } from './expected';
import { currentFrame, drawnPlaces, scoreOf, settled, noErrors } from './page';
import { analyze } from './axe';

const THREE = 'pop3-three-devices';


async function expectPictureMatches(page: Page, scenarioId: string, frame: number, variant: string | null = null) {
  const { scenario, timeline } = run(scenarioId, variant);
  const want = expectedAt(scenario, timeline, frame);
  await settled(page, frame);
  expect(await drawnPlaces(page)).toEqual(want.places);
  expect(await scoreOf(page)).toEqual({ lost: want.score.lost, bounced: want.score.bounced, deleted: want.score.deleted, exposure: want.score.exposure });
  for (const [account, bytes] of Object.entries(want.usage)) await expect(page.getByTestId(`usage-${account}`)).toHaveAttribute('data-bytes', String(bytes));
}

/** Go to `url` inside the page, as the browser's back and forward buttons do (the page listens for popstate). */
async function openInPage(page: Page, url: string) {
  await page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, url);
}

test('the gallery lists, searches and filters the built-in scenarios, and opens one', async ({ page }) => {
  const errors = noErrors(page);
  await page.goto('/?lang=en');
  await expect(page.getByRole('heading', { name: 'Scenarios' })).toBeVisible();
  const all = await page.locator('li.card').count();
  expect(all).toBeGreaterThan(5);
  await page.getByTestId('filter-topic').selectOption('quota');
  const quota = await page.locator('li.card').count();
  expect(quota).toBeGreaterThan(0);
  expect(quota).toBeLessThan(all);
  await page.getByTestId('filter-topic').selectOption('');
  await page.getByTestId('filter-protocol').selectOption('imap');
  expect(await page.locator('li.card').count()).toBeLessThan(all);
  await page.getByTestId('filter-protocol').selectOption('');
  await page.getByTestId('filter-claim').selectOption('P9');
  await expect(page.locator(`li.card[data-scenario="${THREE}"]`)).toBeVisible();
  await page.getByTestId('filter-claim').selectOption('');
  await page.getByTestId('search').fill('three devices pop3');
  await expect(page.locator('li.card')).toHaveCount(1);
  await page.locator(`li.card[data-scenario="${THREE}"] h3 a`).click();
  await expect(page.getByTestId('scenario-title')).toHaveText(/Three devices on POP3/);
  await expect(page).toHaveURL(new RegExp(`scenario=${THREE}`));
  await page.getByRole('button', { name: /All scenarios/ }).click();
  await expect(page.getByRole('heading', { name: 'Scenarios' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('played to the end, the picture and the scorecard agree with the simulation; stepping back agrees again', async ({ page }) => {
  const errors = noErrors(page);
  const { timeline } = run(THREE);
  const last = timeline.frames.length - 1;
  await page.goto(`/?scenario=${THREE}&lang=en&quiz=off`);
  await expectPictureMatches(page, THREE, 0);
  await page.getByTestId('speed').selectOption('8');
  await page.getByTestId('play').click();
  await expect(page.getByTestId('position')).toHaveAttribute('data-frame', String(last), { timeout: 30_000 });
  await expect(page.getByTestId('play')).toHaveAccessibleName('Play');
  await expectPictureMatches(page, THREE, last);
  // One whole step back, then one change back.
  await page.getByRole('button', { name: 'Previous step' }).click();
  const stepStart = await currentFrame(page);
  expect(stepStart).toBeLessThan(last);
  await expectPictureMatches(page, THREE, stepStart);
  await page.getByRole('button', { name: 'One change back' }).click();
  await expectPictureMatches(page, THREE, stepStart - 1);
  // The URL holds the frame: a reload returns to the same picture.
  await expect(page).toHaveURL(new RegExp(`frame=${stepStart - 1}`));
  await page.reload();
  await expectPictureMatches(page, THREE, stepStart - 1);
  expect(errors).toEqual([]);
});

// Four tests of a quarter each, so that both browser workers share the scenarios.
const BUILTINS = readdirSync('scenarios').filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')).map((f) => f.replace(/\.json$/, ''));
const QUARTERS = 4;
for (let quarter = 0; quarter < QUARTERS; quarter++) {
  test(`every built-in scenario opens at its end with a picture that matches the simulation (${quarter + 1} of ${QUARTERS})`, async ({ page }) => {
    test.setTimeout(120_000);
    const errors = noErrors(page);
    const ids = BUILTINS.filter((_, i) => i % QUARTERS === quarter);
    expect(ids.length).toBeGreaterThan(0);
    for (const [i, id] of ids.entries()) {
      const { timeline } = run(id);
      const last = timeline.frames.length - 1;
      const url = `/?scenario=${id}&frame=${last}&lang=en`;
      if (i === 0) await page.goto(url);
      else {
        // The rest are opened inside the page, as the browser's back and forward buttons do
        // (popstate: the page opens what the address names, as on a load), by way of the
        // gallery, so that each is drawn by a player mounted afresh and no earlier picture
        // can stand in for it. A page load each cost the code's parsing, the app's start and
        // the simulation worker's start again: about half of this test's time.
        await openInPage(page, '/?lang=en');
        await expect(page.getByRole('heading', { name: 'Scenarios' })).toBeVisible();
        await expect(page.locator('svg.picture-svg')).toHaveCount(0);
        await openInPage(page, url);
      }
      await expectPictureMatches(page, id, last);
    }
    expect(errors).toEqual([]);
  });
}

test('switching the language changes every text and is kept in the URL', async ({ page }) => {
  await page.goto(`/?scenario=${THREE}&frame=5&lang=en`);
  await expect(page.getByRole('heading', { name: 'Scorecard' })).toBeVisible();
  await page.getByTestId('lang-de').click();
  await expect(page.getByRole('heading', { name: 'Bilanz' })).toBeVisible();
  await expect(page.getByTestId('scenario-title')).toHaveText(/Drei Geräte/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page).toHaveURL(/lang=de/);
  await expect(page.getByTestId('sim-time')).toHaveText(/Tag \d+, \d\d:\d\d Uhr/);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Bilanz' })).toBeVisible();
  await expect(page.getByTestId('position')).toHaveAttribute('data-frame', '5');
});

test('while a scenario is still loading the page says so and the address keeps naming it, so a reload in that moment loses nothing', async ({ page }) => {
  // The simulation's worker arrives late, as on a slow network or a busy machine:
  // the scenario's file is in, the picture is not.
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.context().route('**/simulation.worker-*.js', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`/?scenario=${THREE}&frame=5&lang=de`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  // Longer than the address writer waits (200 ms) before it writes what is on screen.
  await page.waitForTimeout(800);
  await expect(page).toHaveURL(/scenario=pop3-three-devices/);
  await expect(page).toHaveURL(/frame=5/);
  // The page says it is opening the scenario, rather than showing the gallery meanwhile.
  await expect(page.getByTestId('opening')).toHaveText('Das Szenario wird geöffnet …');
  await expect(page.getByRole('heading', { name: 'Szenarien' })).toHaveCount(0);
  release();
  await expect(page.getByTestId('position')).toHaveAttribute('data-frame', '5');
  await expect(page).toHaveURL(/scenario=pop3-three-devices.*frame=5|frame=5.*scenario=pop3-three-devices/);
});

test('the browser language is used when the URL names none', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Szenarien' })).toBeVisible();
  await context.close();
});

test('keyboard only: play, pause, step, jump, speed and the help overlay', async ({ page }) => {
  const { timeline } = run(THREE);
  const last = timeline.frames.length - 1;
  await page.goto(`/?scenario=${THREE}&lang=en&quiz=off`);
  await settled(page, 0);
  // The first Tab reaches the skip link, and focus is visible.
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('position')).toHaveAttribute('data-frame', '1');
  // The live region announces what happened.
  await expect(page.getByTestId('live')).toContainText(/^Step \d+: ./);
  await page.keyboard.press('Shift+ArrowRight');
  const afterStep = await currentFrame(page);
  expect(afterStep).toBeGreaterThan(1);
  await page.keyboard.press('Shift+ArrowLeft');
  expect(await currentFrame(page)).toBeLessThan(afterStep);
  await page.keyboard.press('End');
  await settled(page, last);
  await page.keyboard.press('Home');
  await settled(page, 0);
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await expect(page.getByTestId('speed')).toHaveValue('4');
  await page.keyboard.press('-');
  await expect(page.getByTestId('speed')).toHaveValue('2');
  await page.keyboard.press(' ');
  await expect(page.getByTestId('play')).toHaveAccessibleName('Pause');
  await expect.poll(() => currentFrame(page)).toBeGreaterThan(1);
  await page.keyboard.press(' ');
  await expect(page.getByTestId('play')).toHaveAccessibleName('Play');
  await page.keyboard.press('?');
  await expect(page.getByTestId('help')).toBeVisible();
  await expect(page.getByTestId('help')).toContainText('Previous / next step');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('help')).toBeHidden();
  // Every control is reachable with Tab.
  const reached = new Set<string>();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    reached.add(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.getAttribute('data-testid') ?? ''));
  }
  for (const name of ['Restart', 'Previous step', 'One change back', 'One change forward', 'Next step', 'speed', 'Timeline', 'Keyboard shortcuts']) expect(reached, name).toContain(name);
});

// Both on one page at the last frame, instead of a page and a scenario load for each.
test('a mail can be selected: where its copies are now and its history; the table view lists where every mail lives', async ({ page }) => {
  const { timeline } = run(THREE);
  const last = timeline.frames.length - 1;
  await page.goto(`/?scenario=${THREE}&frame=${last}&lang=en`);
  await test.step('a mail selected', async () => {
    await page.locator('svg.picture-svg g.token').first().click();
    await expect(page.getByTestId('mail-panel')).toBeVisible();
    await expect(page.getByTestId('mail-where').locator('li')).not.toHaveCount(0);
    await expect(page.getByTestId('mail-history').locator('li')).not.toHaveCount(0);
    await expect(page.getByTestId('mail-history')).toContainText('day 1');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('mail-panel')).toBeHidden();
  });
  await test.step('the table view', async () => {
    await page.getByTestId('toggle-table').click();
    const rows = page.getByTestId('place-table').locator('tbody tr');
    await expect(rows).toHaveCount(timeline.frames[last].state.mails.size);
  });
});

test('with reduced motion a change is shown at once instead of travelling', async ({ browser }) => {
  const context = await browser.newContext({ reducedMotion: 'reduce' });
  const page = await context.newPage();
  const { timeline } = run(THREE);
  const copyFrame = timeline.frames.findIndex((f) => f.index > 0 && f.transfers.some((t) => t.kind === 'copy' || t.kind === 'deliver'));
  await page.goto(`/?scenario=${THREE}&frame=${copyFrame - 1}&lang=en`);
  await settled(page, copyFrame - 1);
  await page.keyboard.press('ArrowRight');
  const at = () => page.evaluate(() => [...document.querySelectorAll('svg.picture-svg g.token')].map((g) => `${g.getAttribute('data-place')} ${g.getAttribute('transform')} ${g.getAttribute('opacity') ?? ''}`).sort());
  const first = await at();
  await page.waitForTimeout(1500);
  expect(await at()).toEqual(first);
  await context.close();
});

test('without reduced motion the copy travels', async ({ page }) => {
  const { timeline } = run(THREE);
  const copyFrame = timeline.frames.findIndex((f) => f.index > 0 && f.transfers.some((t) => t.kind === 'copy' && t.from && t.to));
  await page.goto(`/?scenario=${THREE}&frame=${copyFrame - 1}&lang=en`);
  await settled(page, copyFrame - 1);
  await page.getByTestId('speed').selectOption('0.25');
  await page.keyboard.press('ArrowRight');
  const t = timeline.frames[copyFrame].transfers.find((x) => x.kind === 'copy')!;
  // While it travels, the copy is drawn in the overlay over the picture (.picture-travel); at rest it is back in the picture.
  const token = page.locator(`:is(svg.picture-svg, .picture-travel svg) g.token[data-place="${t.to}"][data-mail="${t.mail}"]`);
  // Where it is on screen changes, however it is moved.
  const a = await token.boundingBox();
  await page.waitForTimeout(700);
  const b = await token.boundingBox();
  expect(a).not.toBeNull();
  expect(a).not.toEqual(b);
});

test('axe finds no serious or critical accessibility violations', async ({ page }) => {
  for (const url of ['/?lang=en', `/?scenario=${THREE}&frame=8&lang=de`]) {
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    const results = await analyze(page);
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
  await page.getByTestId('toggle-table').click();
  const table = await analyze(page);
  expect(table.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});

test('each protocol command is explained on hover and on focus, in both languages', async ({ page }) => {
  const { timeline } = run(THREE);
  const protocols = new Map(timeline.frames.flatMap((f) => f.sessions.map((s) => [s.id, s.protocol] as const)));
  const quit = timeline.frames.findIndex((f) => frameLines(f).some((l) => l.dir === 'C' && l.text === 'QUIT' && protocols.get(l.session) === 'POP3'));
  expect(quit, 'the scenario has a POP3 QUIT to explain').toBeGreaterThanOrEqual(0);
  await page.goto(`/?scenario=${THREE}&frame=${quit}&lang=en`);
  const line = page.getByTestId('transcript').locator('li.line:has(code:text-is("QUIT"))').last();
  await line.focus();
  await expect(page.getByTestId('explain')).toContainText('UPDATE');
  await page.getByTestId('lang-de').click();
  const dele = page.getByTestId('transcript').locator('li.line', { hasText: /^client|Client/ }).first();
  await dele.hover();
  await expect(page.getByTestId('explain')).not.toHaveText('\u00a0');
  await page.mouse.move(0, 0);
  await page.getByTestId('lang-en').focus();
  await line.focus();
  await expect(page.getByTestId('explain')).toContainText('Sitzung');
});
