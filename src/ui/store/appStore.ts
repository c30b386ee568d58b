// App-level state besides playback: the shell (embed), a notice about a broken
// link, the scenario data a shared link carries, and a comparison variant.
import type { BudgetVerdict } from '../../sim';
import { createStore } from './store';

export interface Notice {
  /** tooMuch: refused by the work budget; cancelled / failed: the simulation did not finish. */
  readonly kind: 'badLink' | 'notFound' | 'badFile' | 'tooMuch' | 'cancelled' | 'failed';
  readonly id?: string;
  readonly problems: readonly string[];
  /** The file or link a tooMuch notice is about, and the verdict to say in the reader's language. */
  readonly file?: string;
  readonly verdict?: Extract<BudgetVerdict, { ok: false }>;
  readonly message?: string;
}

export interface AppState {
  readonly embed: boolean;
  readonly notice: Notice | null;
  /** The compressed scenario of a shared link, kept so the address stays shareable. */
  readonly data: string | null;
  readonly compare: string | null;
  /**
   * The scenario the page's address named when it was opened, while it is still
   * fetched and simulated: its id, or "link" for a shared link. Until it is
   * shown, the page says so instead of showing the gallery (nav.ts, landing).
   */
  readonly loading: string | null;
}

export const appStore = createStore<AppState>({ embed: false, notice: null, data: null, compare: null, loading: null });
