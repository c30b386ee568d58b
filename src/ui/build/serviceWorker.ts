// The service worker that lets the site work offline after one visit: written
// by Workbox (workbox-build's generateSW) once both pages are built, precaching
// every file of the build. It sits at the site's base (`<base>sw.js`), so its
// scope is the folder the site is served from (BASE_PATH), and the precache's
// addresses are relative to it.
//
// An update never takes over on its own: a new worker waits (no skipWaiting,
// no clientsClaim) until the page asks it to, after the reader said "reload"
// (src/ui/offline). Until then the page keeps running on the files it started with.
import { generateSW } from 'workbox-build';
import { join } from 'node:path';

export const SERVICE_WORKER_FILE = 'sw.js';

export async function writeServiceWorker(outDir: string): Promise<{ count: number; size: number; warnings: string[] }> {
  const { count, size, warnings } = await generateSW({
    globDirectory: outDir,
    globPatterns: ['**/*.{html,js,css,json,svg,png,webmanifest}'],
    // oEmbed answers and the scenarios' discovery pages (s/) are for other sites' servers,
    // not for readers offline; leaving them out halves the files a first visit fetches again.
    globIgnores: [SERVICE_WORKER_FILE, 'oembed/**', 's/**'],
    swDest: join(outDir, SERVICE_WORKER_FILE),
    // One self-contained file: nothing else to serve, nothing from elsewhere (the CSP allows only 'self').
    inlineWorkboxRuntime: true,
    mode: 'production',
    sourcemap: false,
    skipWaiting: false,
    clientsClaim: false,
    cleanupOutdatedCaches: true,
    // `embed.html?scenario=…` and `./?scenario=…` are the precached pages: their parameters are read by the page.
    ignoreURLParametersMatching: [/.*/],
    directoryIndex: 'index.html',
    // Hashed names change with their content: no cache-busting query needed.
    dontCacheBustURLsMatching: /(^|\/)assets\//,
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
  });
  return { count, size, warnings };
}
