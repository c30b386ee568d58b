// The picture without React: the same d3 layer the player uses (layout → scene →
// model → render), driven from a store. The embed and the animation export use it.
import type { TFunction } from 'i18next';
import type { Frame } from '../../sim';
import type { Store } from '../store/store';
import type { PlayerState } from '../store/playerState';
import { travelProgress } from '../store/commands';
import type { PlaySession } from '../model/session';
import { computeLayout, type Layout } from '../picture/layout';
import { buildScene, withLost } from '../picture/scene';
import { buildPictureModel } from '../picture/pictureModel';
import { positionPicture, renderPicture } from '../picture/render';

export function layoutFor(session: PlaySession, width: number): Layout {
  return computeLayout({ world: session.scenario.world, places: session.index.places, width, lostMax: session.index.lostMax, intruder: session.index.intruder, replaced: session.index.replaced });
}

/** Draws one frame of a session into an SVG; `progress` 0..1 is how far its change has travelled. */
export function pictureDrawer(session: PlaySession, layout: Layout) {
  const lostCache = new WeakMap<Frame, ReturnType<typeof withLost>>();
  const lostOf = (f: Frame) => {
    let v = lostCache.get(f);
    if (!v) lostCache.set(f, (v = withLost(session.copies(f), session.lost(f), layout.lostPlace)));
    return v;
  };
  const hasWebmail = session.scenario.world.devices.some((d) => d.kind === 'webmail');
  return {
    draw(svg: SVGSVGElement, frameIndex: number, opts: { animating: boolean; progress: number; selectedMail: string | null; lang: PlayerState['lang']; t: TFunction; onSelect?: (mail: string) => void }) {
      const frame = session.timeline.frames[frameIndex];
      if (!frame) return;
      const prev = session.timeline.frames[frameIndex - 1];
      const scene = buildScene({ now: lostOf(frame), before: opts.animating && prev ? lostOf(prev) : null, transfers: frame.transfers, layout });
      const model = buildPictureModel({
        scenario: session.scenario,
        frame,
        lost: session.lost(frame),
        views: hasWebmail ? session.metrics(frame).views : null,
        layout,
        scene,
        index: session.index,
        selectedMail: opts.selectedMail,
        lang: opts.lang,
        t: opts.t,
      });
      renderPicture(svg, model, opts.progress, { selectMail: (m) => opts.onSelect?.(m), selectPlace: () => undefined });
    },
    position: positionPicture,
  };
}

/** Keep an SVG in step with a store: redraw on a new frame, move tokens as the phase advances. */
export function followStore(svg: SVGSVGElement, store: Store<PlayerState>, session: PlaySession, layout: Layout, t: () => TFunction): () => void {
  const drawer = pictureDrawer(session, layout);
  let drawnKey = '';
  let drawnPhase = -1;
  const draw = () => {
    const s = store.get();
    if (s.timeline !== session.timeline) return;
    const animating = s.phase < 1 && s.frame > 0;
    const key = `${s.frame}|${s.selectedMail}|${s.lang}|${animating ? 'a' : 's'}`;
    const progress = travelProgress(s.phase, s.reducedMotion);
    if (key !== drawnKey) {
      drawer.draw(svg, s.frame, {
        animating,
        progress,
        selectedMail: s.selectedMail,
        lang: s.lang,
        t: t(),
        onSelect: (mail) => store.set((x) => ({ ...x, selectedMail: x.selectedMail === mail ? null : mail })),
      });
      drawnKey = key;
      drawnPhase = s.phase;
    } else if (s.phase !== drawnPhase) {
      drawer.position(svg, progress);
      drawnPhase = s.phase;
    }
  };
  draw();
  return store.subscribe(draw);
}
