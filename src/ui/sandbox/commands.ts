// What the sandbox's buttons, forms and menus do. Every change of the scenario
// goes through `commit`: recorded for undo, checked by the real loader,
// simulated in the worker when valid (the picture follows when it is done),
// and autosaved.
import { loadScenarioData, loadScenarioText, formatProblem, type Problem, type Scenario, type Timeline } from '../../sim';
import { playerStore } from '../store/playerStore';
import { openedSession, closed } from '../store/open';
import { sessionOf, type PlaySession } from '../model/session';
import { encodeScenario, decodeScenario } from '../url/sharedScenario';
import { canRedo, canUndo, record, redo as redoHistory, startHistory, undo as undoHistory } from './history';
import { sandboxStore, type Draft, type SandboxState } from './sandboxState';
import { forkWith, lastFrameOfStep } from './forkAt';
import type { Action } from './availability';
import { clearAutosave, readAutosave, writeAutosave } from './storage';
import type { SavedSandbox } from './autosaveCodec';
import { emptyWorld } from './newWorld';
import { filled } from './filled';
import { keepResult, resimulate, stopResimulating } from './resimulate';

export const SANDBOX_FILE = 'sandbox';

const set = (patch: Partial<SandboxState> | ((s: SandboxState) => Partial<SandboxState>)) =>
  sandboxStore.set((s) => ({ ...s, ...(typeof patch === 'function' ? patch(s) : patch) }));

/** The draft data whose picture the player shows (the present draft once its run is done). */
let shownData: unknown = undefined;

/** What to do once the new picture is there: the frame to show in the new timeline, and what follows. */
interface AfterShow {
  readonly frame: (timeline: Timeline) => number;
  readonly done: (frame: number) => void;
}

const NO_PROBLEMS: readonly Problem[] = [];

/** The run last asked for, with what was to follow it: "simulate again" after a stop does all of it. */
let unfinished: { readonly data: unknown; readonly after: AfterShow | undefined } | null = null;

/**
 * Check the draft with the loader; a valid one is simulated in the worker and
 * shown at its frame (or at the frame `after` picks in the new timeline).
 * Until then the picture shows the draft before.
 */
function show(draft: Draft, after?: AfterShow): void {
  const result = loadScenarioData(SANDBOX_FILE, draft.data);
  if (!result.ok) {
    set({ problems: result.problems });
    return;
  }
  if (sandboxStore.get().problems.length) set({ problems: NO_PROBLEMS });
  const present = (session: PlaySession) => {
    const frame = after ? after.frame(session.timeline) : draft.frame;
    shownData = draft.data;
    unfinished = null;
    playerStore.set((s) => openedSession(s, result.scenario, session, 'shared', null, frame));
    set({ simulating: false, trouble: null });
    after?.done(playerStore.get().frame);
  };
  const p = playerStore.get();
  const playing = p.timeline ? sessionOf(p.timeline) : undefined;
  // The player's own scenario ("change this scenario from here"): its run is already there.
  if (playing && draft.data === p.loaded?.scenario) {
    keepResult(draft.data, playing);
    present(playing);
    return;
  }
  set({ simulating: true });
  unfinished = { data: draft.data, after };
  void resimulate(draft.data, result.scenario).then((r) => {
    if (r.kind === 'superseded' || !sandboxStore.get().open) return;
    if (r.kind === 'ok') present(r.session);
    else set({ simulating: false, trouble: r });
    afterPaint(flushAutosave);
  });
}

/** An edit's autosave is due but waits for the edit's new picture (see autosave). */
let autosaveDue = false;

/** Runs `f` once the browser has had a frame to paint (at once where there are no frames: tests in Node). */
function afterPaint(f: () => void): void {
  if (typeof requestAnimationFrame === 'undefined' || typeof document === 'undefined' || document.visibilityState === 'hidden') return f();
  requestAnimationFrame(() => setTimeout(f, 0));
}

