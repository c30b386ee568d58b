// The SCORM 1.2 package: unzipped, its launch page opened from file:// inside a
// host page that offers a stub SCORM API (as Moodle's or ILIAS's player frame
// does), answered through, and the stub must have received the score and the
// completion.
import { test, expect } from '@playwright/test';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { CHROMIUM_ARGS, TEST_CHROMIUM } from '../../playwright.config';
import { main } from '../../src/cli/main';

// file:// pages are each their own origin unless Chromium is told otherwise; on a
// platform the package and its host page share one http origin, as here.
test.use({ launchOptions: { executablePath: TEST_CHROMIUM, args: [...CHROMIUM_ARGS, '--allow-file-access-from-files'] } });

const HOST = `<!doctype html><html><head><meta charset="utf-8"><title>LMS stub</title><link rel="icon" href="data:,"></head><body>
<script>
  window.calls = [];
  window.values = {};
  window.API = {
    LMSInitialize: function (a) { calls.push(['LMSInitialize', a]); return 'true'; },
    LMSFinish: function (a) { calls.push(['LMSFinish', a]); return 'true'; },
    LMSGetValue: function (k) { calls.push(['LMSGetValue', k]); return k in values ? values[k] : ''; },
    LMSSetValue: function (k, v) { calls.push(['LMSSetValue', k, v]); values[k] = v; return 'true'; },
    LMSCommit: function (a) { calls.push(['LMSCommit', a]); return 'true'; },
    LMSGetLastError: function () { return '0'; },
    LMSGetErrorString: function () { return 'No error'; },
    LMSGetDiagnostic: function () { return ''; }
  };
</script>
<iframe id="sco" src="pkg/index.html" title="lesson" style="width:100%;height:900px;border:0"></iframe>
</body></html>`;

let dir = '';

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'scorm-'));
  const zip = join(dir, 'lesson.zip');
  // The package as `npm run sim -- --scorm quota-full-bounce --out lesson.zip --lang en` writes it: the
  // command's own main(), run in this process. Starting the command cost a fresh tsx its compile of the
  // engine (5.4 s of CPU, the most of this file's); its entry point is covered in test/cli.
  expect(await main(['--scorm', 'quota-full-bounce', '--out', zip, '--lang', 'en'])).toBe(0);
  for (const [path, bytes] of Object.entries(unzipSync(readFileSync(zip)))) {
    const target = join(dir, 'pkg', path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
  writeFileSync(join(dir, 'host.html'), HOST);
});

test('the package runs from file:// and reports score and completion to the SCORM API', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const manifest = readFileSync(join(dir, 'pkg', 'imsmanifest.xml'), 'utf8');
  expect(manifest).toContain('<schemaversion>1.2</schemaversion>');
  expect(manifest).toContain('adlcp:scormtype="sco" href="index.html"');

  await page.goto(`file://${join(dir, 'host.html')}`);
  const sco = page.frameLocator('#sco');
  await expect(sco.locator('h1')).toContainText('IMAP mailbox full');
  const calls = () => page.evaluate(() => (window as unknown as { calls: unknown[][] }).calls);
  const values = () => page.evaluate(() => (window as unknown as { values: Record<string, string> }).values);
  expect((await calls())[0]).toEqual(['LMSInitialize', '']);
  expect((await values())['cmi.core.lesson_status']).toBe('incomplete');

  // The pictures load from the package's own folder.
  const picture = sco.locator('main img');
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);

  // quota-full-bounce asks four times whether a message will be accepted: yes, no, no, yes.
  const replies = ['Yes', 'Yes', 'No', 'Yes']; // the second is wrong on purpose
  for (const [k, reply] of replies.entries()) {
    const question = sco.locator('form.question').filter({ has: sco.locator('button[type=submit]') });
    while (!(await question.count())) await sco.locator('#next').click();
    // Run the step is blocked until the question is answered.
    await expect(sco.locator('#next')).toBeDisabled();
    await question.getByLabel(reply, { exact: true }).check();
    await question.locator('button[type=submit]').click();
    await expect(sco.locator('.verdict').last()).toHaveAttribute('data-verdict', k === 1 ? 'wrong' : 'right');
    // SHOTS=1 also saves each answered question, to look at.
    if (process.env.SHOTS === '1') await page.screenshot({ path: `/tmp/shots/lecture/scorm-q${k + 1}.png` });
  }
  await expect(sco.locator('#score')).toHaveAttribute('data-right', '3');
  while (!(await sco.getByTestId('finished').count())) await sco.locator('#next').click();
  await expect(sco.getByTestId('finished')).toContainText('3 of 4');

  const v = await values();
  expect(v['cmi.core.score.raw']).toBe('75');
  expect(v['cmi.core.score.min']).toBe('0');
  expect(v['cmi.core.score.max']).toBe('100');
  expect(v['cmi.core.lesson_status']).toBe('completed');
  expect(v['cmi.interactions.1.result']).toBe('wrong');
  const names = (await calls()).map((c) => c[0]);
  expect(names).toContain('LMSCommit');
  expect(names[names.length - 1]).toBe('LMSFinish');
  expect(errors).toEqual([]);
});
