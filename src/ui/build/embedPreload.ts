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

export function embedPreload(base: string, environment = 'embed'): Plugin {
  return {
    name: 'mail-sync-sandbox:embed-preload',
    apply: 'build',
    applyToEnvironment: (env) => env.name === environment,
    transformIndexHtml: {
      order: 'post',
      handler: (_html, ctx) =>
        ctx.bundle && ctx.path.endsWith('embed.html')
          ? playerChunks(ctx.bundle).map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${file}` }, injectTo: 'head' as const }))
          : [],
    },
  };
}
