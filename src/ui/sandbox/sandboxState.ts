// The sandbox's own state, outside React like the player's: the edit history
// of the scenario being built, the original it was forked from, and what the
// user must be told (problems, storage trouble, the event just injected).
import type { Problem, Scenario } from '../../sim';
import { createStore } from '../store/store';
import { startHistory, type History } from './history';
import type { SavedSandbox } from './autosaveCodec';
import type { StorageProblem } from './storage';
import type { SimulationOutcome } from '../worker/simulateOffThread';

/** Why the picture is not the present draft's: the worker refused, failed, or the user stopped it. */
export type SimulationTrouble = Exclude<SimulationOutcome, { kind: 'ok' }>;

/** One state of the sandbox: the scenario as JSON data (maybe mid-edit and invalid) and the moment shown. */
export interface Draft {
  readonly data: unknown;
  readonly frame: number;
}

export interface Announcement {
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
  /** Counts up so the same text twice is announced twice. */
  readonly n: number;
}

export interface SandboxState {
  readonly open: boolean;
  readonly history: History<Draft>;
  readonly original: Scenario | null;
  readonly keepLater: boolean;
  /** The loader's problems with the present draft; empty when it plays. */
  readonly problems: readonly Problem[];
  /** A file or link that was refused, with every problem; the sandbox is unchanged. */
  readonly refused: { readonly source: string; readonly problems: readonly string[]; readonly event?: boolean } | null;
  readonly storage: StorageProblem | null;
  /** An autosave found when the page opened, offered for restoring. */
  readonly offer: SavedSandbox | null;
  readonly announcement: Announcement | null;
  readonly comparing: boolean;
  /** The worker is simulating the present draft; the picture still shows the one before. */
  readonly simulating: boolean;
  readonly trouble: SimulationTrouble | null;
}

export const initialSandbox: SandboxState = {
  open: false,
  history: startHistory<Draft>({ data: null, frame: 0 }),
  original: null,
  keepLater: true,
  problems: [],
  refused: null,
  storage: null,
  offer: null,
  announcement: null,
  comparing: false,
  simulating: false,
  trouble: null,
};

export const sandboxStore = createStore<SandboxState>(initialSandbox);
