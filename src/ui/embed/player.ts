// The embed's player: picture, controls, narration, and the host bridge. Loaded
// by main.ts in parallel with the scenario and the language's strings.
import type { TFunction } from 'i18next';
import { createStore } from '../store/store';
import { initialPlayerState, type Lang, type PlayerState } from '../store/playerState';
import { openedSession } from '../store/open';
import { startClock } from '../store/clock';
import { pause, play, seek, stepMicro, togglePlay } from '../store/commands';
import { sessionFor, sessionOf } from '../model/session';
import { fromTransport } from '../worker/timelineTransport';
import { unpackTimeline } from './packedTimeline';
import { budgetProblemLines } from '../worker/budgetText';
import { narrate, playerNames } from '../model/narrationText';
import { timeText } from '../picture/pictureModel';
import { formatNumber } from '../i18n/format';
import { createI18n, ensureLanguage } from '../i18n/setup';
import type { Frame, Timeline } from '../../sim';
import type { EmbedParams } from './params';
import { buildView, labelView, setIcon, type EmbedView } from './view';
import { followStore, layoutFor } from './drawPicture';
import { connectHost, stepAt } from './hostBridge';
import type { EmbedScenario } from './loadEmbedScenario';
import { wordpressSecret } from './wordpress';

performance.mark('embed:player');

/** The note of the step a frame belongs to (it sits on the step's first frame). */
function stepNote(timeline: Timeline, index: number): Frame['note'] {
  const step = timeline.frames[index]?.step;
  if (step === undefined || step < 0) return timeline.frames[index]?.note;
  for (let i = index; i >= 0 && timeline.frames[i].step === step; i--) if (timeline.frames[i].note) return timeline.frames[i].note;
  return undefined;
}

function showTexts(v: EmbedView, s: PlayerState, t: TFunction) {
  const session = s.timeline ? sessionOf(s.timeline) : undefined;
  if (!session) return;
  const { timeline, scenario } = session;
  const frame = timeline.frames[s.frame];
  v.title.textContent = scenario.title[s.lang];
  const playing = s.playing;
  setIcon(v.play, playing ? 'pause' : 'play');
  v.play.setAttribute('aria-label', t(playing ? 'ui.controls.pause' : 'ui.controls.play'));
  v.play.title = v.play.getAttribute('aria-label')!;
  v.play.setAttribute('aria-pressed', String(playing));
  v.scrubber.max = String(timeline.frames.length - 1);
  v.scrubber.value = String(s.frame);
  const steps = new Set(timeline.stepStarts.filter((f) => f >= 0 && f < timeline.frames.length)).size;
  const position = t('ui.controls.position', {
    frame: formatNumber(s.frame + 1, s.lang),
    total: formatNumber(timeline.frames.length, s.lang),
    step: formatNumber(stepAt(s, s.frame), s.lang),
    steps: formatNumber(steps, s.lang),
  });
  v.scrubber.setAttribute('aria-valuetext', position);
  v.position.textContent = position;
  v.position.dataset.frame = String(s.frame);
  v.time.textContent = timeText(frame.time, s.lang, t);
  const note = stepNote(timeline, s.frame);
  v.note.textContent = note ? note[s.lang] : '';
  v.note.hidden = !note;
  v.narration.textContent =
    s.frame === 0 && frame.step === -1 ? t('ui.narration.initial') : narrate(frame.narration, t, s.lang, playerNames(scenario, session.index, s.lang), frame.label);
}

/** The same scenario, variant and moment in the full app (a variant the scenario lacks is left out). */
function fullUrl(params: EmbedParams, variant: string | null, s: PlayerState): string {
  const q = new URLSearchParams();
  if (params.data) q.set('data', params.data);
  else if (params.scenario) q.set('scenario', params.scenario);
  if (variant) q.set('variant', variant);
  if (s.frame > 0) q.set('frame', String(s.frame));
  q.set('lang', s.lang);
  return new URL(`./?${q.toString()}`, location.href).href;
}

/** Resolves once the browser has had a frame to paint what is in the document now. */
const afterPaint = () =>
  new Promise<void>((resolve) => {
    // A hidden page gets no animation frames: do not wait for one there.
    if (document.visibilityState === 'hidden') return resolve();
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });

