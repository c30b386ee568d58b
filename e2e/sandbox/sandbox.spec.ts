// The sandbox in a real browser against the built app: build a world, make
// things happen by clicking the picture, undo, keep and share what was made.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { loadScenarioText } from '../../src/sim';
import { runFile } from '../../src/cli/runFile';
import { drawnPlaces, ready, scoreOf, noErrors } from '../page';

const THREE = 'pop3-three-devices';


/** Click a region of the picture by its title corner (not a folder or a mail inside it). */
async function clickRegion(page: Page, region: string) {
  await page.locator(`svg.picture-svg g.region[data-region="${region}"]`).first().click({ position: { x: 40, y: 8 } });
  await expect(page.getByTestId('event-menu')).toBeVisible();
}

async function choose(page: Page, id: string) {
  await page.getByTestId(`event-${id}`).click();
  await expect(page.getByTestId('event-menu')).toHaveCount(0);
}

const steps = (page: Page) => page.locator('[data-testid=step-list] > li');

async function openStepList(page: Page) {
  const summary = page.locator('.builder summary', { hasText: /Steps so far|Bisherige Schritte/ });
  const details = summary.locator('..');
  if ((await details.getAttribute('open')) === null) await summary.click();
}

/** The player on a built-in scenario at the start of step `ord`, then "change this scenario from here". */
async function forkBuiltin(page: Page, id: string, stepOrdinal: number) {
  await page.goto(`/?scenario=${id}&lang=en&quiz=off`);
  await ready(page);
  for (let i = 0; i <= stepOrdinal; i++) await page.getByRole('button', { name: 'Next step' }).click();
  await page.getByTestId('open-sandbox-here').click();
  await expect(page.getByTestId('sandbox')).toBeVisible();
  await ready(page);
}

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

test('a two-device world built from nothing with the mouse, and a mail arriving in it', async ({ page }) => {
  const errors = noErrors(page);
  await page.goto('/?lang=en');
  await page.getByTestId('open-sandbox').click();
  await expect(page).toHaveURL(/sandbox=1/);
  await page.getByTestId('add-device').click();
  await page.getByTestId('add-device').click();
  await page.getByTestId('field-world.devices[1].kind').selectOption('phone');
  await page.getByTestId('field-world.devices[1].id').fill('phone');
  await page.getByTestId('field-world.devices[1].protocol').selectOption('pop3');
  await page.getByTestId('field-world.devices[1].pop3.leaveOnServer').check();
  await page.getByTestId('field-world.accounts[0].quota.storageKB').fill('2048');
  await expect(page.locator('svg.picture-svg g.region[data-region="device/laptop"]')).toBeAttached();
  await expect(page.locator('svg.picture-svg g.region[data-region="device/phone"]')).toBeAttached();
  await expect(page.getByTestId('sandbox-invalid')).toHaveCount(0);
  // A wrong address is named next to its field, and the picture keeps the last world that ran.
  await page.getByTestId('field-world.accounts[0].address').fill('anna-at-example');
  await expect(page.getByTestId('problem-world.accounts[0].address')).toContainText('an address looks like');
  await page.getByTestId('field-world.accounts[0].address').fill('anna@example.org');
  await expect(page.getByTestId('sandbox-invalid')).toHaveCount(0);
  await clickRegion(page, 'server/server');
  await choose(page, 'arrive-anna');
  await expect(page.getByTestId('sandbox-live')).toContainText('A message arrives for anna@example.org');
  expect(await drawnPlaces(page)).toEqual({ 'server/anna/INBOX': 1 });
  await clickRegion(page, 'device/phone');
  await choose(page, 'check');
  await expect.poll(() => drawnPlaces(page)).toEqual({ 'server/anna/INBOX': 1, 'device/phone/Inbox': 1 });
  expect(errors).toEqual([]);
});

test('the same world built with the keyboard alone, events included', async ({ page }) => {
  const errors = noErrors(page);
  await page.goto('/?lang=en');
  await page.getByTestId('open-sandbox').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('add-device').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.getByTestId('field-world.devices[1].protocol').focus();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByTestId('field-world.devices[1].protocol')).toHaveValue('pop3');
  await page.getByTestId('field-world.devices[1].id').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('desk');
  await expect(page.locator('svg.picture-svg g.region[data-region="device/desk"]')).toBeAttached();
  // Events by keyboard: the server's menu, arrows, Enter.
  await page.getByTestId('event-open').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('event-arrive-anna')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sandbox-live')).toContainText('A message arrives');
  await expect(page.getByTestId('event-open')).toBeFocused();
  // The desk computer's menu: down to "Go offline", Escape closes and gives focus back.
  await page.getByTestId('event-target').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('event-target')).toHaveValue('device:desk');
  await page.getByTestId('event-open').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('event-goOffline')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('event-menu')).toHaveCount(0);
  await expect(page.getByTestId('event-open')).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sandbox-live')).toContainText('Go offline');
  await openStepList(page);
  await expect(steps(page)).toHaveCount(2);
  await expect(steps(page).nth(1)).toContainText('desk: goes offline');
  expect(errors).toEqual([]);
});

