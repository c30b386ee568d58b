// Mounts the d3 picture. React renders the empty <svg> once; the d3 layer owns
// everything inside it and is driven straight from the store, so playback does
// not re-render React components.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from '../i18n/useTranslation';
import type { Store } from '../store/store';
import type { PlayerState } from '../store/playerState';
import { travelProgress } from '../store/commands';
import { useSelector } from '../store/useStore';
import { sessionOf } from '../model/session';
import { computeLayout } from './layout';
import { DESK, type Scale } from './geometry';
import { buildScene, withLost } from './scene';
import { buildPictureModel } from './pictureModel';
import { positionPicture, renderPicture } from './render';

const whenIdle = (job: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(job, { timeout: 200 }) : setTimeout(job, 0));

export function Picture({ store, label, scale = DESK }: { store: Store<PlayerState>; label: string; scale?: Scale }) {
  const { t } = useTranslation();
  const boxRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const [width, setWidth] = useState(0);
  const timeline = useSelector(store, (s) => s.timeline);
  const session = timeline ? sessionOf(timeline) : undefined;

  useEffect(() => {
    const el = boxRef.current;
    if (!el) return;
    const measure = () => setWidth(Math.floor(el.clientWidth));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const layout = useMemo(
    () =>
      session && width > 0
        ? computeLayout({ world: session.scenario.world, places: session.index.places, width, lostMax: session.index.lostMax, intruder: session.index.intruder, scale })
        : null,
    [session, width, scale],
  );

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg || !session || !layout) return;
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
    // Only webmail shows a device view in the picture; it is refreshed when playback rests.
    const hasWebmail = session.scenario.world.devices.some((d) => d.kind === 'webmail');
    let lastViews: ReturnType<typeof session.metrics>['views'] | null = null;
    const events = {
      selectMail: (mail: string) => store.set((s) => ({ ...s, selectedMail: s.selectedMail === mail ? null : mail, selectedPlace: null })),
      selectPlace: (place: string) => store.set((s) => ({ ...s, selectedPlace: place, selectedMail: null })),
    };
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
        const model = buildPictureModel({ scenario: session.scenario, frame, lost: session.lost(frame), views: lastViews, layout, scene, index: session.index, selectedMail: s.selectedMail, lang: s.lang, t });
        renderPicture(svg, model, t01, events);
        drawnKey = key;
        drawnPhase = s.phase;
        // Prepare the next change between animation frames, so it draws without delay.
        const next = session.timeline.frames[s.frame + 1];
        if (s.playing && next) whenIdle(() => animatedScene(next));
      } else if (s.phase !== drawnPhase) {
        positionPicture(svg, t01);
        drawnPhase = s.phase;
      }
    };
    draw();
    return store.subscribe(draw);
  }, [store, session, layout, t]);

  return (
    <div className="picture" ref={boxRef}>
      <svg ref={svgRef} className="picture-svg" aria-label={label} data-testid="picture" />
    </div>
  );
}
