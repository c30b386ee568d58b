// A build of the site for a folder (BASE_PATH), served from that folder by a
// small static server of the test's own, as a lecturer's ~user/ directory
// would serve it. `swSuffix` lets a test publish a "new version" of the service
// worker without touching the built files (other tests may be reading them).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

export const FOLDER = '/~user/mail/';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

/**
 * The site built for FOLDER, once per test run: two spec files serve it (the embed in a host page,
 * and the offline copy), and each building its own cost 10-11 s of CPU. The run's workers are
 * children of one runner, so the runner's pid names the run: the first worker to ask builds into
 * `.tmp/dist-folder-<pid>` (an atomic mkdir is the lock), the others wait for its "done" mark.
 * Nothing writes to the files once built; tests that need a new version change what the server
 * sends (`swSuffix`), not the files. Under npm test the build is made before the browser stage,
 * beside the other checks, and named by E2E_FOLDER_DIST.
 */
export async function folderBuild(): Promise<string> {
  // npm test builds it beside the other checks, before the browser stage (scripts/build-folder-site.sh).
  const prebuilt = process.env.E2E_FOLDER_DIST;
  if (prebuilt) {
    if (!existsSync(join(prebuilt, '.built'))) throw new Error(`E2E_FOLDER_DIST=${prebuilt} holds no finished build (scripts/build-folder-site.sh)`);
    if (!readFileSync(join(prebuilt, 'index.html'), 'utf8').includes(`${FOLDER}assets/`)) throw new Error(`E2E_FOLDER_DIST=${prebuilt} was not built for ${FOLDER}`);
    return prebuilt;
  }
  const dir = `.tmp/dist-folder-${process.ppid}`;
  const done = join(dir, '.built');
  const failed = `${dir}.failed`;
  let mine = false;
  try {
    mkdirSync(dir, { recursive: false });
    mine = true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  if (mine) {
    // Builds of earlier runs are of no use any more.
    for (const old of readdirSync('.tmp')) if (old.startsWith('dist-folder-') && join('.tmp', old) !== dir) rmSync(join('.tmp', old), { recursive: true, force: true });
    // Not --emptyOutDir: the folder is this run's, created just now, and holds the lock.
    const built = spawnSync('node_modules/.bin/vite', ['build', '--outDir', dir, '--logLevel', 'error'], {
      env: { ...process.env, BASE_PATH: FOLDER, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
      stdio: 'inherit',
    });
    if (built.status !== 0) {
      writeFileSync(failed, '');
      throw new Error('the build for a folder failed');
    }
    writeFileSync(done, '');
    return dir;
  }
  while (!existsSync(done)) {
    if (existsSync(failed)) throw new Error('the build for a folder failed (in another worker: see its output)');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return dir;
}

export interface FolderSite {
  readonly server: Server;
  /** Where the server listens: a port the system chose as free (a fixed one beside E2E_PORT could be another checkout's). */
  readonly origin: string;
  /** The site's folder on that server. */
  readonly url: string;
  /** Appended to sw.js as served: a new value is a new version of the service worker. */
  swSuffix: string;
  close(): Promise<void>;
}

export function serveFolder(dir: string): Promise<FolderSite> {
  const site = {
    server: createServer((req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
      if (!path.startsWith(FOLDER)) return void res.writeHead(404).end();
      const file = normalize(join(dir, path.slice(FOLDER.length) || 'index.html'));
      if (!file.startsWith(normalize(dir)) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
      let body: Buffer | string = readFileSync(file);
      if (path === `${FOLDER}sw.js`) body = `${body.toString('utf8')}\n${site.swSuffix}`;
      // The browser checks the service worker for updates without its HTTP cache, as the specification says; no-cache keeps the rest honest too.
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' }).end(body);
    }),
    origin: '',
    url: '',
    swSuffix: '',
    close: () => new Promise<void>((resolve) => site.server.close(() => resolve())),
  };
  return new Promise((resolve, reject) => {
    site.server.once('error', reject);
    // Port 0: the system picks a free one (E2E_PORT + 12 was once taken by another checkout's run).
    site.server.listen(0, '127.0.0.1', () => {
      site.origin = `http://127.0.0.1:${(site.server.address() as AddressInfo).port}`;
      site.url = `${site.origin}${FOLDER}`;
      resolve(site);
    });
  });
}
