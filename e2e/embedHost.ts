// A plain host page on another origin (its own small server), as a help article
// would embed the player: an iframe, a message log, and WordPress's own
// height handling (as wp-includes/js/wp-embed.js does it) for the iframe with a data-secret.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

// Far from E2E_PORT: the ports next to it are other runs' browser-test servers.
export const HOST_PORT = Number(process.env.E2E_PORT ?? 4173) + 1000;
export const HOST = `http://127.0.0.1:${HOST_PORT}`;
export const EMBED_ORIGIN = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 4173)}`;
export const WP_SECRET = 'Ab3dE6gH9k';

export function iframePage(query: string, opts: { wordpress?: boolean; sizer?: boolean } = {}): string {
  const src = `${EMBED_ORIGIN}/embed.html${query}${opts.wordpress ? `#?secret=${WP_SECRET}` : ''}`;
  return `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Host</title>
<style>body{margin:0;font-family:sans-serif}iframe{width:100%;border:0;display:block}</style></head><body>
<p>A help article.</p>
<iframe id="player" src="${src}" title="Mail Sync Sandbox" ${opts.wordpress ? `data-secret="${WP_SECRET}"` : ''} height="300"></iframe>
<p>After the player.</p>
<script>
window.log = [];
window.wpHeights = [];
var frame = document.getElementById('player');
window.addEventListener('message', function (e) {
  if (e.source !== frame.contentWindow) return;
  window.log.push(e.data);
  var data = e.data;
  /* WordPress's receiveEmbedMessage, reduced to its height branch. */
  if (data && data.secret && !/[^a-zA-Z0-9]/.test(data.secret) && data.message === 'height') {
    var frames = document.querySelectorAll('iframe[data-secret="' + data.secret + '"]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow !== e.source) continue;
      var h = parseInt(data.value, 10);
      if (h > 1000) h = 1000; else if (~~h < 200) h = 200;
      frames[i].height = h;
      window.wpHeights.push(h);
    }
  }
});
function send(m) { frame.contentWindow.postMessage(m, '*'); }
</script>
${opts.sizer ? `<script src="${EMBED_ORIGIN}/mail-sync-embed.js"></script>` : ''}
</body></html>`;
}

export function componentPage(attrs: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Host</title>
<style>mail-sync-player{border:4px solid red}</style></head><body>
<p>An article with the web component.</p>
<mail-sync-player id="p" ${attrs}></mail-sync-player>
<script>
window.events = [];
['mailsync:ready','mailsync:frame','mailsync:ended','mailsync:height'].forEach(function (t) {
  document.addEventListener(t, function (e) { window.events.push({ type: e.type, detail: e.detail }); });
});
</script>
<script src="${EMBED_ORIGIN}/mail-sync-player.js"></script>
</body></html>`;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

/**
 * Serve the host pages on the host port: a real second origin on loopback, as a
 * help article's site would be. `folder` also serves a built site under a path
 * (a build made with BASE_PATH), as a lecturer's ~user/ directory would.
 */
export function startHost(pages: Record<string, string>, folder?: { path: string; dir: string }): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', HOST).pathname);
    const html = pages[path];
    if (html) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    if (folder && path.startsWith(folder.path)) {
      const file = normalize(join(folder.dir, path.slice(folder.path.length) || 'index.html'));
      if (file.startsWith(normalize(folder.dir)) && existsSync(file) && statSync(file).isFile())
        return void res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    }
    res.writeHead(404).end();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(HOST_PORT, '127.0.0.1', () => resolve(server));
  });
}
