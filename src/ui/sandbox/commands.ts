// What the sandbox's buttons, forms and menus do. Every change of the scenario
// goes through `commit`: recorded for undo, checked by the real loader,
// simulated into the player when valid, and autosaved.
import { loadScenarioData, loadScenarioText, formatProblem, type Scenario } from '../../sim';
import { playerStore } from '../store/playerStore';
import { opened, closed } from '../store/open';
import { encodeScenario, decodeScenario } from '../url/sharedScenario';
import { canRedo, canUndo, record, redo as redoHistory, startHistory, undo as undoHistory } from './history';
import { sandboxStore, type Draft, type SandboxState } from './sandboxState';
import { forkWith, lastFrameOfStep } from './forkAt';
import type { Action } from './availability';
import { clearAutosave, readAutosave, writeAutosave } from './storage';
import type { SavedSandbox } from './autosaveCodec';
import { emptyWorld } from './newWorld';
import { filled } from './filled';

export const SANDBOX_FILE = 'sandbox';

const set = (patch: Partial<SandboxState> | ((s: SandboxState) => Partial<SandboxState>)) =>
  sandboxStore.set((s) => ({ ...s, ...(typeof patch === 'function' ? patch(s) : patch) }));

/** Check the draft with the loader; a valid one is simulated and shown at its frame. */
function show(draft: Draft): void {
  const result = loadScenarioData(SANDBOX_FILE, draft.data);
  if (!result.ok) {
    set({ problems: result.problems });
    return;
  }
  set({ problems: [] });
  playerStore.set((s) => opened(s, result.scenario, 'shared', null, draft.frame));
}

function autosave(): void {
  const s = sandboxStore.get();
  if (!s.open) return;
  const save: SavedSandbox = { data: s.history.present.data, frame: playerStore.get().frame, original: s.original, savedAt: new Date().toISOString() };
  const written = writeAutosave(save);
  set({ storage: written.ok ? null : written.problem });
}

function commit(data: unknown, frame: number, key: string | null = null): void {
  set((s) => ({ history: record(s.history, { data, frame }, key) }));
  show(sandboxStore.get().history.present);
  autosave();
}

/** Open the sandbox on a scenario (a built-in, a link, a file, a restored save, or an empty world). */
export function startSandbox(data: unknown, frame: number, original: Scenario | null): void {
  set({ open: true, history: startHistory<Draft>({ data, frame }), original, problems: [], refused: null, comparing: false, offer: null, announcement: null });
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
  set({ open: false, comparing: false });
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

/** Inject an event at the moment on screen: a fork, re-simulated, shown at the event's first frame. */
export function inject(action: Action, label: string): boolean {
  const p = playerStore.get();
  const s = sandboxStore.get();
  if (!action.event || !p.loaded || !p.timeline) return false;
  const fork = forkWith({ scenario: p.loaded.scenario, timeline: p.timeline, frame: p.frame, event: action.event, keepLater: s.keepLater, afterMinutes: action.afterMinutes });
  if (!fork.ok) {
    set({ refused: { source: label, problems: fork.problems.map(formatProblem), event: true } });
    return false;
  }
  commit(fork.scenario, p.frame, null);
  // Show what the injected step did: its last frame (a step that made no frame shows the moment it happened).
  const after = playerStore.get();
  if (after.timeline) playerStore.set((x) => ({ ...x, frame: lastFrameOfStep(after.timeline!, fork.index), phase: 1, playing: false }));
  set((x) => ({ history: { ...x.history, present: { ...x.history.present, frame: playerStore.get().frame } }, announcement: { key: 'ui.sandbox.injected', params: { event: label, minutes: fork.minutes }, n: ++announced }, refused: null }));
  autosave();
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

export function dismiss(what: 'refused' | 'storage'): void {
  set({ [what]: null } as Partial<SandboxState>);
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
