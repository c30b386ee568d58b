// Between the address bar and the stores: open what the URL names, and keep the
// URL in step with what is on screen (replaceState at rest, pushState when
// another scenario opens).
import type { Scenario } from '../sim';
import { fetchBuiltin } from './catalogue/catalogue';
import { appStore } from './store/appStore';
import { playerStore } from './store/playerStore';
import { closed, openedSession, playableVariant } from './store/open';
import type { LoadedScenario } from './store/playerState';
import { simulateLinkOffThread, simulateOffThread, type SimulationOutcome } from './worker/simulateOffThread';
import { browserLang, formatUrlState, parseUrlState, type UrlState } from './url/urlState';
import { encodeScenario, SHARED_FILE } from './url/sharedScenario';
import { sandboxStore } from './sandbox/sandboxState';
import { closeSandbox, linkData, offerRestore, openLink } from './sandbox/commands';
import { presenterStore, applyPresenterUrl } from './presenter/presenterStore';
import { presenterParams, withParams } from './presenter/presenterState';
import { restingWrites } from './store/restingWrites';
import { keepForReload } from './url/reloadAddress';

function currentUrlState(): UrlState {
  const s = playerStore.get();
  const a = appStore.get();
  if (sandboxStore.get().open) return { scenario: null, data: linkData(), variant: null, frame: s.loaded ? s.frame : null, lang: s.lang, embed: false, compare: null, sandbox: true };
  const shared = s.loaded?.source === 'shared';
  return {
    scenario: s.loaded && !shared ? s.loaded.scenario.id : null,
    data: shared ? a.data : null,
    variant: s.variant,
    frame: s.loaded ? s.frame : null,
    lang: s.lang,
    embed: a.embed,
    compare: s.loaded ? a.compare : null,
  };
}

export function currentUrl(): string {
  // Presenter mode and its theme ride along (present=1&theme=dark), so a reload keeps the lecture.
  return withParams(`${location.pathname}${formatUrlState(currentUrlState())}`, presenterParams(presenterStore.get()));
}

function push() {
  const url = currentUrl();
  if (url !== location.pathname + location.search) history.pushState(null, '', url);
}

let opening = 0;

/**
 * What the opened scenario's view needs besides the simulation (the player's
 * chunk, registered by main.tsx: nav.ts cannot import the player, which imports nav).
 */
let viewReady: () => Promise<unknown> = () => Promise.resolve();
export function prepareViewWith(load: () => Promise<unknown>): void {
  viewReady = load;
}
/**
 * The ticket of the last open that has finished. While a later one is still
 * fetching or simulating, the screen does not yet show what the address names,
 * so syncUrl leaves the address alone (on a slow machine it once rewrote
 * `?scenario=…&frame=5` to the gallery before the scenario arrived, and a
 * reload then lost it).
 */
let settled = 0;
const settle = (ticket: number) => {
  if (ticket !== opening) return;
  settled = ticket;
  landed();
};

/**
 * True until the page has shown something: while the address the page was
 * opened with names a scenario that is still being simulated, the page says so
 * rather than flash the gallery (appStore.loading). Later opens leave what is
 * on screen: the gallery stays usable while a long one simulates.
 */
let landing = true;
const opensLanding = (what: string) => {
  if (landing) appStore.set((a) => ({ ...a, loading: what }));
};
function landed() {
  landing = false;
  appStore.set((a) => (a.loading === null ? a : { ...a, loading: null }));
}
export const openInFlight = () => settled !== opening;

export async function openBuiltin(id: string, variant: string | null, frame: number | null, how: 'push' | 'none' = 'push'): Promise<void> {
  const ticket = ++opening;
  const pending = fetchBuiltin(id);
  if (!pending) {
    appStore.set((a) => ({ ...a, notice: { kind: 'notFound', id, problems: [] } }));
    playerStore.set(closed);
    settle(ticket);
    return;
  }
  opensLanding(id);
  const result = await pending;
  if (ticket !== opening) return;
  if (!result.ok) {
    appStore.set((a) => ({ ...a, notice: { kind: 'badFile', problems: result.problems } }));
    playerStore.set(closed);
    settle(ticket);
    return;
  }
  const scenario = result.scenario;
  const compare = appStore.get().compare;
  const play = await simulated(ticket, scenario, 'builtin', variant, frame, `scenarios/${id}.json`);
  if (!play) return;
  appStore.set((a) => ({ ...a, notice: null, data: null, compare: compare && (compare === '-' || scenario.variants[compare]) ? compare : null }));
  play();
  settle(ticket);
  if (how === 'push') push();
}

/**
 * Simulate in the worker; on success return the command that shows it. A
 * refusal, an error or a cancel becomes a notice, and what is on screen stays.
 * Null too when another scenario was asked for meanwhile.
 */
