// A short name for each step of a scenario ("laptop checks for mail"), for the
// timeline's marks, the presenter's bar and notes, and the handout.
import type { TFunction } from 'i18next';
import type { Scenario, Step, Timeline } from '../../sim';
import { folderName } from '../model/placeName';

export function stepName(
  step: Step,
  t: TFunction,
  device: (id: string) => string,
  mailLabel: (id: string) => string,
  customFolder?: (id: string) => string | undefined,
): string {
  const k = (key: string, params: Record<string, unknown> = {}) => t(`ui.lecture.step.${key}`, params);
  switch (step.do) {
    case 'mail.arrive':
      return k('mailArrive', { mail: mailLabel(step.mail.id) });
    case 'mail.burst':
      return k('mailBurst', { count: step.count });
    case 'device.check':
      return k('deviceCheck', { device: device(step.device) });
    case 'device.read':
      return k('deviceRead', { device: device(step.device), mail: mailLabel(step.mail) });
    case 'device.open':
      return k('deviceOpen', { device: device(step.device), mail: mailLabel(step.mail) });
    case 'device.delete':
      return k('deviceDelete', { device: device(step.device), mail: mailLabel(step.mail) });
    case 'device.emptyTrash':
      return k('deviceEmptyTrash', { device: device(step.device) });
    case 'device.move':
      return k('deviceMove', { device: device(step.device), mail: mailLabel(step.mail), folder: folderName(step.folder, t, customFolder) });
    case 'device.send':
      return k('deviceSend', { device: device(step.device), mail: mailLabel(step.mail.id) });
    case 'device.goOffline':
      return k('deviceGoOffline', { device: device(step.device) });
    case 'device.goOnline':
      return k('deviceGoOnline', { device: device(step.device) });
    case 'device.diskFail':
      return k('deviceDiskFail', { device: device(step.device) });
    case 'device.restoreBackup':
      return k('deviceRestoreBackup', { device: device(step.device) });
    case 'server.breach':
      return k('serverBreach');
    case 'server.diskFail':
      return k('serverDiskFail');
    case 'server.restoreBackup':
      return k('serverRestoreBackup');
    case 'server.freeSpace':
      return k('serverFreeSpace', { account: step.account, count: step.count });
    case 'provider.move':
      return k(step.copyMailboxes ? 'providerMoveCopy' : 'providerMoveNoCopy');
    case 'provider.newMailbox':
      return t(`ui.lecture.step.move${!step.copyMailboxes ? 'NewMailboxEmpty' : step.keepUidls ? 'NewMailboxKeep' : 'NewMailboxCopy'}`);
    case 'provider.syncMailboxes':
      return t('ui.lecture.step.moveSync');
    case 'provider.dnsSwitch':
      return t('ui.lecture.step.moveDnsSwitch', { hours: step.ttlHours });
    case 'device.repoint':
      return t('ui.lecture.step.moveRepoint', { device: device(step.device) });
    case 'provider.contractEnd':
      return t('ui.lecture.step.moveContractEnd');
    case 'world.wait':
      return k('worldWait');
    case 'device.configure':
      return t('ui.profile.stepConfigure', { device: device(step.device) });
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
