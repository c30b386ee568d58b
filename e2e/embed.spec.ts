// embed.html in a plain host page on another origin: the message API both ways,
// WordPress's height message, the sizing script, the web component, and what the
// embed may not do. One host server on one port: the tests of this file run in order.
import { test, expect, type Page, type FrameLocator } from '@playwright/test';
import type { Server } from 'node:http';
import { EMBED_ORIGIN, HOST, WP_SECRET, componentPage, iframePage, startHost } from './embedHost';
import { FOLDER, folderBuild } from './embed/folderSite';

const FRAMES = 25; // pop3-three-devices has 25 frames (README, "Speed")
const PAGES = {
  '/plain.html': iframePage('?scenario=pop3-three-devices&lang=de'),
  '/wp.html': iframePage('?scenario=pop3-three-devices&lang=en&panels=controls', { wordpress: true }),
  '/sized.html': iframePage('?scenario=pop3-three-devices&lang=en', { sizer: true }),
  '/end.html': iframePage(`?scenario=pop3-three-devices&lang=en&frame=${FRAMES - 2}`),
  '/component.html': componentPage('scenario="pop3-three-devices" lang="de" frame="3"'),
};
test.describe.configure({ mode: 'serial' });
let server: Server;
// The build for a folder (BASE_PATH), served from the host under that folder.
test.beforeAll(async () => {
  test.setTimeout(240_000);
  server = await startHost(PAGES, { path: FOLDER, dir: await folderBuild() });
});
test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

type Msg = Record<string, unknown>;
const log = (page: Page) => page.evaluate(() => (window as unknown as { log: Msg[] }).log);
const send = (page: Page, m: unknown) => page.evaluate((x) => (window as unknown as { send: (m: unknown) => void }).send(x), m);
const embed = (page: Page): FrameLocator => page.frameLocator('#player');
const shownFrame = async (page: Page) => Number(await embed(page).getByTestId('position').getAttribute('data-frame'));

async function readyOn(page: Page, path: string) {
  await page.goto(`${HOST}${path}`);
  await expect.poll(async () => (await log(page)).find((m) => m.type === 'mailsync:ready')).toEqual({ type: 'mailsync:ready', scenario: 'pop3-three-devices', frames: FRAMES });
}

