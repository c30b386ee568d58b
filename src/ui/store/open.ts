// Opening a scenario: put a simulated session in the store (the worker
// simulates it; `opened` in openBySimulating.ts simulates in place).
import type { Scenario } from '../../sim';
import type { PlaySession } from '../model/session';
import type { LoadedScenario, PlayerState } from './playerState';

/** The variant to play: the one asked for if the scenario has it. */
export const playableVariant = (scenario: Scenario, variant: string | null) => (variant && scenario.variants[variant] ? variant : null);

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
