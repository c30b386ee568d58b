// The snippets the embed builder hands out. Every value that comes from a
// scenario (titles) is escaped for an HTML attribute or text.
import { formatEmbedQuery, type EmbedOptions } from './params';

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** File name of a still or an export: scenario, variant, step or frame, language. */
export function stillName(o: Pick<EmbedOptions, 'scenario' | 'variant' | 'frame' | 'lang'>, ext: string): string {
  return `${o.scenario}${o.variant ? `-${o.variant}` : ''}-frame${o.frame}-${o.lang}.${ext}`;
}

export interface SnippetInput {
  readonly options: EmbedOptions;
  /** Where the site lives, ending in a slash: https://example.org/mail/ */
  readonly site: string;
  readonly title: string;
  /** What the still shows, for its alt text. */
  readonly alt: string;
  readonly height: number;
}

export function iframeSnippet(p: SnippetInput): string {
  const src = `${p.site}embed.html${formatEmbedQuery(p.options)}`;
  const app = `${p.site}?scenario=${encodeURIComponent(p.options.scenario)}${p.options.variant ? `&variant=${encodeURIComponent(p.options.variant)}` : ''}&lang=${p.options.lang}`;
  const still = stillName(p.options, 'png');
  return [
    `<figure class="mail-sync-sandbox" style="margin:0">`,
    `  <iframe src="${escapeHtml(src)}" title="${escapeHtml(p.title)}" width="100%" height="${p.height}" loading="lazy" style="border:0;display:block"></iframe>`,
    `  <noscript><a href="${escapeHtml(app)}"><img src="${escapeHtml(still)}" alt="${escapeHtml(p.alt)}" style="max-width:100%;height:auto"></a></noscript>`,
    `</figure>`,
    `<script src="${escapeHtml(p.site)}mail-sync-embed.js" defer></script>`,
  ].join('\n');
}

export function componentSnippet(p: SnippetInput): string {
  const o = p.options;
  const attrs: string[] = [`scenario="${escapeHtml(o.scenario)}"`];
  if (o.variant) attrs.push(`variant="${escapeHtml(o.variant)}"`);
  attrs.push(`lang="${o.lang}"`);
  if (o.frame > 0) attrs.push(`frame="${o.frame}"`);
  if (o.autoplay) attrs.push('autoplay');
  const query = new URLSearchParams(formatEmbedQuery(o));
  const panels = query.get('panels');
  if (panels !== null) attrs.push(`panels="${escapeHtml(panels)}"`);
  if (o.theme === 'dark') attrs.push('theme="dark"');
  if (o.accent) attrs.push(`accent="${escapeHtml(o.accent.replace('#', ''))}"`);
  attrs.push(`title="${escapeHtml(p.title)}"`);
  return [`<script src="${escapeHtml(p.site)}mail-sync-player.js" defer></script>`, `<mail-sync-player ${attrs.join(' ')}></mail-sync-player>`].join('\n');
}