test('five kinds of events by clicking the picture, each a step at the moment shown; undo and redo', async ({ page }) => {
  const errors = noErrors(page);
  await forkBuiltin(page, THREE, 4);
  await openStepList(page);
  await expect(steps(page)).toHaveCount(12);
  // 1. The laptop's disk fails.
  await clickRegion(page, 'device/laptop');
  await choose(page, 'diskFail');
  await expect(steps(page).nth(5)).toContainText("Anna's laptop: disk fails");
  await expect(page.getByTestId('sandbox-live')).toContainText('The disk fails');
  // 2. A break-in on the server.
  await clickRegion(page, 'server/server');
  await choose(page, 'breach');
  await expect(steps(page).nth(6)).toContainText('Server: break-in, an attacker copies the mailboxes');
  // 3. A mail token: delete it on the device that holds it.
  const token = page.locator('svg.picture-svg g.token[data-place^="device/desktop/"]').first();
  await token.click();
  await choose(page, 'delete');
  await expect(steps(page).nth(7)).toContainText(/Study PC: deletes message \d+ "/);
  // 4. The phone goes offline, and 5. an hour passes.
  await clickRegion(page, 'device/phone');
  await choose(page, 'goOffline');
  await page.getByTestId('keep-later').uncheck();
  await page.getByTestId('event-time').click();
  await choose(page, 'wait-60');
  await expect(steps(page)).toHaveCount(10);
  await expect(steps(page).nth(9)).toContainText('Time passes');
  // Without the later steps, the story ends with the wait.
  // A disabled event says why, and clicking it changes nothing.
  await clickRegion(page, 'device/phone');
  await expect(page.getByTestId('event-goOffline')).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByTestId('event-goOffline')).toContainText('offline already');
  await page.getByTestId('event-goOffline').click({ force: true });
  await page.keyboard.press('Escape');
  await expect(steps(page)).toHaveCount(10);
  // Undo twice (button, then Ctrl+Z), redo once (Ctrl+Shift+Z).
  await page.getByTestId('undo').click();
  await expect(steps(page)).toHaveCount(16);
  await page.keyboard.press('Control+z');
  await expect(steps(page)).toHaveCount(15);
  await expect(page.locator('[data-testid=step-list]')).not.toContainText("Anna's phone: goes offline");
  await page.keyboard.press('Control+Shift+Z');
  await expect(steps(page).nth(8)).toContainText("Anna's phone: goes offline");
  await page.getByTestId('redo').click();
  await expect(steps(page)).toHaveCount(10);
  await expect(page.getByTestId('redo')).toBeDisabled();
  expect(errors).toEqual([]);
});

test('a reload offers the autosaved sandbox back', async ({ page }) => {
  await forkBuiltin(page, THREE, 2);
  await clickRegion(page, 'device/laptop');
  await choose(page, 'diskFail');
  await page.goto('/?lang=en');
  await expect(page.getByTestId('restore-offer')).toBeVisible();
  await page.getByTestId('restore-yes').click();
  await openStepList(page);
  await expect(steps(page)).toHaveCount(13);
  await expect(steps(page).nth(3)).toContainText("Anna's laptop: disk fails");
});