export async function startPlayer(params: EmbedParams, lang: Lang, pending: Promise<EmbedScenario>) {
  const view = buildView(document.getElementById('root')!, params.panels);
  const store = createStore<PlayerState>({ ...initialPlayerState, lang, reducedMotion: matchMedia('(prefers-reduced-motion: reduce)').matches });
  const [i18n, loaded] = await Promise.all([createI18n(lang).then((i) => (performance.mark('embed:strings'), i)), pending.then((l) => (performance.mark('embed:scenario'), l))]);
  let t = i18n.getFixedT(lang);
  labelView(view, t);
  if (!loaded.ok) {
    view.message.hidden = false;
    view.message.textContent = t(`ui.publish.player.${loaded.kind}`, { id: loaded.problems[0] ?? '' });
    if (loaded.kind === 'badLink') for (const p of loaded.problems) view.message.append(document.createElement('br'), p);
    view.pictureBox.hidden = true;
    return;
  }
  // A built-in scenario simulated at build time is unpacked; any other is simulated here.
  const packed = loaded.packedTimeline;
  if (packed) store.set((s) => openedSession(s, loaded.scenario, sessionFor(loaded.scenario, null, fromTransport(unpackTimeline(packed))), loaded.source, null, params.frame));
  else {
    // The engine is loaded only to simulate here: a timeline file needs none of it.
    const { opened } = await import('../store/openBySimulating');
    store.set((s) => opened(s, loaded.scenario, loaded.source, null, params.frame));
  }
  performance.mark('embed:simulated');
  // A stranger's data= scenario may be refused by the work budget or stopped at the hard cap: say why, as text.
  const refused = store.get().refused;
  if (refused || !store.get().timeline) {
    view.message.hidden = false;
    view.message.textContent = '';
    const lines = refused ? budgetProblemLines(refused, params.data ? 'data=' : (params.scenario ?? ''), (key, options) => t(key, options), lang) : [];
    lines.forEach((line, i) => {
      if (i > 0) view.message.append(document.createElement('br'));
      view.message.append(line);
    });
    view.pictureBox.hidden = true;
    return;
  }
  const session = sessionOf(store.get().timeline!)!;
  let layoutWidth = 0;
  let unfollow = () => {};
  const fit = () => {
    const width = Math.floor(view.pictureBox.clientWidth);
    if (width <= 0 || width === layoutWidth) return;
    layoutWidth = width;
    unfollow();
    unfollow = followStore(view.svg, store, session, layoutFor(session, width), () => t);
  };
  fit();
  performance.mark('embed:drawn');
  // The picture goes on screen first: the texts, the host bridge and the clock
  // follow in the next task. Their work (the first number format of a language
  // loads its locale data; the height message measures the page) would
  // otherwise hold back the first paint.
  await afterPaint();
  new ResizeObserver(fit).observe(view.pictureBox);

  let shown = '';
  const update = () => {
    const s = store.get();
    const key = `${s.frame}|${s.playing}|${s.lang}`;
    if (key === shown) return;
    shown = key;
    showTexts(view, s, t);
    view.openFull.href = fullUrl(params, loaded.variant, s);
  };
  update();
  store.subscribe(update);

  view.play.addEventListener('click', () => store.set(togglePlay));
  view.back.addEventListener('click', () => store.set((s) => stepMicro(s, -1)));
  view.forward.addEventListener('click', () => store.set((s) => stepMicro(s, 1)));
  view.scrubber.addEventListener('input', () => store.set((s) => seek(pause(s), Number(view.scrubber.value))));

  const setLang = (next: Lang) => {
    void ensureLanguage(i18n, next).then(() => {
      t = i18n.getFixedT(next);
      document.documentElement.lang = next;
      labelView(view, t);
      store.set((s) => ({ ...s, lang: next }));
    });
  };
  connectHost({ store, scenarioId: loaded.scenario.id, setLang, wordpressSecret: wordpressSecret(location.hash, location.search) });
  startClock(store);
  if (params.autoplay) store.set(play);
}

