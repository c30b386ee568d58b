// App-level state besides playback: the shell (embed), a notice about a broken
// link, the scenario data a shared link carries, and a comparison variant.
import { createStore } from './store';

export interface Notice {
  readonly kind: 'badLink' | 'notFound' | 'badFile';
  readonly id?: string;
  readonly problems: readonly string[];
}

export interface AppState {
  readonly embed: boolean;
  readonly notice: Notice | null;
  /** The compressed scenario of a shared link, kept so the address stays shareable. */
  readonly data: string | null;
  readonly compare: string | null;
  /** A built-in scenario being fetched. */
  readonly loading: string | null;
}

export const appStore = createStore<AppState>({ embed: false, notice: null, data: null, compare: null, loading: null });
