// A short name for each step of a scenario ("laptop checks for mail"), for the
// timeline's marks, the presenter's bar and notes, and the handout. Which text
// a step takes and what it carries is decided in stepPhrase.ts.
import type { TFunction } from 'i18next';
import type { Scenario, Step, Timeline } from '../../sim';
import { folderName } from '../model/placeName';
import { stepPhrase } from './stepPhrase';

export function stepName(
  step: Step,
  t: TFunction,
  device: (id: string) => string,
  mailLabel: (id: string) => string,
  customFolder?: (id: string) => string | undefined,
): string {
  const p = stepPhrase(step);
  const who = p.who;
  // In the order the texts were first written with (device, then mail, then folder).
  const params: Record<string, unknown> = {};
  if (who && typeof who === 'object' && 'device' in who) params.device = device(who.device);
  if (who && typeof who === 'object' && 'account' in who) params.account = who.account;
  if (p.mail !== undefined) params.mail = mailLabel(p.mail);
  if (p.folder !== undefined) params.folder = folderName(p.folder, t, customFolder);
  switch (p.key) {
    // A loaded step always has its folder; these texts do not say whether it is a local one.
    case 'deviceMoveLocal':
    case 'deviceMoveSomewhere':
      return t('ui.lecture.step.deviceMove', params);
    case 'deviceConfigure':
    case 'deviceNewAccount':
      return t('ui.profile.stepConfigure', { device: params.device });
    case 'moveDnsSwitch':
      return t('ui.lecture.step.moveDnsSwitch', { hours: p.count });
    default:
      if (p.count !== undefined) params.count = p.count;
      return t(`ui.lecture.step.${p.key}`, params);
  }
}

/**
 * One name per timeline mark (a step's first frame, as the player's marks are
 * made): the names of every scenario step that begins there, joined.
 */
export function markNames(timeline: Timeline, scenario: Scenario, marks: readonly number[], name: (step: Step) => string): string[] {
  return marks.map((m) =>
    scenario.steps
      .map((step, i) => (timeline.stepStarts[i] === m ? name(step) : null))
      .filter((x): x is string => x !== null)
      .join(' · '),
  );
}
