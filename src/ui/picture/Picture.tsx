// Mounts the d3 picture. React renders the empty <svg> once; the d3 layer owns
// everything inside it and is driven straight from the store, so playback does
// not re-render React components.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from '../i18n/useTranslation';
import type { Store } from '../store/store';
import type { PlayerState } from '../store/playerState';
import { stepMarks, TRAVEL_SHARE, travelProgress } from '../store/commands';
import { useSelector } from '../store/useStore';
import { sessionOf } from '../model/session';
import { computeLayout, type Layout } from './layout';
import { DESK, type Scale } from './geometry';
import { buildScene, withLost } from './scene';
import { buildPictureModel } from './pictureModel';
import { drawSlice, positionPicture, renderPicture, setTravelLayer } from './render';
import { buildStory, type Story } from './story';
import { rememberedT } from './rememberedT';
import { stepSoFar, MAX_PLAYED_CHANGES } from '../presenter/presenterState';
import { BackupGenerations } from './BackupGenerations';

/** After the travel, the newest paths fade while the frame rests (at once with reduced motion). */
const fadeOf = (phase: number, reducedMotion: boolean) => (reducedMotion ? 1 : Math.max(0, (phase - TRAVEL_SHARE) / (1 - TRAVEL_SHARE)));
/** The player draws copies travelling into a crowded folder's count apart from its tokens (render.ts), so that folder's bin is not touched at every change. */
const ARRIVALS_APART = { arrivalsApart: true } as const;

/** The largest zoom (up to 1.6×) at which the layout for width / zoom still fits the height. */
export function fittedLayout(at: (width: number) => Layout, width: number, height: number): Layout {
  for (const zoom of [1.6, 1.5, 1.4, 1.3, 1.2, 1.1]) {
    const w = Math.floor(width / zoom);
    if (w < 640) continue;
    const l = at(w);
    if (l.height * zoom <= height) return l;
  }
  return at(width);
}

/** `job` when the page is idle, or after `within` ms at the latest (a change at 4× lasts 275 ms). */
const whenIdle = (job: () => void, within = 200) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(job, { timeout: within }) : setTimeout(job, 0));

/**
 * `fit`: fill the box's height too (presenter mode). The layout is then made
 * for a narrower width and the picture scaled up, as far as the height allows,
 * so names and numbers are as large as the screen permits.
 */
