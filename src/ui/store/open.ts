// Opening a scenario: simulate it and put the result in the store.
import type { Scenario } from '../../sim';
import { playScenario } from '../model/session';
import type { LoadedScenario, PlayerState } from './playerState';

export function opened(s: PlayerState, scenario: Scenario, source: LoadedScenario['source'], variant: string | null, frame: number | null): PlayerState {
  const v = variant && scenario.variants[variant] ? variant : null;
  const session = playScenario(scenario, v);
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
  };
}

export const closed = (s: PlayerState): PlayerState => ({ ...s, loaded: null, timeline: null, variant: null, frame: 0, phase: 1, playing: false, selectedMail: null, selectedPlace: null });
