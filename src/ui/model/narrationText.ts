// The simulation's narration in the reader's language, rendered the one way
// the CLI and the tests render it too (src/i18n/renderNarration.ts), with the
// names the picture uses for devices, accounts and mails.
import type { TFunction } from 'i18next';
import type { Narration, Scenario } from '../../sim';
import type { Lang } from '../store/playerState';
import type { TimelineIndex } from './timelineIndex';
import { renderNarration } from '../../i18n/renderNarration';
import { dataTexts, namesFor, type Names } from '../../i18n/names';

export type { Names } from '../../i18n/names';

/** The names of a played scenario: its device labels, account addresses and the picture's mail numbers. */
export function playerNames(scenario: Scenario, index: Pick<TimelineIndex, 'mails' | 'styles'>, lang: Lang): Names {
  return namesFor(scenario.world, lang, index.mails, index.styles, dataTexts(scenario));
}

export function narrate(n: Narration, t: TFunction, lang: Lang, names: Names, fallback: string): string {
  return renderNarration(n, t, lang, names, fallback);
}