test('the saved file is a scenario file the command line plays to the same outcome as the scorecard', async ({ page }) => {
  // After the laptop's check at 13:05 its disk fails: what only it held is lost.
  await forkBuiltin(page, THREE, 6);
  await clickRegion(page, 'device/laptop');
  await choose(page, 'diskFail');
  await page.getByTestId('field-world.devices[0].pop3.leaveOnServer').check();
  const download = page.waitForEvent('download');
  await page.getByTestId('sandbox-save').click();
  const file = join(mkdtempSync(join(tmpdir(), 'sandbox-')), (await download).suggestedFilename());
  await (await download).saveAs(file);
  const text = readFileSync(file, 'utf8');
  expect(JSON.parse(text).$schema).toBe('./scenario.schema.json');
  expect(loadScenarioText(file, text).ok).toBe(true);
  // What `npm run sim -- FILE` prints, run in this process as the command does it without a terminal
  // (runFile, then its lines): starting the real command cost a fresh tsx its compile of the engine,
  // 2 s of CPU and far more on a loaded machine; the command's entry point is covered in test/cli.
  const run = runFile({ file, variant: null, frames: false, json: false, lang: 'en' });
  expect(run.code).toBe(0);
  const out = run.stdout.join('\n');
  const count = (label: string) => {
    const line = new RegExp(`^${label}:\\s+(.*)$`, 'm').exec(out)![1];
    return line === 'none' ? 0 : line.split(', ').length;
  };
  await page.keyboard.press('End');
  const score = await scoreOf(page);
  expect({ lost: score.lost, deleted: score.deleted, bounced: score.bounced }).toEqual({ lost: count('lost'), deleted: count('deleted'), bounced: count('bounced') });
  expect(score.lost).toBeGreaterThan(0);
});

test('the share link opens the same frame in a fresh browser', async ({ page, browser }) => {
  await forkBuiltin(page, THREE, 4);
  await clickRegion(page, 'server/server');
  await choose(page, 'breach');
  await expect(page.getByTestId('sandbox')).not.toHaveAttribute('data-simulating', 'true');
  await page.getByTestId('sandbox-share').click();
  await expect(page.getByTestId('sandbox-share')).toHaveText('Link copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/sandbox=1&data=/);
  const frame = await page.getByTestId('position').getAttribute('data-frame');
  const places = await drawnPlaces(page);
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await ready(other);
  await expect(other.getByTestId('sandbox')).toBeVisible();
  await expect(other.getByTestId('position')).toHaveAttribute('data-frame', frame!);
  expect(await drawnPlaces(other)).toEqual(places);
  await fresh.close();
});

test('a broken file is refused with every problem listed, and the sandbox stays as it was', async ({ page }) => {
  await forkBuiltin(page, THREE, 2);
  await openStepList(page);
  const before = await page.locator('[data-testid=step-list]').innerText();
  const broken = JSON.stringify({ id: 'Bad Id', title: { de: 'x' }, summary: { de: 'x', en: 'x' }, world: { accounts: [], devices: [] }, steps: [{ at: 'tomorrow', do: 'device.explode' }] });
  await page.getByTestId('sandbox-import').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
  const refused = page.getByTestId('sandbox-refused');
  await expect(refused).toContainText('broken.json was not opened');
  await expect(refused).toContainText('broken.json: id:');
  await expect(refused).toContainText('title.en');
  await expect(refused).toContainText('world.accounts');
  await expect(refused).toContainText('steps[0]');
  expect(await page.locator('[data-testid=step-list]').innerText()).toBe(before);
  // A file that is not JSON at all says where it breaks.
  await page.getByTestId('sandbox-import').setInputFiles({ name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from('{"id": "x", ') });
  await expect(refused).toContainText('not valid JSON at line 1');
  expect(await page.locator('[data-testid=step-list]').innerText()).toBe(before);
});

test('corrupted autosave data gives a message, not a blank page', async ({ page }) => {
  const errors = noErrors(page);
  await page.addInitScript(() => localStorage.setItem('mail-sync-sandbox:autosave', '{"v":1,"data":{"id":'));
  await page.goto('/?lang=en');
  await expect(page.getByTestId('sandbox-storage')).toContainText('could not be read');
  await expect(page.getByRole('heading', { name: 'Scenarios' })).toBeVisible();
  await page.getByTestId('open-sandbox').click();
  await expect(page.getByTestId('builder')).toBeVisible();
  expect(errors).toEqual([]);
});

test('storage that refuses to save says so and the sandbox keeps working', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
  });
  await page.goto('/?sandbox=1&lang=en');
  await expect(page.getByTestId('sandbox-storage')).toContainText('storage is full');
  await page.getByTestId('add-device').click();
  await expect(page.locator('svg.picture-svg g.region[data-region="device/laptop"]')).toBeAttached();
});

test('a broken sandbox link is refused with its problems, and the autosave is still offered', async ({ page }) => {
  await page.goto('/?sandbox=1&lang=en');
  await page.getByTestId('add-device').click();
  await page.goto('/?sandbox=1&data=not-a-scenario&lang=en');
  await expect(page.getByTestId('sandbox-refused')).toContainText('damaged');
  await expect(page.getByTestId('restore-offer')).toBeVisible();
});
