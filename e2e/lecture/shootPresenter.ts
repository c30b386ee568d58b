// Projector check: presenter mode at 1280×720 in both languages and both
// themes, and each shot again at 25 % (what the back row of a lecture hall
// sees). `tsx e2e/lecture/shootPresenter.ts [scenario] [frame]` with the
// preview server on $BASE; the shots go to /tmp/shots/lecture/.
import { mkdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../playwright.config';

const [scenario = 'pop3-three-devices', frame = '9'] = process.argv.slice(2);
const base = process.env.BASE ?? 'http://127.0.0.1:4203';
const dir = '/tmp/shots/lecture';
mkdirSync(dir, { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
const small = await browser.newPage({ viewport: { width: 320, height: 180 } });
for (const lang of ['de', 'en'])
  for (const theme of ['contrast', 'dark']) {
    await page.goto(`${base}/?scenario=${scenario}&lang=${lang}&frame=${frame}&present=1&theme=${theme}`);
    // The picture is in once the position slider is; then let its transitions end.
    await page.getByTestId('position').waitFor();
    await page.waitForTimeout(900);
    const name = `${dir}/presenter-${scenario}-${lang}-${theme}`;
    await page.screenshot({ path: `${name}.png` });
    const data = readFileSync(`${name}.png`).toString('base64');
    await small.setContent(`<body style="margin:0"><img src="data:image/png;base64,${data}" style="width:320px;height:180px;display:block"></body>`);
    await small.screenshot({ path: `${name}-25.png` });
    console.log(name);
  }
await browser.close();
