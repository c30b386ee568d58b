// Opening a scenario by simulating it on this thread (the embed, for a scenario
// it has no timeline file for). Apart from open.ts so that the engine is loaded
// only by the pages and paths that simulate here (see model/playScenario.ts).
import type { Scenario } from '../../sim';
import { playScenario, RefusedScenario } from '../model/playScenario';
import type { PlaySession } from '../model/session';
import { closed, openedSession, playableVariant } from './open';
import type { LoadedScenario, PlayerState } from './playerState';

/**
 * Simulate in place and open. A scenario the work budget refuses, or whose run
 * passes the hard cap, opens nothing: the state is closed and says why in
 * `refused` (the embed and the sandbox show it).
 */
export function opened(s: PlayerState, scenario: Scenario, source: LoadedScenario['source'], variant: string | null, frame: number | null): PlayerState {
  const v = playableVariant(scenario, variant);
  let session: PlaySession;
  try {
    session = playScenario(scenario, v);
  } catch (err) {
    if (err instanceof RefusedScenario) return { ...closed(s), refused: err.verdict };
    throw err;
  }
  return openedSession(s, scenario, session, source, v, frame);
}
