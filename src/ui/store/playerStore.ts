// The app's single player store, and the commands the UI sends to it.
import { createStore } from './store';
import { initialPlayerState, type PlayerState } from './playerState';

export const playerStore = createStore<PlayerState>(initialPlayerState);

/** Apply a pure command to the store: `send(stepMicro, 1)`. */
export function send<A extends unknown[]>(command: (s: PlayerState, ...args: A) => PlayerState, ...args: A): void {
  playerStore.set((s) => command(s, ...args));
}
