// Each device in the picture carries a small label with its client profile
// ("Thunderbird · defaults"); the label opens the full card (DeviceProfile)
// by click, Enter or Space, and shows it while it has the keyboard's focus.
// The picture is not changed: the labels are a layer of HTML laid over it,
// placed by the device regions the picture draws (data-region="device/<id>").
// It sits inside the picture's stage, anywhere after the picture.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useTranslation } from '../i18n/useTranslation';
import type { Store } from '../store/store';
import type { PlayerState } from '../store/playerState';
import { useSelector } from '../store/useStore';
import { sessionOf } from '../model/session';
import { deviceNames } from '../../i18n/names';
import { DeviceProfile } from './DeviceProfile';
import { configureEpoch, configureStarts, profileSummary, profileViewsAt } from './profileSummary';
import { placeLabel, type Box, type LabelPlace } from './labelPlace';
import { keepCardInView } from './keepCardInView';
import './profile.css';

interface Measured {
  readonly region: Box;
  /** Where the region's title ends (it must stay readable). */
  readonly titleRight: number;
  /** The picture's own zoom on screen, and whether it is drawn at the projector's scale. */
  readonly zoom: number;
  readonly projector: boolean;
}

/** The picture this layer belongs to: the first one in the same stage. */
const pictureOf = (root: HTMLElement | null) => root?.parentElement?.querySelector<SVGSVGElement>('.picture svg.picture-svg') ?? null;

function measure(root: HTMLElement, ids: readonly string[]): Map<string, Measured> {
  const out = new Map<string, Measured>();
  const svg = pictureOf(root);
  if (!svg) return out;
  const origin = root.getBoundingClientRect();
  const viewBox = svg.viewBox.baseVal;
  const svgBox = svg.getBoundingClientRect();
  const zoom = viewBox && viewBox.width > 0 ? Math.min(svgBox.width / viewBox.width, svgBox.height / viewBox.height || Infinity) : 1;
  const projector = svg.classList.contains('scale-projector');
  for (const id of ids) {
    const g = svg.querySelector(`g.region[data-region="device/${CSS.escape(id)}"]`);
    const rect = g?.querySelector('rect.region-box')?.getBoundingClientRect();
    if (!rect || rect.width === 0) continue;
    const title = g?.querySelector('text.region-title')?.getBoundingClientRect();
    out.set(id, {
      region: { left: rect.left - origin.left, top: rect.top - origin.top, width: rect.width, height: rect.height },
      titleRight: title && title.width > 0 ? title.right - origin.left : rect.left - origin.left,
      zoom: Number.isFinite(zoom) && zoom > 0 ? zoom : 1,
      projector,
    });
  }
  return out;
}

const sameMeasures = (a: Map<string, Measured>, b: Map<string, Measured>) =>
  a.size === b.size &&
  [...a].every(([id, m]) => {
    const o = b.get(id);
    return o && Math.abs(o.region.left - m.region.left) < 0.5 && Math.abs(o.region.top - m.region.top) < 0.5 && Math.abs(o.region.width - m.region.width) < 0.5 && Math.abs(o.titleRight - m.titleRight) < 0.5 && o.zoom === m.zoom;
  });

/** Text width in CSS pixels at a font size, measured once per text (a canvas, no layout). */
let measurer: CanvasRenderingContext2D | null | undefined;
function textWidth(text: string, px: number): number {
  if (measurer === undefined) measurer = typeof document !== 'undefined' ? (document.createElement('canvas').getContext('2d') ?? null) : null;
  if (!measurer) return text.length * px * 0.56;
  measurer.font = `600 ${px}px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif`;
  return measurer.measureText(text).width;
}

