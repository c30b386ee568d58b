// embed.html asks for the player's code at once: the entry module imports the
// player dynamically (so the scenario and the language's strings are fetched
// beside it, not after it), which on its own would start the player's download
// only once the entry has run. A <link rel="modulepreload"> for the player and
// the chunks it imports starts them with the page.
import type { Plugin, Rolldown } from 'vite';

type OutputBundle = Rolldown.OutputBundle;
type OutputChunk = Rolldown.OutputChunk;

const PLAYER = /src[\\/]ui[\\/]embed[\\/]player\.ts$/;

/** The player's chunk and every chunk it imports statically, in load order. */
export function playerChunks(bundle: OutputBundle): string[] {
  const chunks = Object.values(bundle).filter((c): c is OutputChunk => c.type === 'chunk');
  const player = chunks.find((c) => c.facadeModuleId && PLAYER.test(c.facadeModuleId));
  if (!player) return [];
  const out: string[] = [];
  // Chunks can import each other in a circle: mark a chunk before its imports are visited.
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const c = bundle[file];
    if (c?.type !== 'chunk') return;
    for (const dep of c.imports) visit(dep);
    // The page's entry is already on its way (its own <script>).
    if (!c.isEntry) out.push(file);
  };
  visit(player.fileName);
  return out;
}

/**
 * What the page fetches once its entry has run, by what its address asks for:
 * each built-in scenario's module and packed timelines, and each language's
 * texts: the player's strings and the narration, each its own chunk, both
 * needed before the first picture. File names as in the bundle.
 */
export interface DataFiles {
  readonly scenarios: Record<string, { readonly module: string; readonly timelines: Record<string, string> }>;
  readonly strings: Record<'de' | 'en', readonly string[]>;
}

const SCENARIO_MODULE = /^\0virtual:trusted-scenario\/([a-z][a-z0-9-]*)$/;
// The player's strings (ui.*) and the narration (narration.*) of a language: both are awaited
// before the first picture (src/ui/i18n/setup.ts), so a late one costs a round trip.
const STRINGS_MODULE = /[\\/]src[\\/]i18n[\\/](?:ui|narration)\.(de|en)\.ts$/;
const TIMELINE_ASSET = /^([a-z][a-z0-9-]*)(?:\.([a-z][a-z0-9-]*))?\.timeline\.json$/;

export function dataFiles(bundle: OutputBundle): DataFiles {
  const scenarios: Record<string, { module: string; timelines: Record<string, string> }> = {};
  const strings: Record<'de' | 'en', string[]> = { de: [], en: [] };
  for (const f of Object.values(bundle)) {
    if (f.type !== 'chunk' || !f.facadeModuleId) continue;
    const sid = SCENARIO_MODULE.exec(f.facadeModuleId)?.[1];
    if (sid) scenarios[sid] = { module: f.fileName, timelines: {} };
    const lang = STRINGS_MODULE.exec(f.facadeModuleId)?.[1] as 'de' | 'en' | undefined;
    if (lang) strings[lang].push(f.fileName);
  }
  for (const f of Object.values(bundle)) {
    if (f.type !== 'asset') continue;
    for (const name of f.names ?? []) {
      const m = TIMELINE_ASSET.exec(name);
      if (m && scenarios[m[1]]) scenarios[m[1]].timelines[m[2] ?? ''] = f.fileName;
    }
  }
  for (const lang of ['de', 'en'] as const) {
    if (strings[lang].length !== 2) throw new Error(`embedPreload: the strings and the narration of ${lang} are not chunks of their own`);
    strings[lang].sort();
  }
  return { scenarios, strings };
}

/**
 * A small inline script for the top of embed.html: it reads the address as the
 * entry will (params.ts, loadEmbedScenario.ts, main.ts) and asks at once for the
 * scenario's module, its packed timeline and the language's texts, so they come
 * beside the player's code instead of one round trip after it. Only hints: the
 * entry makes the same requests, which these answer. Its hash is in the page's
 * Content-Security-Policy (csp.ts); nothing else inline may run.
 */
export function bootScript(files: DataFiles, base: string): string {
  return `(()=>{const f=${JSON.stringify(files)},b=${JSON.stringify(base)},q=new URLSearchParams(location.search),id=/^[a-z][a-z0-9-]{0,31}$/,h=document.head,l=(r,u,a)=>{const e=document.createElement("link");e.rel=r;e.href=b+u;e.crossOrigin="anonymous";if(a)e.as=a;h.appendChild(e)},g=q.get("lang"),lang=g==="de"||g==="en"?g:(navigator.language||"").toLowerCase().startsWith("de")?"de":"en";for(const u of f.strings[lang])l("modulepreload",u);const s=q.get("scenario"),v=q.get("variant");if(q.get("data")||!s||!id.test(s)||!Object.prototype.hasOwnProperty.call(f.scenarios,s))return;const e=f.scenarios[s],k=v&&id.test(v)?v:"";l("modulepreload",e.module);if(Object.prototype.hasOwnProperty.call(e.timelines,k))l("preload",e.timelines[k],"fetch")})();`;
}

export function embedPreload(base: string, environment = 'embed'): Plugin {
  return {
    name: 'mail-sync-sandbox:embed-preload',
    apply: 'build',
    applyToEnvironment: (env) => env.name === environment,
    transformIndexHtml: {
      order: 'post',
      handler: (html, ctx) => {
        if (!ctx.bundle || !ctx.path.endsWith('embed.html')) return html;
        // Right after the charset and before any stylesheet: an inline script waits for the
        // stylesheets above it, and the hints are worth most at the very start.
        const charset = /<meta charset="[^"]*"\s*\/?>/i;
        if (!charset.test(html)) throw new Error('embedPreload: embed.html has no <meta charset> to put the boot hints after');
        return {
          html: html.replace(charset, (m) => `${m}\n    <script>${bootScript(dataFiles(ctx.bundle!), base)}</script>`),
          tags: playerChunks(ctx.bundle).map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${file}` }, injectTo: 'head' as const })),
        };
      },
    },
  };
}
