// The embed builder: choose what to embed, see it live, copy the snippet.
// The preview is embed.html itself, so what the author sees is what readers get.
import { useEffect, useId, useRef, useState } from 'react';
import trusted from 'virtual:trusted-scenarios';
import { useTranslation } from '../i18n/useTranslation';
import { ensureLanguage } from '../i18n/setup';
import { ScenarioOptions } from '../sandbox/ScenarioOptions';
import type { Lang } from '../store/playerState';
import { exportPng, exportSvg } from '../picture/exportPicture';
import { formatEmbedQuery, PANELS, type EmbedOptions, type Panel } from './params';
import { componentSnippet, iframeSnippet, stillName } from './snippets';
import { parseEmbedEvent } from './messages';
import './builder.css';

const PREVIEW_WIDTHS = [320, 640, 0] as const;
const HEIGHT = 640;

export function EmbedBuilder({ scenario, variant, playerFrame, lang }: { scenario: string; variant: string | null; playerFrame: () => number; lang: Lang }) {
  const { t } = useTranslation();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const preview = useRef<HTMLIFrameElement>(null);
  const [open, setOpen] = useState(false);
  const [o, setO] = useState<EmbedOptions>({ scenario, variant, lang, frame: 0, autoplay: false, panels: new Set(PANELS), theme: 'light', accent: null });
  const [kind, setKind] = useState<'iframe' | 'component'>('iframe');
  const [width, setWidth] = useState<(typeof PREVIEW_WIDTHS)[number]>(640);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (open) dialog.current?.showModal();
    else dialog.current?.close();
  }, [open]);
  // Opening starts from what the player shows now.
  const openBuilder = () => {
    setO((x) => ({ ...x, scenario, variant, frame: playerFrame(), lang }));
    setOpen(true);
  };

  // The preview sizes itself to the embed's content, as the sizing script does on a host page.
  const [previewHeight, setPreviewHeight] = useState(HEIGHT);
  useEffect(() => {
    if (!open) return;
    const onMessage = (e: MessageEvent) => {
      if (e.source !== preview.current?.contentWindow) return;
      const m = parseEmbedEvent(e.data);
      if (m?.type === 'mailsync:height') setPreviewHeight(Math.min(2000, m.height));
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [open]);
  // The snippet speaks the embed's language, which may not be the app's: load its strings.
  const [snippetLangReady, setSnippetLangReady] = useState<Lang | null>(lang);
  const { i18n } = useTranslation();
  useEffect(() => {
    let live = true;
    void ensureLanguage(i18n, o.lang).then(() => live && setSnippetLangReady(o.lang));
    return () => {
      live = false;
    };
  }, [i18n, o.lang]);
  const st = snippetLangReady === o.lang ? i18n.getFixedT(o.lang) : t;
  const entry = trusted[o.scenario];
  const title = entry?.title[o.lang] ?? o.scenario;
  const site = new URL(import.meta.env.BASE_URL, location.href).href;
  const input = { options: o, site, title, alt: `${title} — ${st('ui.publish.builder.stillAlt', { frame: o.frame + 1 })}`, height: HEIGHT };
  const snippet = kind === 'iframe' ? iframeSnippet(input) : componentSnippet(input);
  const set = (patch: Partial<EmbedOptions>) => {
    setCopied(false);
    setO((x) => ({ ...x, ...patch }));
  };
  const togglePanel = (p: Panel) => set({ panels: new Set(PANELS.filter((q) => (q === p ? !o.panels.has(q) : o.panels.has(q)))) });
  const previewSvg = () => preview.current?.contentDocument?.querySelector<SVGSVGElement>('svg.picture-svg') ?? null;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <>
      <button type="button" onClick={openBuilder} data-testid="embed-builder">
        {t('ui.publish.builder.open')}
      </button>
      <dialog ref={dialog} className="embed-builder" aria-labelledby={`${id}-h`} onClose={() => setOpen(false)} data-testid="embed-builder-dialog">
        {open && (
          <>
            <h2 id={`${id}-h`}>{t('ui.publish.builder.heading')}</h2>
            <div className="builder-grid">
              <form className="builder-options" onSubmit={(e) => e.preventDefault()}>
                <label>
                  <span>{t('ui.publish.builder.scenario')}</span>
                  <select value={o.scenario} onChange={(e) => set({ scenario: e.target.value, variant: null, frame: 0 })} data-testid="builder-scenario">
                    <ScenarioOptions lang={lang} />
                  </select>
                </label>
                <label>
                  <span>{t('ui.player.variant')}</span>
                  <select value={o.variant ?? ''} onChange={(e) => set({ variant: e.target.value || null })} data-testid="builder-variant">
                    <option value="">{t('ui.player.baseVariant')}</option>
                    {Object.entries(entry?.variants ?? {}).map(([v, vt]) => (
                      <option key={v} value={v}>
                        {vt[lang]}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  <span>{t('ui.publish.builder.language')}</span>
                  <select value={o.lang} onChange={(e) => set({ lang: e.target.value === 'de' ? 'de' : 'en' })} data-testid="builder-lang">
                    <option value="de">Deutsch</option>
                    <option value="en">English</option>
                  </select>
                </label>
                <label>
                  <span>{t('ui.publish.builder.frame')}</span>
                  <input type="number" min={1} step={1} value={o.frame + 1} onChange={(e) => set({ frame: Math.max(0, Math.floor(Number(e.target.value) || 1) - 1) })} data-testid="builder-frame" />
                </label>
                <fieldset>
                  <legend>{t('ui.publish.builder.panels')}</legend>
                  {PANELS.map((p) => (
                    <label key={p} className="check">
                      <input type="checkbox" checked={o.panels.has(p)} onChange={() => togglePanel(p)} data-testid={`builder-panel-${p}`} /> {t(`ui.publish.builder.panel.${p}`)}
                    </label>
                  ))}
                </fieldset>
                <label className="check">
                  <input type="checkbox" checked={o.autoplay} onChange={(e) => set({ autoplay: e.target.checked })} data-testid="builder-autoplay" /> {t('ui.publish.builder.autoplay')}
                </label>
                <label>
                  <span>{t('ui.publish.builder.theme')}</span>
                  <select value={o.theme} onChange={(e) => set({ theme: e.target.value === 'dark' ? 'dark' : 'light' })} data-testid="builder-theme">
                    <option value="light">{t('ui.publish.builder.light')}</option>
                    <option value="dark">{t('ui.publish.builder.dark')}</option>
                  </select>
                </label>
                <label>
                  <span>{t('ui.publish.builder.accent')}</span>
                  <input type="color" value={o.accent ?? '#0b57d0'} onChange={(e) => set({ accent: e.target.value })} data-testid="builder-accent" />
                </label>
              </form>
              <div className="builder-preview">
                <div className="preview-widths" role="group" aria-label={t('ui.publish.builder.previewWidth')}>
                  {PREVIEW_WIDTHS.map((w) => (
                    <button key={w} type="button" aria-pressed={width === w} onClick={() => setWidth(w)}>
                      {w ? `${w} px` : t('ui.publish.builder.fullWidth')}
                    </button>
                  ))}
                </div>
                <iframe
                  ref={preview}
                  src={`embed.html${formatEmbedQuery(o)}`}
                  title={t('ui.publish.builder.preview')}
                  style={{ width: width ? `${width}px` : '100%', height: previewHeight }}
                  data-testid="builder-preview"
                />
              </div>
            </div>
            <fieldset className="snippet-kind">
              <legend>{t('ui.publish.builder.snippet')}</legend>
              <label className="check">
                <input type="radio" name={`${id}-kind`} checked={kind === 'iframe'} onChange={() => setKind('iframe')} data-testid="builder-kind-iframe" /> {t('ui.publish.builder.kindIframe')}
              </label>
              <label className="check">
                <input type="radio" name={`${id}-kind`} checked={kind === 'component'} onChange={() => setKind('component')} data-testid="builder-kind-component" /> {t('ui.publish.builder.kindComponent')}
              </label>
            </fieldset>
            <textarea readOnly rows={6} value={snippet} onFocus={(e) => e.currentTarget.select()} aria-label={t('ui.publish.builder.snippet')} data-testid="builder-snippet" />
            {kind === 'iframe' && <p className="muted">{t('ui.publish.builder.stillHint', { file: stillName(o, 'png') })}</p>}
            <div className="builder-actions">
              <button type="button" onClick={copy} data-testid="builder-copy">
                {t(copied ? 'ui.publish.builder.copied' : 'ui.publish.builder.copy')}
              </button>
              <button type="button" onClick={() => previewSvg() && exportSvg(previewSvg()!, stillName(o, 'svg').replace(/\.svg$/, ''))} data-testid="builder-still-svg">
                {t('ui.publish.builder.stillSvg')}
              </button>
              <button type="button" onClick={() => previewSvg() && void exportPng(previewSvg()!, stillName(o, 'png').replace(/\.png$/, ''))} data-testid="builder-still-png">
                {t('ui.publish.builder.stillPng')}
              </button>
              <button type="button" onClick={() => setOpen(false)}>
                {t('ui.publish.builder.close')}
              </button>
            </div>
          </>
        )}
      </dialog>
    </>
  );
}
