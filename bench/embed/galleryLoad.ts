// The JavaScript the app's first page (the gallery) loads, gzip -9, file by file:
// the figure the app's code splitting is for. Production build, `vite preview`.
//   npx tsx bench/embed/galleryLoad.ts     (BENCH_PORT)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { buildIfNeeded, startPreview } from './benchServer';

const PORT = Number(process.env.BENCH_PORT ?? 4229);

async function main() {
  buildIfNeeded();
  const stop = await startPreview(PORT);
  try {
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    const js = new Set<string>();
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.endsWith('.js')) js.add(path.replace(/^\//, ''));
    });
    await page.goto(`http://127.0.0.1:${PORT}/?lang=en`);
    await page.locator('li.card').first().waitFor();
    await page.waitForLoadState('networkidle');
    await browser.close();
    const gz = (f: string) => gzipSync(readFileSync(join('dist', f)), { level: 9 }).length;
    const files = [...js].sort((a, b) => gz(b) - gz(a));
    console.log(`gallery (English) loads ${(files.reduce((n, f) => n + gz(f), 0) / 1024).toFixed(1)} KB gzip -9 of JavaScript in ${files.length} files`);
    for (const f of files) console.log(`  ${(gz(f) / 1024).toFixed(1).padStart(6)} KB  ${f}`);
  } finally {
    stop();
  }
}

void main();
