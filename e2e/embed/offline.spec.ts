// The site from a folder and offline: a build for /~user/mail/ works from that
// folder, its service worker is scoped to it, after one visit the app and
// embed.html work with the network off, and a new version asks before it
// reloads anything. Service workers are allowed here only; every test has a
// fresh browser context, so no worker outlives its test.
import { test, expect, type Page } from '@playwright/test';
import { folderBuild, serveFolder, type FolderSite } from './folderSite';

let site: FolderSite;

test.describe.configure({ mode: 'serial' });
test.use({ serviceWorkers: 'allow' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  site = await serveFolder(await folderBuild());
});
test.afterAll(() => site.close());

/** Ask the browser to look for a new worker until one is installing or waiting (on a busy machine one check may not be enough). */
async function newWorkerFound(page: Page) {
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const r = await navigator.serviceWorker.getRegistration();
          await r?.update().catch(() => undefined);
          return !!(r?.installing || r?.waiting);
        }),
      { timeout: 60_000, intervals: [500, 1000, 2000] },
    )
    .toBe(true);
}

const readyScope = (page: Page) => page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.scope));

/**
 * The first visit: the worker installs (every file precached) and becomes active;
 * it takes charge of the page from its next load on (no clientsClaim).
 */
async function visitUntilControlled(page: Page, url: string): Promise<string> {
  await page.goto(url);
  await readyScope(page);
  await page.reload();
  return page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    return navigator.serviceWorker.controller ? reg.scope : 'not controlled';
  });
}

test('after one visit the app, a scenario and embed.html work offline, from the folder', async ({ page, context }) => {
  // The worker's scope is the folder, not the site's root.
  expect(await visitUntilControlled(page, `${site.url}?lang=en`)).toBe(site.url);
  await expect(page.getByRole('heading', { name: 'Scenarios' })).toBeVisible();

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Scenarios' })).toBeVisible();
  await page.goto(`${site.url}?scenario=pop3-three-devices&lang=de`);
  await expect(page.locator('svg.picture-svg g.region').first()).toBeAttached();
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await page.goto(`${site.url}embed.html?scenario=imap-household&lang=en`);
  await expect(page.locator('svg.picture-svg g.region').first()).toBeAttached();
  await expect(page.getByTestId('narration')).toHaveText('The starting point, before the first step.');
  // The network really is off: a file the site does not have cannot be fetched.
  expect(await page.evaluate((u) => fetch(u).then(() => 'fetched', () => 'failed'), `${site.origin}/elsewhere.txt`)).toBe('failed');
});

test('a new version shows a prompt instead of reloading, and reloads only when asked', async ({ page }) => {
  site.swSuffix = '';
  expect(await visitUntilControlled(page, `${site.url}?scenario=pop3-three-devices&lang=de&frame=5`)).toBe(site.url);
  await page.evaluate(() => ((window as unknown as { stillTheSamePage: boolean }).stillTheSamePage = true));

  site.swSuffix = '// the next version';
  await newWorkerFound(page);
  const prompt = page.getByTestId('update-prompt');
  await expect(prompt).toBeVisible({ timeout: 30_000 });
  await expect(prompt).toContainText('Eine neue Version');
  // For looking at (EMBED_SHOTS=1): the prompt over the player, at 1280 and 390 px.
  if (process.env.EMBED_SHOTS) {
    await page.screenshot({ path: '/tmp/shots/embed/update-prompt-de-1280.png' });
    await page.setViewportSize({ width: 390, height: 800 });
    await page.screenshot({ path: '/tmp/shots/embed/update-prompt-de-390.png' });
    await page.setViewportSize({ width: 1280, height: 720 });
  }
  // Nothing reloaded: the page, its scenario and its frame are as they were.
  expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
  await expect(page).toHaveURL(/frame=5/);

  // "Later" puts it aside; the keyboard reaches "reload now", and Enter reloads into the new version.
  await page.getByRole('button', { name: 'Später' }).click();
  await expect(prompt).toBeHidden();
  await newWorkerFound(page);
  await page.reload(); // the worker still waits: a reload by the reader keeps the old version in charge
  // The page that "reload now" opens must be the new version's from its first request: a take-over
  // while it still loads aborts its requests (src/ui/offline/takeOver.ts). Counted on every page from here on.
  await page.addInitScript(() => {
    const w = window as unknown as { controllerChanges: number };
    w.controllerChanges = 0;
    navigator.serviceWorker?.addEventListener('controllerchange', () => w.controllerChanges++);
  });
  await expect(prompt).toBeVisible({ timeout: 30_000 });
  await page.evaluate(() => ((window as unknown as { stillTheSamePage: boolean }).stillTheSamePage = true));
  const reload = page.getByRole('button', { name: 'Jetzt neu laden' });
  await reload.focus();
  await expect(reload).toBeFocused();
  // Pressed on the button itself: the page may move the focus while it settles, and an Enter
  // sent to whatever has the focus then would never reach "reload now".
  await Promise.all([page.waitForEvent('load'), reload.press('Enter')]);
  expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBeUndefined();
  await expect(page).toHaveURL(/scenario=pop3-three-devices.*frame=5|frame=5.*scenario=pop3-three-devices/);
  await expect(prompt).toBeHidden();
  await expect(page.locator('svg.picture-svg g.region').first()).toBeAttached();
  expect(await page.evaluate(() => (window as unknown as { controllerChanges: number }).controllerChanges)).toBe(0);
  expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => ({ waiting: !!r?.waiting, active: !!r?.active })))).toEqual({ waiting: false, active: true });
});