export function Picture({ store, label, scale = DESK, fit = false }: { store: Store<PlayerState>; label: string; scale?: Scale; fit?: boolean }) {
  const { t } = useTranslation();
  const boxRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const travelRef = useRef<SVGSVGElement>(null);
  const [width, setWidth] = useState(0);
  const [height, setHeight] = useState(0);
  const timeline = useSelector(store, (s) => s.timeline);
  const session = timeline ? sessionOf(timeline) : undefined;

  useEffect(() => {
    const el = boxRef.current;
    if (!el) return;
    const measure = () => {
      setWidth(Math.floor(el.clientWidth));
      setHeight(Math.floor(el.clientHeight));
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const layout = useMemo(() => {
    if (!session || width <= 0) return null;
    const at = (w: number) => computeLayout({ world: session.scenario.world, places: session.index.places, width: w, lostMax: session.index.lostMax, intruder: session.index.intruder, replaced: session.index.replaced, scale });
    return fit && height > 0 ? fittedLayout(at, width, height) : at(width);
  }, [session, width, height, scale, fit]);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg || !session || !layout) return;
    setTravelLayer(svg, travelRef.current);
    let drawnKey = '';
    let drawnPhase = -1;
    const withLostCache = new WeakMap<object, ReturnType<typeof withLost>>();
    const lostOf = (f: NonNullable<typeof session.timeline.frames[number]>) => {
      let v = withLostCache.get(f);
      if (!v) withLostCache.set(f, (v = withLost(session.copies(f), session.lost(f), layout.lostPlace)));
      return v;
    };
    const scenes = new WeakMap<object, ReturnType<typeof buildScene>>();
    const animatedScene = (f: NonNullable<typeof session.timeline.frames[number]>) => {
      let v = scenes.get(f);
      if (!v) {
        const prev = session.timeline.frames[f.index - 1];
        scenes.set(f, (v = buildScene({ now: lostOf(f), before: prev ? lostOf(prev) : null, transfers: f.transfers, layout })));
      }
      return v;
    };
    // The step so far, told once per frame: its paths, its changed copies, its removed copies.
    const marks = stepMarks({ ...store.get(), timeline: session.timeline });
    const stories = new WeakMap<object, Story>();
    const storyOf = (f: NonNullable<typeof session.timeline.frames[number]>): Story => {
      let v = stories.get(f);
      if (!v) {
        const { first, ordinal } = stepSoFar(marks, f.index);
        const frames = [];
        // A long step (a burst of mails) is told by its latest changes only.
        for (let i = Math.max(first, f.index - MAX_PLAYED_CHANGES); ordinal >= 0 && i <= f.index; i++) if (i > 0) frames.push({ index: i, scene: animatedScene(session.timeline.frames[i]) });
        const before = ordinal >= 0 && first > 0 ? lostOf(session.timeline.frames[first - 1]) : null;
        stories.set(f, (v = buildStory({ frames, before, now: lostOf(f), layout })));
      }
      return v;
    };
    // Only webmail shows a device view in the picture; it is refreshed when playback rests.
    const hasWebmail = session.scenario.world.devices.some((d) => d.kind === 'webmail');
    let lastViews: ReturnType<typeof session.metrics>['views'] | null = null;
    const events = {
      selectMail: (mail: string) => store.set((s) => ({ ...s, selectedMail: s.selectedMail === mail ? null : mail, selectedPlace: null })),
      selectPlace: (place: string) => store.set((s) => ({ ...s, selectedPlace: place, selectedMail: null })),
    };
    // The picture's words, remembered from change to change (see rememberedT.ts).
    const words = rememberedT(t);
    // A change's model, made between animation frames before its turn comes (see below).
    let prepared: { frame: object; scene: object; selectedMail: string | null; lang: string; views: ReturnType<typeof session.metrics>['views'] | null; model: ReturnType<typeof buildPictureModel> } | null = null;
    const modelOf = (frame: NonNullable<typeof session.timeline.frames[number]>, scene: ReturnType<typeof buildScene>, selectedMail: string | null, lang: PlayerState['lang']) => {
      const p = prepared;
      if (p && p.frame === frame && p.scene === scene && p.selectedMail === selectedMail && p.lang === lang && p.views === lastViews) return p.model;
      return buildPictureModel({ scenario: session.scenario, frame, lost: session.lost(frame), views: lastViews, layout, scene, index: session.index, selectedMail, lang, t: words, story: storyOf(frame) });
    };
    /** Prepare the next change in two small idle tasks (its scene and story, then its model), so it draws without delay. */
    const prepare = (next: NonNullable<typeof session.timeline.frames[number]>) =>
      whenIdle(() => {
        const scene = animatedScene(next);
        storyOf(next);
        whenIdle(() => {
          const s = store.get();
          if (s.timeline !== session.timeline || !s.playing || s.frame >= next.index) return;
          const model = modelOf(next, scene, s.selectedMail, s.lang);
          // The count badges' words too: made now, they cost the frame that draws them nothing.
          for (const b of model.scene.badges) model.badgeTitle(b);
          prepared = { frame: next, scene, selectedMail: s.selectedMail, lang: s.lang, views: lastViews, model };
        }, 60);
      }, 60);
    const draw = () => {
      const s = store.get();
      if (s.timeline !== session.timeline) return;
      const frame = session.timeline.frames[s.frame];
      if (!frame) return;
      const animating = s.phase < 1 && s.frame > 0;
      // At rest a frame is redrawn once without the travel, so ghosts are gone. While
      // playing that redraw is skipped: at t = 1 ghosts are already invisible.
      const key = `${s.frame}|${s.selectedMail}|${s.lang}|${s.playing ? 'p' : animating ? 'a' : 's'}`;
      const t01 = travelProgress(s.phase, s.reducedMotion);
      if (key !== drawnKey) {
        const scene = animating ? animatedScene(frame) : buildScene({ now: lostOf(frame), before: null, transfers: frame.transfers, layout });
        if (!s.playing || !lastViews || hasWebmail === false) lastViews = hasWebmail ? session.metrics(frame).views : null;
        const model = modelOf(frame, scene, s.selectedMail, s.lang);
        prepared = null;
        // While playing, the change is drawn in slices over its first display frames (see renderPicture).
        renderPicture(svg, model, t01, events, animating ? fadeOf(s.phase, s.reducedMotion) : 1, s.playing, ARRIVALS_APART);
        drawnKey = key;
        drawnPhase = s.phase;
        const next = session.timeline.frames[s.frame + 1];
        if (s.playing && next) prepare(next);
      } else {
        if (s.phase !== drawnPhase) {
          positionPicture(svg, t01, fadeOf(s.phase, s.reducedMotion), s.playing);
          drawnPhase = s.phase;
        }
        drawSlice(svg);
      }
    };
    draw();
    return store.subscribe(draw);
  }, [store, session, layout, t]);

  return (
    <>
    <div className="picture" ref={boxRef}>
      <svg ref={svgRef} className="picture-svg" aria-label={label} data-testid="picture" />
      {/* The tokens travelling in the current change are drawn here, over the picture (see render.ts). */}
      {/* Its box carries the picture's class, so the tokens look the same; it is no svg.picture-svg itself. */}
      <div className="picture-svg picture-travel" aria-hidden="true">
        <svg ref={travelRef} focusable="false" />
      </div>
    </div>
    <BackupGenerations store={store} />
    </>
  );
}