export function DeviceProfileLabels({ store }: { store: Store<PlayerState> }) {
  const { t } = useTranslation();
  const root = useRef<HTMLDivElement>(null);
  const timeline = useSelector(store, (s) => s.timeline);
  const lang = useSelector(store, (s) => s.lang);
  const session = timeline ? sessionOf(timeline) : undefined;
  // The labels change only when a settings change begins or ends on screen, not on every frame.
  const starts = useMemo(() => (session ? configureStarts(session.scenario, session.index.stepStarts) : []), [session]);
  const epoch = useSelector(store, (s) => configureEpoch(starts, s.frame));
  // Any frame of the epoch gives the same views: the one on screen when it began.
  const views = useMemo(() => (session && epoch >= 0 ? profileViewsAt(session.scenario, session.index.stepStarts, store.get().frame) : []), [session, epoch, store]);
  const name = useMemo(() => (session ? deviceNames(session.scenario.world, lang) : (id: string) => id), [session, lang]);
  const [measures, setMeasures] = useState<Map<string, Measured>>(new Map());
  const [open, setOpen] = useState<{ id: string; pinned: boolean } | null>(null);
  const ids = useMemo(() => views.map((v) => v.device), [views]);

  const remeasure = useCallback(() => {
    const el = root.current;
    if (!el) return;
    const next = measure(el, ids);
    setMeasures((prev) => (sameMeasures(prev, next) ? prev : next));
  }, [ids]);

  // The picture draws in tasks of its own and re-lays itself out when its box
  // changes size: measure after it drew, when it is resized, and when the
  // window is. Nothing runs per animation frame.
  useLayoutEffect(() => {
    const el = root.current;
    if (!el) return;
    let raf = 0;
    const soon = () => {
      cancelAnimationFrame(raf);
      raf = requestAnimationFrame(() => requestAnimationFrame(remeasure));
    };
    soon();
    const svg = pictureOf(el);
    const ro = typeof ResizeObserver === 'function' ? new ResizeObserver(soon) : null;
    if (svg) ro?.observe(svg);
    // The first drawing fills the empty <svg>; a new layout changes its viewBox.
    const mo = svg && typeof MutationObserver === 'function' ? new MutationObserver(soon) : null;
    if (svg) mo?.observe(svg, { childList: true, attributes: true, attributeFilter: ['viewBox', 'class', 'width', 'height'] });
    window.addEventListener('resize', soon);
    const scroller = svg?.parentElement;
    scroller?.addEventListener('scroll', soon, { passive: true });
    return () => {
      cancelAnimationFrame(raf);
      ro?.disconnect();
      mo?.disconnect();
      window.removeEventListener('resize', soon);
      scroller?.removeEventListener('scroll', soon);
    };
  }, [remeasure, timeline, lang]);

  // A pinned card closes on a click elsewhere.
  useEffect(() => {
    if (!open?.pinned) return;
    const onDown = (e: PointerEvent) => {
      if (!(e.target as Element | null)?.closest?.(`[data-profile-device="${CSS.escape(open.id)}"]`)) setOpen(null);
    };
    document.addEventListener('pointerdown', onDown, true);
    return () => document.removeEventListener('pointerdown', onDown, true);
  }, [open]);

  if (!session) return null;
  return (
    <div className="device-profile-labels" ref={root} data-testid="device-profile-labels">
      {views.map((view) => {
        const m = measures.get(view.device);
        if (!m) return null;
        const deviceName = name(view.device);
        const full = profileSummary(view, t, lang);
        const fontPx = m.projector ? Math.round(18 * m.zoom) : 11;
        const place: LabelPlace = placeLabel({ region: m.region, titleRight: m.titleRight, fontPx, fullWidth: textWidth(full, fontPx), shortWidth: textWidth(profileSummary(view, t, lang, true), fontPx) });
        const text = place.short ? profileSummary(view, t, lang, true) : full;
        const isOpen = open?.id === view.device;
        const cardId = `device-profile-card-${view.device}`;
        const onKeyDown = (e: ReactKeyboardEvent) => {
          if (e.key !== 'Escape' || !isOpen) return;
          // Escape closes the card only; the player's own Escape is not needed here.
          e.preventDefault();
          e.stopPropagation();
          setOpen(null);
          (e.currentTarget as HTMLElement).querySelector<HTMLButtonElement>('button.device-profile-label')?.focus();
        };
        return (
          <div
            key={view.device}
            className={`device-profile-anchor${m.projector ? ' is-large' : ''}${place.edge === 'bottom' ? ' at-bottom' : ''}${isOpen ? ' is-open' : ''}`}
            style={{ left: place.left, top: place.top, maxWidth: place.maxWidth, fontSize: fontPx }}
            data-profile-device={view.device}
            onKeyDown={onKeyDown}
            onBlur={(e) => {
              if (!open?.pinned && !e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen((o) => (o?.id === view.device && !o.pinned ? null : o));
            }}
          >
            <button
              type="button"
              className="device-profile-label"
              aria-expanded={isOpen}
              aria-controls={isOpen ? cardId : undefined}
              aria-label={t('ui.profile.compact.open', { device: deviceName, summary: full })}
              title={full}
              onFocus={(e) => {
                // Shown while the keyboard is on the label; a click pins it instead (below).
                if (e.currentTarget.matches(':focus-visible') && open?.id !== view.device) setOpen({ id: view.device, pinned: false });
              }}
              onClick={() => setOpen((o) => (o?.id === view.device && o.pinned ? null : { id: view.device, pinned: true }))}
              data-testid={`profile-label-${view.device}`}
            >
              {text}
            </button>
            {isOpen && (
              <div ref={keepCardInView} id={cardId} className="device-profile-card" role="group" aria-label={t('ui.profile.heading', { device: deviceName })} data-testid={`profile-card-${view.device}`}>
                <button type="button" className="device-profile-close" aria-label={t('ui.profile.compact.close')} onClick={() => setOpen(null)}>
                  ×
                </button>
                <DeviceProfile view={view} deviceName={deviceName} t={t} lang={lang} />
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
}