// One embed on the plain host page for what it says on its own, what it ignores and what switches its
// language (in that order: the language message last), instead of a host page and an embed loaded for each.
test('the host hears ready, the first frame and the height; malformed and unknown messages change nothing; a language message switches the language', async ({ page }) => {
  await readyOn(page, '/plain.html');
  await expect(embed(page).locator('svg.picture-svg g.region').first()).toBeAttached();
  await expect(embed(page).getByTestId('narration')).toHaveText('Die Ausgangslage vor dem ersten Schritt.');
  const messages = await log(page);
  expect(messages).toContainEqual({ type: 'mailsync:frame', frame: 0, step: 0 });
  const height = messages.find((m) => m.type === 'mailsync:height');
  expect(height?.height).toBeGreaterThan(300);
  // Malformed and unknown messages change nothing.
  await send(page, { type: 'mailsync:seek', frame: 4 });
  await expect.poll(() => shownFrame(page)).toBe(4);
  const before = (await log(page)).length;
  const narration = await embed(page).getByTestId('narration').textContent();
  for (const m of [
    'mailsync:play',
    ['mailsync:play'],
    null,
    { type: 'mailsync:play', extra: 1 },
    { type: 'mailsync:PLAY' },
    { type: 'mailsync:seek', frame: '9' },
    { type: 'mailsync:seek', frame: 9.5 },
    { type: 'mailsync:seek', frame: -1 },
    { type: 'mailsync:seek', frame: 9, also: true },
    { type: 'mailsync:seek' },
    { type: 'mailsync:lang', lang: 'fr' },
    { type: 'mailsync:lang', lang: ['en'] },
    { type: 'mailsync:ready', scenario: 'x', frames: 1 },
    { message: 'height', value: 10, secret: 'abc' },
  ])
    await send(page, m);
  await page.waitForTimeout(1500);
  expect(await shownFrame(page)).toBe(4);
  await expect(embed(page).getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
  expect(await embed(page).getByTestId('narration').textContent()).toBe(narration);
  await expect(embed(page).locator('html')).toHaveAttribute('lang', 'de');
  expect((await log(page)).slice(before).filter((m) => m.type === 'mailsync:frame')).toEqual([]);
  // A language message switches the language.
  await expect(embed(page).getByTestId('open-full')).toHaveText('Im vollständigen Simulator öffnen');
  await send(page, { type: 'mailsync:lang', lang: 'en' });
  await expect(embed(page).getByTestId('open-full')).toHaveText('Open in the full simulator');
  await expect(embed(page).getByTestId('sim-time')).toHaveText(/^day 1/);
});

test('seek, play and pause from the host are obeyed', async ({ page }) => {
  await readyOn(page, '/plain.html');
  await send(page, { type: 'mailsync:seek', frame: 7 });
  await expect.poll(() => shownFrame(page)).toBe(7);
  const lastFrame = async () => (await log(page)).filter((m) => m.type === 'mailsync:frame').at(-1);
  await expect.poll(lastFrame).toMatchObject({ type: 'mailsync:frame', frame: 7 });
  const step7 = ((await lastFrame()) as { step: number }).step;
  expect(step7).toBeGreaterThan(0);
  await send(page, { type: 'mailsync:play' });
  await expect.poll(() => shownFrame(page), { timeout: 8000 }).toBeGreaterThanOrEqual(9);
  await send(page, { type: 'mailsync:pause' });
  await page.waitForTimeout(300);
  const paused = await shownFrame(page);
  await page.waitForTimeout(2500);
  expect(await shownFrame(page)).toBe(paused);
  await expect(embed(page).getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
});

test('the host hears ended when the last frame is reached', async ({ page }) => {
  await readyOn(page, '/end.html');
  await send(page, { type: 'mailsync:play' });
  await expect.poll(async () => (await log(page)).some((m) => m.type === 'mailsync:ended'), { timeout: 10_000 }).toBe(true);
  const frames = (await log(page)).filter((m) => m.type === 'mailsync:frame').map((m) => m.frame);
  expect(frames.at(-1)).toBe(FRAMES - 1);
});

test("WordPress's height message sizes the iframe WordPress's way", async ({ page }) => {
  await readyOn(page, '/wp.html');
  await expect.poll(async () => (await log(page)).find((m) => m.message === 'height')).toMatchObject({ message: 'height', secret: WP_SECRET });
  const wp = (await log(page)).filter((m) => m.message === 'height').at(-1) as { value: number };
  const own = (await log(page)).filter((m) => m.type === 'mailsync:height').at(-1) as { height: number };
  expect(wp.value).toBe(own.height);
  const expected = Math.min(1000, Math.max(200, wp.value));
  await expect.poll(() => page.locator('#player').getAttribute('height')).toBe(String(expected));
});

test('the sizing script fits the iframe to the player', async ({ page }) => {
  await readyOn(page, '/sized.html');
  const own = async () => ((await log(page)).filter((m) => m.type === 'mailsync:height').at(-1) as { height: number }).height;
  const fits = async () => (await page.locator('#player').boundingBox())?.height === (await own());
  await expect.poll(fits).toBe(true);
  const wide = await own();
  await page.setViewportSize({ width: 360, height: 800 });
  await expect.poll(own).not.toBe(wide);
  await expect.poll(fits).toBe(true);
});

test('the embed asks for nothing but its own files, and keeps nothing', async ({ page }) => {
  const foreign: string[] = [];
  page.on('request', (r) => {
    const frameUrl = r.frame().url();
    if (frameUrl.startsWith(EMBED_ORIGIN) && !r.url().startsWith(`${EMBED_ORIGIN}/`) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  await readyOn(page, '/plain.html');
  await send(page, { type: 'mailsync:play' });
  await page.waitForTimeout(1500);
  expect(foreign).toEqual([]);
  const frame = page.frames().find((f) => f.url().startsWith(EMBED_ORIGIN))!;
  const kept = await frame.evaluate(() => ({ cookie: document.cookie, local: localStorage.length, session: sessionStorage.length }));
  expect(kept).toEqual({ cookie: '', local: 0, session: 0 });
  expect((await page.context().cookies()).length).toBe(0);
});

test('a broken data= link names the problem; an unknown scenario is named', async ({ page }) => {
  await page.goto('/embed.html?data=NOTLZSTRING&lang=en');
  await expect(page.getByTestId('embed-message')).toContainText('cannot be shown');
  await page.goto('/embed.html?scenario=no-such-thing&lang=de');
  await expect(page.getByTestId('embed-message')).toHaveText('Ein eingebautes Szenario „no-such-thing“ gibt es nicht.');
});

test('the open-in-full link leads to the same scenario and moment in the app', async ({ page }) => {
  await page.goto('/embed.html?scenario=decide-offline-archive&variant=imap&lang=en&frame=6');
  await expect(page.getByTestId('open-full')).toHaveAttribute('href', /\/\?scenario=decide-offline-archive&variant=imap&frame=6&lang=en$/);
  // A variant the scenario does not have is not passed on.
  await page.goto('/embed.html?scenario=pop3-three-devices&variant=imap&lang=en&frame=6');
  await expect(page.getByTestId('open-full')).toHaveAttribute('href', /\/\?scenario=pop3-three-devices&frame=6&lang=en$/);
});

type Ev = { type: string; detail: Record<string, unknown> };
const events = (page: Page) => page.evaluate(() => (window as unknown as { events: Ev[] }).events);

test('the web component renders the scenario and emits the events', async ({ page }) => {
  await page.goto(`${HOST}/component.html`);
  await expect.poll(async () => (await events(page)).find((e) => e.type === 'mailsync:ready')?.detail).toEqual({ type: 'mailsync:ready', scenario: 'pop3-three-devices', frames: 25 });
  expect(await events(page)).toContainEqual({ type: 'mailsync:frame', detail: { type: 'mailsync:frame', frame: 3, step: 2 } });
  // The player lives in the shadow root; the page's styles do not reach into it.
  expect(await page.evaluate(() => document.querySelector('mail-sync-player')!.shadowRoot!.querySelector('iframe')!.getAttribute('loading'))).toBe('lazy');
  const inner = page.frameLocator('mail-sync-player iframe');
  await expect(inner.locator('svg.picture-svg g.region').first()).toBeAttached();
  await expect(inner.getByTestId('open-full')).toHaveText('Im vollständigen Simulator öffnen');
  // It is sized to its content from the height event.
  const h = (await events(page)).filter((e) => e.type === 'mailsync:height').at(-1)!.detail.height as number;
  await expect.poll(async () => (await page.locator('mail-sync-player').boundingBox())?.height).toBe(h + 8);
  // Methods and attributes drive it.
  await page.evaluate(() => (document.querySelector('mail-sync-player') as unknown as { seek(n: number): void }).seek(9));
  await expect.poll(async () => (await events(page)).filter((e) => e.type === 'mailsync:frame').at(-1)?.detail.frame).toBe(9);
  await expect(inner.getByTestId('position')).toHaveAttribute('data-frame', '9');
  await page.evaluate(() => document.querySelector('mail-sync-player')!.setAttribute('lang', 'en'));
  await expect(inner.getByTestId('open-full')).toHaveText('Open in the full simulator');
  await page.evaluate(() => (document.querySelector('mail-sync-player') as unknown as { play(): void }).play());
  await expect.poll(async () => (await events(page)).filter((e) => e.type === 'mailsync:frame').at(-1)?.detail.frame, { timeout: 8000 }).toBeGreaterThan(9);
});

test('a build for a folder works from that folder: the app, a scenario, the embed and its link back', async ({ page }) => {
  const outside: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.origin === HOST && !u.pathname.startsWith(FOLDER)) outside.push(u.pathname);
  });
  await page.goto(`${HOST}${FOLDER}?lang=de`);
  await expect(page.locator('li.card').first()).toBeVisible();
  await page.goto(`${HOST}${FOLDER}?scenario=pop3-three-devices&lang=en&frame=5`);
  await expect(page.locator('svg.picture-svg g.region').first()).toBeAttached();
  await expect(page.getByTestId('position')).toHaveAttribute('data-frame', '5');
  await expect(page.locator('link[type="application/json+oembed"]')).toHaveAttribute('href', `${FOLDER}oembed/pop3-three-devices.en.json`);
  await page.goto(`${HOST}${FOLDER}embed.html?scenario=pop3-three-devices&lang=de&frame=3`);
  await expect(page.locator('svg.picture-svg g.region').first()).toBeAttached();
  await expect(page.getByTestId('open-full')).toHaveAttribute('href', `${HOST}${FOLDER}?scenario=pop3-three-devices&frame=3&lang=de`);
  const oembed = await (await page.request.get(`${HOST}${FOLDER}oembed/pop3-three-devices.de.json`)).json();
  expect(oembed.html).toContain(`src="${FOLDER}embed.html?scenario=pop3-three-devices&amp;lang=de"`);
  expect(outside).toEqual([]);
});
