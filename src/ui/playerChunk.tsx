// The player is a chunk of its own, so the gallery loads first. Opening a
// scenario fetches it beside the simulation (nav.ts), and once it is in, the
// player is shown without a Suspense round: a lazy component suspends at least
// once and React then holds the revealed content back (about 300 ms), which made
// opening a scenario some 600 ms slower than with the player in the main chunk.
import { lazy, useState, type ComponentType } from 'react';

type PlayerModule = typeof import('./components/Player');

let loaded: PlayerModule | null = null;
let pending: Promise<PlayerModule> | null = null;

/** Fetch the player's chunk (once); resolves when it can be shown without suspending. */
export function loadPlayer(): Promise<PlayerModule> {
  pending ??= import('./components/Player').then((m) => (loaded = m));
  return pending;
}

const LazyPlayer = lazy(() => loadPlayer().then((m) => ({ default: m.Player })));

/** The player: at once when its chunk is in, else through Suspense. Chosen once per mount, so it never remounts midway. */
export function PlayerView() {
  const [Shown] = useState<ComponentType>(() => loaded?.Player ?? LazyPlayer);
  return <Shown />;
}
