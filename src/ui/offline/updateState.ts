// Whether a new version of the site is waiting (its service worker installed,
// not yet in charge) and whether the reader put the prompt aside for now.
import { createStore } from '../store/store';

export interface UpdateState {
  readonly waiting: boolean;
  readonly dismissed: boolean;
}

export const updateStore = createStore<UpdateState>({ waiting: false, dismissed: false });

export const newVersionWaiting = (): UpdateState => ({ waiting: true, dismissed: false });
export const dismissed = (s: UpdateState): UpdateState => ({ ...s, dismissed: true });
export const showPrompt = (s: UpdateState): boolean => s.waiting && !s.dismissed;