/**
 * Save the present draft once the edit's picture is painted (while the worker
 * simulates the edit, once its run is done): writing the storage is
 * main-thread work that would otherwise stand between the click and the new
 * picture. Saves due are written at once when the page is hidden, closed or
 * reloaded (pagehide), and when the sandbox closes.
 */
function autosave(): void {
  if (!sandboxStore.get().open) return;
  autosaveDue = true;
  if (!sandboxStore.get().simulating) afterPaint(flushAutosave);
}

function flushAutosave(): void {
  if (!autosaveDue) return;
  autosaveDue = false;
  const s = sandboxStore.get();
  if (!s.open) return;
  // While the worker runs, the player still shows the draft before: the present draft keeps its own frame.
  const frame = shownData === s.history.present.data ? playerStore.get().frame : s.history.present.frame;
  const save: SavedSandbox = { data: s.history.present.data, frame, original: s.original, savedAt: new Date().toISOString() };
  const written = writeAutosave(save);
  set({ storage: written.ok ? null : written.problem });
}

if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', flushAutosave);
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flushAutosave());
}

/**
 * A changed world drops the scenario's questions: they were written for the
 * original story and ask about its steps by position.
 */
function withoutQuestions(data: unknown): unknown {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return data;
  const questions = (data as { questions?: unknown }).questions;
  return Array.isArray(questions) && questions.length > 0 ? { ...data, questions: [] } : data;
}

function commit(changed: unknown, frame: number, key: string | null = null, after?: AfterShow): void {
  const data = withoutQuestions(changed);
  set((s) => ({ history: record(s.history, { data, frame }, key) }));
  show(sandboxStore.get().history.present, after);
  autosave();
}

/** Open the sandbox on a scenario (a built-in, a link, a file, a restored save, or an empty world). */
export function startSandbox(data: unknown, frame: number, original: Scenario | null): void {
  stopResimulating();
  // Another scenario's picture must not stand under the sandbox's title while the worker runs.
  if (data !== playerStore.get().loaded?.scenario) {
    shownData = undefined;
    playerStore.set(closed);
  }
  set({ open: true, history: startHistory<Draft>({ data, frame }), original, problems: [], refused: null, comparing: false, offer: null, announcement: null, simulating: false, trouble: null });
  show({ data, frame });
  autosave();
}

export function newScenario(): void {
  startSandbox(filled(emptyWorld()), 0, null);
}

/** "Change this scenario from here": the scenario in the player, at the moment shown. */
export function forkPlayer(): void {
  const p = playerStore.get();
  if (!p.loaded) return;
  startSandbox(p.loaded.scenario, p.frame, p.loaded.scenario);
}

export function closeSandbox(): void {
  flushAutosave();
  stopResimulating();
  shownData = undefined;
  set({ open: false, comparing: false, simulating: false, trouble: null });
  playerStore.set(closed);
}

/** A builder edit: the new scenario data; edits of one field in a row are one undo step. */
export function edit(data: unknown, key: string | null): void {
  commit(data, playerStore.get().frame, key);
}

export function undo(): void {
  const s = sandboxStore.get();
  if (!canUndo(s.history)) return;
  set({ history: undoHistory(s.history) });
  show(sandboxStore.get().history.present);
  autosave();
}

export function redo(): void {
  const s = sandboxStore.get();
  if (!canRedo(s.history)) return;
  set({ history: redoHistory(s.history) });
  show(sandboxStore.get().history.present);
  autosave();
}

export function setKeepLater(keepLater: boolean): void {
  set({ keepLater });
}

let announced = 0;

