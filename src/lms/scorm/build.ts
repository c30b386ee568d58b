// One call from scenarios to a SCORM 1.2 zip, for the CLI and the app alike:
// simulate each scenario, build the lesson, draw its pictures, package it.
import type { TFunction } from 'i18next';
import { simulate, type Scenario } from '../../sim';
import type { LessonSource } from './lesson';
import type { Lang } from '../../i18n/names';
import { buildLesson, type PerLang } from './lesson';
import { frameDrawer } from './drawFrames';
import { packageFiles, zipPackage, type LaunchAssets } from './scormPackage';

export interface ScormInput {
  /** Scenarios to simulate here, or runs already simulated (the player's, with its variant). */
  readonly scenarios: readonly (Scenario | LessonSource)[];
  readonly lang: Lang;
  readonly ts: PerLang<TFunction>;
  /** A document to draw the pictures in (with the app's style sheet loaded). */
  readonly doc: Document;
  readonly assets: LaunchAssets;
}

export function scormFiles({ scenarios, lang, ts, doc, assets }: ScormInput): Map<string, string> {
  const sources = scenarios.map((x): LessonSource => ('timeline' in x ? x : { scenario: x, timeline: simulate(x) }));
  const { lesson, pictures } = buildLesson(sources, ts, lang, frameDrawer(sources, ts, doc));
  return packageFiles(lesson, pictures, assets, `mail-sync-sandbox-${sources.map((s) => s.scenario.id).join('-')}`.slice(0, 120));
}

export function scormZip(input: ScormInput): Uint8Array {
  return zipPackage(scormFiles(input));
}
