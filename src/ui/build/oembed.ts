// oEmbed (https://oembed.com, version 1.0, type "rich") for every built-in
// scenario, written when the site is built:
//   oembed/<id>.<lang>.json   the oEmbed answer: an iframe of embed.html
//   s/<id>.<lang>.html        a page for the scenario that CMSs can be given: it
//                             names the oEmbed file in a discovery <link>, shows
//                             the scenario, and links to the full app
// Consumers need absolute addresses: PUBLIC_URL (e.g. https://example.org/~user/mail/)
// says where the site will live; without it the addresses start at the base path.
import type { Plugin } from 'vite';
import { trustedScenarios } from './trustedScenarios.js';

export const OEMBED_WIDTH = 640;
export const OEMBED_HEIGHT = 640;
const LANGS = ['de', 'en'] as const;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function embedIframe(src: string, title: string, width: number | string, height: number): string {
  return `<iframe src="${escapeHtml(src)}" title="${escapeHtml(title)}" width="${width}" height="${height}" loading="lazy" style="border:0;max-width:100%"></iframe>`;
}

export function oembedFor(site: string, id: string, lang: 'de' | 'en', title: string) {
  const src = `${site}embed.html?scenario=${encodeURIComponent(id)}&lang=${lang}`;
  return {
    version: '1.0',
    type: 'rich',
    title,
    provider_name: 'Mail Sync Sandbox',
    ...(/^https?:\/\//.test(site) ? { provider_url: site } : {}),
    html: embedIframe(src, title, OEMBED_WIDTH, OEMBED_HEIGHT),
    width: OEMBED_WIDTH,
    height: OEMBED_HEIGHT,
  };
}

export function scenarioPage(site: string, id: string, lang: 'de' | 'en', title: string, summary: string): string {
  const app = `${site}?scenario=${encodeURIComponent(id)}&lang=${lang}`;
  const open = lang === 'de' ? 'Im vollständigen Simulator öffnen' : 'Open in the full simulator';
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)} · Mail Sync Sandbox</title>
<meta name="description" content="${escapeHtml(summary)}">
<link rel="alternate" type="application/json+oembed" href="${escapeHtml(`${site}oembed/${id}.${lang}.json`)}" title="${escapeHtml(title)}">
<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:1rem auto;padding:0 1rem;line-height:1.45}iframe{width:100%}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(summary)}</p>
${embedIframe(`${site}embed.html?scenario=${encodeURIComponent(id)}&lang=${lang}&panels=controls,narration`, title, '100%', OEMBED_HEIGHT)}
<p><a href="${escapeHtml(app)}">${open}</a></p>
</body>
</html>
`;
}

export function oembedFiles(root: string, base: string): Plugin {
  return {
    name: 'mail-sync-sandbox:oembed',
    apply: 'build',
    applyToEnvironment: (env) => env.name === 'client',
    async generateBundle() {
      const site = process.env.PUBLIC_URL ? process.env.PUBLIC_URL.replace(/\/?$/, '/') : base;
      for (const [id, s] of await trustedScenarios(root)) {
        for (const lang of LANGS) {
          const title = s.base.title[lang];
          this.emitFile({ type: 'asset', fileName: `oembed/${id}.${lang}.json`, source: JSON.stringify(oembedFor(site, id, lang, title), null, 2) });
          this.emitFile({ type: 'asset', fileName: `s/${id}.${lang}.html`, source: scenarioPage(site, id, lang, title, s.base.summary[lang]) });
        }
      }
    },
  };
}