/** Inject an event at the moment on screen: a fork, re-simulated, shown at the event's last frame. */
export function inject(action: Action, label: string): boolean {
  const p = playerStore.get();
  const s = sandboxStore.get();
  // While the worker runs, the picture is the draft before: an event there would undo the edit under way.
  if (!action.event || !p.loaded || !p.timeline || s.simulating) return false;
  const fork = forkWith({ scenario: p.loaded.scenario, timeline: p.timeline, frame: p.frame, event: action.event, keepLater: s.keepLater, afterMinutes: action.afterMinutes });
  if (!fork.ok) {
    set({ refused: { source: label, problems: fork.problems.map(formatProblem), event: true } });
    return false;
  }
  set({ refused: null });
  const n = ++announced;
  // Only the steps changed: the world keeps its objects, so the builder's forms need not draw again.
  const present = s.history.present.data;
  const data = shownData === present && present && typeof present === 'object' ? { ...present, steps: fork.scenario.steps } : fork.scenario;
  commit(data, p.frame, null, {
    // Show what the injected step did: its last frame (a step that made no frame shows the moment it happened).
    frame: (timeline) => lastFrameOfStep(timeline, fork.index),
    done: (frame) => {
      set((x) => ({
        history: x.history.present.data === data ? { ...x.history, present: { ...x.history.present, frame } } : x.history,
        announcement: { key: 'ui.sandbox.injected', params: { event: label, minutes: fork.minutes }, n },
      }));
      autosave();
    },
  });
  return true;
}

/** Start again from another scenario (a built-in, an import, an empty world): an undoable edit. */
export function replaceWith(data: unknown, original: Scenario | null): void {
  set({ refused: null, original, comparing: false });
  commit(data, 0, null);
}

/** A file's text: loaded like any scenario file; refused with every problem, leaving the sandbox as it is. */
export function importText(fileName: string, text: string): boolean {
  const result = loadScenarioText(fileName, text);
  if (!result.ok) {
    set({ refused: { source: fileName, problems: result.problems.map(formatProblem) } });
    return false;
  }
  replaceWith(result.scenario, result.scenario);
  return true;
}

/** A sandbox link (?sandbox=1&data=…): checked like a file; refused links leave the autosave alone. */
export function openLink(data: string | null, frame: number | null): void {
  if (!data) {
    newScenario();
    return;
  }
  const decoded = decodeScenario(data);
  if (!decoded.ok) {
    set({ refused: { source: 'link', problems: decoded.problems }, open: false });
    offerRestore();
    return;
  }
  startSandbox(decoded.scenario, frame ?? 0, decoded.scenario);
}

/** Look for an autosave when the page opens; an unreadable one is reported, not opened. */
export function offerRestore(): void {
  const read = readAutosave();
  if (!read.ok) {
    set({ storage: read.problem });
    return;
  }
  if (read.save) set({ offer: read.save });
}

export function restoreOffered(): void {
  const offer = sandboxStore.get().offer;
  if (!offer) return;
  const original = offer.original ? loadScenarioData('autosave', offer.original) : null;
  startSandbox(offer.data, offer.frame, original?.ok ? original.scenario : null);
}

export function discardOffered(): void {
  clearAutosave();
  set({ offer: null });
}

export function dismiss(what: 'refused' | 'storage' | 'trouble'): void {
  set({ [what]: null } as Partial<SandboxState>);
}

/** After the user stopped a run, or it was refused: run the present draft again. */
export function retry(): void {
  const present = sandboxStore.get().history.present;
  const after = unfinished && unfinished.data === present.data ? unfinished.after : undefined;
  set({ trouble: null });
  show(present, after);
}

export function setComparing(comparing: boolean): void {
  set({ comparing });
}

let linkCache: { data: unknown; text: string } | null = null;

/** The present scenario, compressed for the address bar (computed once per edit). */
export function linkData(): string | null {
  const s = sandboxStore.get();
  if (!s.open || s.problems.length) return playerStore.get().loaded ? encodeCached(playerStore.get().loaded!.scenario) : null;
  return encodeCached(s.history.present.data);
}

function encodeCached(data: unknown): string {
  if (linkCache && linkCache.data === data) return linkCache.text;
  const text = encodeScenario(data);
  linkCache = { data, text };
  return text;
}