async function simulated(ticket: number, scenario: Scenario, source: LoadedScenario['source'], variant: string | null, frame: number | null, file: string): Promise<(() => void) | null> {
  const v = playableVariant(scenario, variant);
  // The player's chunk comes in while the worker simulates (a failed fetch shows up when it is drawn).
  const [outcome] = await Promise.all([simulateOffThread(scenario, v), viewReady().catch(() => undefined)]);
  if (ticket !== opening) return null;
  if (outcome.kind === 'ok') return () => playerStore.set((s) => openedSession(s, scenario, outcome.session, source, v, frame));
  notUnfolded(outcome, file);
  settle(ticket);
  return null;
}

/** A refusal, an error or a cancel as the notice that says so; what is on screen stays. */
function notUnfolded(outcome: Exclude<SimulationOutcome, { kind: 'ok' }>, file: string): void {
  const notice =
    outcome.kind === 'refused'
      ? { kind: 'tooMuch' as const, problems: [], file, verdict: outcome.verdict }
      : outcome.kind === 'failed'
        ? { kind: 'failed' as const, problems: [], file, message: outcome.message }
        : { kind: 'cancelled' as const, problems: [] };
  appStore.set((a) => ({ ...a, notice }));
}

/** A share link: unpacked, checked and simulated in the worker, so a long link never blocks the page. */
async function openSharedLink(data: string, variant: string | null, frame: number | null): Promise<void> {
  const ticket = ++opening;
  opensLanding('link');
  const [outcome] = await Promise.all([simulateLinkOffThread(data, variant), viewReady().catch(() => undefined)]);
  if (ticket !== opening) return;
  settle(ticket);
  if (outcome.kind === 'badLink') {
    appStore.set((a) => ({ ...a, notice: { kind: 'badLink', problems: outcome.problems }, data: null }));
    playerStore.set(closed);
    return;
  }
  if (outcome.kind !== 'ok') {
    notUnfolded(outcome, SHARED_FILE);
    return;
  }
  appStore.set((a) => ({ ...a, notice: null, data, compare: null }));
  playerStore.set((s) => openedSession(s, outcome.base, outcome.session, 'shared', outcome.variant, frame));
}

export async function openShared(scenario: Scenario, data: string | null, variant: string | null, frame: number | null, how: 'push' | 'none' = 'push', file = SHARED_FILE): Promise<void> {
  const ticket = ++opening;
  opensLanding(file);
  const play = await simulated(ticket, scenario, 'shared', variant, frame, file);
  if (!play) return;
  appStore.set((a) => ({ ...a, notice: null, data: data ?? encodeScenario(scenario), compare: null }));
  play();
  settle(ticket);
  if (how === 'push') push();
}

export function toGallery() {
  settled = ++opening;
  landed();
  if (sandboxStore.get().open) closeSandbox();
  appStore.set((a) => ({ ...a, data: null, compare: null }));
  playerStore.set(closed);
  push();
}

/** Open whatever a URL names (page load, back/forward). */
export function applyUrl(search: string, languages: readonly string[]) {
  const u = parseUrlState(search);
  applyPresenterUrl(search);
  playerStore.set((s) => ({ ...s, lang: u.lang ?? (s.loaded || s.timeline ? s.lang : browserLang(languages)) }));
  appStore.set((a) => ({ ...a, embed: u.embed, compare: u.compare }));
  if (u.sandbox) {
    settled = ++opening;
    landed();
    appStore.set((a) => ({ ...a, notice: null, data: null, compare: null }));
    openLink(u.data, u.frame);
    return;
  }
  if (sandboxStore.get().open) closeSandbox();
  if (u.data) {
    void openSharedLink(u.data, u.variant, u.frame);
    return;
  }
  if (u.scenario) {
    void openBuiltin(u.scenario, u.variant, u.frame, 'none');
    return;
  }
  settled = ++opening;
  landed();
  appStore.set((a) => ({ ...a, notice: null }));
  playerStore.set(closed);
  offerRestore();
}

/** Keep the address bar up to date: a fifth of a second after a change at rest, never while playing (see restingWrites.ts). */
export function syncUrl(): () => void {
  const write = () => {
    // Written again once the open settles (it changes the stores, which schedules a write).
    if (openInFlight()) return;
    const url = currentUrl();
    if (url !== location.pathname + location.search) history.replaceState(null, '', url);
  };
  const writes = restingWrites(() => playerStore.get().playing, write);
  const schedule = () => writes.changed();
  // Leaving or hiding the page while playing keeps the frame shown for a return; a reload has
  // taken its address already, so the address is also kept for it (url/reloadAddress.ts).
  const leave = () => {
    const from = location.pathname + location.search;
    writes.flush();
    keepForReload(from, location.pathname + location.search);
  };
  const hidden = () => document.visibilityState === 'hidden' && writes.flush();
  window.addEventListener('pagehide', leave);
  document.addEventListener('visibilitychange', hidden);
  const a = playerStore.subscribe(schedule);
  const b = appStore.subscribe(schedule);
  const c = sandboxStore.subscribe(schedule);
  const d = presenterStore.subscribe(schedule);
  return () => {
    a();
    b();
    c();
    d();
    window.removeEventListener('pagehide', leave);
    document.removeEventListener('visibilitychange', hidden);
    writes.stop();
  };
}
