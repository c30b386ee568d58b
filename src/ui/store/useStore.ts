import { useSyncExternalStore } from 'react';
import type { Store } from './store';

/** Subscribe a component to one slice of the store; it re-renders only when that slice changes. */
export function useSelector<S, T>(store: Store<S>, select: (s: S) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.get()), () => select(store.get()));
}
