// Opening a scenario: put a simulated session in the store (the worker
// simulates it; `opened` simulates in place, for tests and tools).
import type { Scenario } from '../../sim';
import { playScenario, RefusedScenario, type PlaySession } from '../model/session';
import type { LoadedScenario, PlayerState } from './playerState';

/** The variant to play: the one asked for if the scenario has it. */
export const playableVariant = (scenario: Scenario, variant: string | null) => (variant && scenario.variants[variant] ? variant : null);

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

export function openedSession(s: PlayerState, scenario: Scenario, session: PlaySession, source: LoadedScenario['source'], v: string | null, frame: number | null): PlayerState {
  const last = session.timeline.frames.length - 1;
  return {
    ...s,
    loaded: { source, scenario },
    variant: v,
    timeline: session.timeline,
    frame: Math.max(0, Math.min(last, frame ?? 0)),
    phase: 1,
    playing: false,
    selectedMail: null,
    selectedPlace: null,
    refused: null,
  };
}

export const closed = (s: PlayerState): PlayerState => ({ ...s, loaded: null, timeline: null, variant: null, frame: 0, phase: 1, playing: false, selectedMail: null, selectedPlace: null, refused: null });
