// Everything the player shows is a function of this one value.
import type { BudgetVerdict, Scenario, Timeline } from '../../sim';

export type Lang = 'de' | 'en';
export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8] as const;

export interface LoadedScenario {
  /** Where it came from: a built-in id, or "shared" for one carried in the URL. */
  readonly source: 'builtin' | 'shared';
  readonly scenario: Scenario;
}

export interface PlayerState {
  readonly loaded: LoadedScenario | null;
  readonly variant: string | null;
  readonly timeline: Timeline | null;
  /** The frame on screen. */
  readonly frame: number;
  /** 0..1: how far the change into `frame` has progressed (1 = settled). */
  readonly phase: number;
  readonly playing: boolean;
  readonly speed: number;
  readonly lang: Lang;
  readonly selectedMail: string | null;
  readonly selectedPlace: string | null;
  readonly reducedMotion: boolean;
  readonly helpOpen: boolean;
  readonly tableOpen: boolean;
  /** The last scenario asked to open here was refused by the work budget or stopped at the hard cap (nothing is open then). */
  readonly refused?: Extract<BudgetVerdict, { ok: false }> | null;
}

export const initialPlayerState: PlayerState = {
  loaded: null,
  variant: null,
  timeline: null,
  frame: 0,
  phase: 1,
  playing: false,
  speed: 1,
  lang: 'en',
  selectedMail: null,
  selectedPlace: null,
  reducedMotion: false,
  helpOpen: false,
  tableOpen: false,
};
