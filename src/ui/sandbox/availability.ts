// Which events can happen to what was clicked, at the moment on screen. Pure:
// (scenario, the state at that moment, the target) → actions, each either
// available or disabled with the reason. An event the world allows but that
// will fail (checking mail while offline) stays available: the failure is the
// lesson, and the simulation shows it as it would happen.
import { parseDevicePlace, parseServerPlace, folderIds, type Scenario, type WorldState } from '../../sim';
import type { Event } from './forkAt';

export type Target = { kind: 'device'; device: string } | { kind: 'server' } | { kind: 'mail'; mail: string; place: string } | { kind: 'time' };

export interface Action {
  /** Stable id, also the test id of the menu item. */
  readonly id: string;
  /** i18n key under ui.sandbox.action and its parameters. */
  readonly label: string;
  readonly params?: Readonly<Record<string, string | number>>;
  /** null: available. Otherwise the i18n key (under ui.sandbox.reason) saying why not. */
  readonly disabled: string | null;
  readonly reasonParams?: Readonly<Record<string, string | number>>;
  /** An i18n key (under ui.sandbox.hint) for what will happen, e.g. that it will fail. */
  readonly hint?: string;
  readonly event: Event | null;
  readonly afterMinutes?: number;
  /** Chosen, it opens a form that makes the event (the settings to change) instead of happening at once. */
  readonly form?: 'configure';
}

export interface Moment {
  readonly scenario: Scenario;
  readonly state: Pick<WorldState, 'devices' | 'breached' | 'serverDown' | 'places' | 'usage'>;
  /** Minutes from the moment on screen to the original's next step (null: none or not kept). */
  readonly untilNextStep: number | null;
}

const SEEN = 8;
const DELETED = 4;
const SERVER_FOLDERS = ['INBOX', 'Sent', 'Drafts', 'Trash', 'Archive'];
const POP3_FOLDERS = ['Inbox'];
export const WAITS = [10, 60, 6 * 60, 24 * 60, 3 * 24 * 60] as const;
export const BURST = { count: 10, everyMinutes: 60 } as const;
export const SENDER = 'sender@example.com';
export const OUTSIDE = 'friend@example.net';

const ok = (id: string, label: string, event: Event, extra: Partial<Action> = {}): Action => ({ id, label, disabled: null, event, ...extra });
const no = (id: string, label: string, reason: string, extra: Partial<Action> = {}): Action => ({ id, label, disabled: reason, event: null, ...extra });

/** Ids the scenario's steps already give mails (a burst gives PREFIX1…PREFIXn). */
export function usedMailIds(s: Scenario): Set<string> {
  const ids = new Set<string>();
  for (const step of s.steps) {
    if (step.do === 'mail.arrive' || step.do === 'device.send') ids.add(step.mail.id);
    if (step.do === 'mail.burst') for (let k = 1; k <= step.count; k++) ids.add(`${step.prefix}${k}`);
  }
  return ids;
}

export function freshMailId(s: Scenario): string {
  const used = usedMailIds(s);
  for (let k = used.size + 1; ; k++) if (!used.has(`m${k}`)) return `m${k}`;
}

export function freshBurstPrefix(s: Scenario): string {
  const used = [...usedMailIds(s)];
  for (let k = 1; ; k++) {
    const p = `burst${k}-`;
    if (!used.some((id) => id.startsWith(p))) return p;
  }
}

function deviceActions(m: Moment, id: string): Action[] {
  const d = m.scenario.world.devices.find((x) => x.id === id);
  if (!d) return [];
  const status = m.state.devices.get(id) ?? { online: d.online, diskFailed: false };
  const web = d.kind === 'webmail';
  const mail = freshMailId(m.scenario);
  const offlineHint = !status.online ? { hint: 'offline' } : m.state.serverDown ? { hint: 'serverDown' } : {};
  return [
    ok('check', 'check', { do: 'device.check', device: id, dropBeforeQuit: false }, offlineHint),
    web ? no('goOffline', 'goOffline', 'webmailOffline') : status.online ? ok('goOffline', 'goOffline', { do: 'device.goOffline', device: id }) : no('goOffline', 'goOffline', 'alreadyOffline'),
    status.online ? no('goOnline', 'goOnline', 'alreadyOnline') : ok('goOnline', 'goOnline', { do: 'device.goOnline', device: id }),
    ok('send', 'send', { do: 'device.send', device: id, mail: { id: mail, to: [], toAddress: OUTSIDE, subject: `Mail ${mail}`, sizeKB: 4 }, bccSelf: false }, { params: { to: OUTSIDE }, ...(!status.online ? { hint: 'outbox' } : {}) }),
    ok('emptyTrash', 'emptyTrash', { do: 'device.emptyTrash', device: id }),
    web ? no('diskFail', 'diskFail', 'webmailNoDisk') : status.diskFailed ? no('diskFail', 'diskFail', 'diskAlreadyFailed') : ok('diskFail', 'diskFail', { do: 'device.diskFail', device: id }),
    web ? no('restoreBackup', 'restoreBackup', 'webmailNoDisk') : d.backup === 'none' ? no('restoreBackup', 'restoreBackup', 'noDeviceBackup') : ok('restoreBackup', 'restoreBackup', { do: 'device.restoreBackup', device: id }),
    web ? no('changeSetting', 'changeSetting', 'webmailSettings') : { id: 'changeSetting', label: 'changeSetting', disabled: null, event: null, form: 'configure' },
    // A provider move over days: the user re-points this device (rule 91).
    !moveStage(m.scenario).opened
      ? no('repoint', 'repoint', 'moveNeedsMailbox')
      : m.scenario.steps.some((x) => x.do === 'device.repoint' && x.device === id)
        ? no('repoint', 'repoint', 'alreadyRepointed')
        : ok('repoint', 'repoint', { do: 'device.repoint', device: id }),
  ];
}

/** How far the scenario's move over days has come (any step of the file counts; the loader checks the order and names what is early). */
function moveStage(s: Scenario) {
  const has = (kind: string) => s.steps.some((x) => x.do === kind);
  return { inOneGo: has('provider.move'), opened: has('provider.newMailbox'), switched: has('provider.dnsSwitch'), ended: has('provider.contractEnd') };
}

/** A provider move over days, one step at a time (rules 87–92); each is offered once the one before it is there. */
function moveOverDaysActions(s: Scenario): Action[] {
  const st = moveStage(s);
  const open = st.inOneGo ? 'moveInOneGo' : st.opened ? 'moveAlreadyOpened' : null;
  return [
    open ? no('moveNewMailbox', 'moveNewMailbox', open) : ok('moveNewMailbox', 'moveNewMailbox', { do: 'provider.newMailbox', copyMailboxes: true, keepUidls: false }),
    !st.opened ? no('moveDnsSwitch', 'moveDnsSwitch', 'moveNeedsMailbox') : st.switched ? no('moveDnsSwitch', 'moveDnsSwitch', 'moveAlreadySwitched') : ok('moveDnsSwitch', 'moveDnsSwitch', { do: 'provider.dnsSwitch', ttlHours: 24 }),
    !st.opened ? no('moveSync', 'moveSync', 'moveNeedsMailbox') : st.ended ? no('moveSync', 'moveSync', 'moveEnded') : ok('moveSync', 'moveSync', { do: 'provider.syncMailboxes' }),
    !st.switched ? no('moveContractEnd', 'moveContractEnd', 'moveNeedsSwitch') : st.ended ? no('moveContractEnd', 'moveContractEnd', 'moveEnded') : ok('moveContractEnd', 'moveContractEnd', { do: 'provider.contractEnd' }, { hint: 'moveAfterTtl' }),
  ];
}

function serverActions(m: Moment): Action[] {
  const s = m.scenario;
  const out: Action[] = [];
  const mail = freshMailId(s);
  const prefix = freshBurstPrefix(s);
  for (const a of s.world.accounts) {
    const hint = m.state.serverDown ? { hint: 'serverDown' } : {};
    out.push(ok(`arrive-${a.id}`, 'arrive', { do: 'mail.arrive', mail: { id: mail, from: SENDER, to: [a.id], subject: `Mail ${mail}`, sizeKB: 4 } }, { params: { account: a.address }, ...hint }));
    out.push(
      ok(`burst-${a.id}`, 'burst', { do: 'mail.burst', prefix, count: BURST.count, everyMinutes: BURST.everyMinutes, from: SENDER, to: [a.id], sizeKB: 4 }, { params: { account: a.address, count: BURST.count }, ...hint }),
    );
  }
  out.push(m.state.breached ? no('breach', 'breach', 'alreadyBreached') : ok('breach', 'breach', { do: 'server.breach' }));
  out.push(m.state.serverDown ? no('serverDiskFail', 'serverDiskFail', 'serverAlreadyDown') : ok('serverDiskFail', 'serverDiskFail', { do: 'server.diskFail' }));
  out.push(s.world.server.backup === 'none' ? no('serverRestore', 'serverRestore', 'noServerBackup') : ok('serverRestore', 'serverRestore', { do: 'server.restoreBackup' }));
  out.push(ok('moveCopy', 'providerMoveCopy', { do: 'provider.move', copyMailboxes: true }));
  out.push(ok('moveEmpty', 'providerMoveEmpty', { do: 'provider.move', copyMailboxes: false }));
  out.push(...moveOverDaysActions(s));
  for (const a of s.world.accounts) {
    const messages = m.state.usage.get(a.id)?.messages ?? 0;
    out.push(messages > 0 ? ok(`free-${a.id}`, 'freeSpace', { do: 'server.freeSpace', account: a.id, count: Math.min(5, messages) }, { params: { account: a.address, count: Math.min(5, messages) } }) : no(`free-${a.id}`, 'freeSpace', 'nothingToFree', { params: { account: a.address, count: 5 } }));
  }
  return out;
}

function timeActions(m: Moment): Action[] {
  return WAITS.map((minutes) => {
    const id = `wait-${minutes}`;
    const label = minutes < 60 ? 'waitMinutes' : minutes < 24 * 60 ? 'waitHours' : 'waitDays';
    const count = minutes < 60 ? minutes : minutes < 24 * 60 ? minutes / 60 : minutes / (24 * 60);
    if (m.untilNextStep !== null && minutes > m.untilNextStep) return no(id, label, 'waitPastNextStep', { params: { count }, reasonParams: { count: m.untilNextStep } });
    return ok(id, label, { do: 'world.wait' }, { params: { count }, afterMinutes: minutes });
  });
}

/** The folders a device can move a mail to, by id: on the server (IMAP) or in its own store (POP3, or IMAP's local folders). */
export function folderChoices(s: Scenario, deviceId: string, local: boolean): string[] {
  const d = s.world.devices.find((x) => x.id === deviceId);
  if (!d) return [];
  if (d.protocol === 'pop3') return [...POP3_FOLDERS, ...folderIds(d.localFolders)];
  return local ? folderIds(d.localFolders) : [...SERVER_FOLDERS, ...folderIds(s.world.folders)];
}

function copyFlags(m: Moment, mail: string, place: string): number {
  for (const c of m.state.places.get(place)?.values() ?? []) if (c.mail === mail) return c.flags;
  return 0;
}

/** What a device can do with its copy of a mail (or with the server's copy, over IMAP). */
function mailActionsOn(m: Moment, deviceId: string, mail: string, flags: number, folder: string, prefix: string): Action[] {
  const d = m.scenario.world.devices.find((x) => x.id === deviceId)!;
  const out: Action[] = [];
  const p = { device: deviceId };
  out.push(ok(`${prefix}open`, 'open', { do: 'device.open', device: deviceId, mail }, { params: p }));
  out.push(flags & SEEN ? no(`${prefix}read`, 'read', 'alreadyRead', { params: p }) : ok(`${prefix}read`, 'read', { do: 'device.read', device: deviceId, mail }, { params: p }));
  out.push(flags & DELETED ? no(`${prefix}delete`, 'delete', 'alreadyDeleted', { params: p }) : ok(`${prefix}delete`, 'delete', { do: 'device.delete', device: deviceId, mail }, { params: p }));
  const targets: Array<{ folder: string; local: boolean }> = [];
  if (d.protocol === 'imap') {
    for (const f of [...SERVER_FOLDERS, ...folderIds(m.scenario.world.folders)]) if (f !== folder) targets.push({ folder: f, local: false });
    if (d.kind !== 'webmail') for (const f of folderIds(d.localFolders)) targets.push({ folder: f, local: true });
  } else {
    for (const f of [...POP3_FOLDERS, ...folderIds(d.localFolders)]) if (f !== folder) targets.push({ folder: f, local: false });
  }
  for (const t of targets)
    out.push(ok(`${prefix}move-${t.local ? 'local-' : ''}${t.folder}`, t.local ? 'moveLocal' : 'move', { do: 'device.move', device: deviceId, mail, folder: t.folder, local: t.local }, { params: { ...p, folder: t.folder } }));
  if (targets.length === 0) out.push(no(`${prefix}move`, 'moveNowhere', 'noOtherFolder', { params: p }));
  return out;
}

function mailActions(m: Moment, mail: string, place: string): Action[] {
  const flags = copyFlags(m, mail, place);
  const onDevice = parseDevicePlace(place);
  if (onDevice) return mailActionsOn(m, onDevice.device, mail, flags, onDevice.folder, '');
  const onServer = parseServerPlace(place);
  if (onServer) {
    const readers = m.scenario.world.devices.filter((d) => d.account === onServer.account && d.protocol === 'imap');
    if (!readers.length) return [no('serverCopy', 'serverCopy', 'noImapReader')];
    return readers.flatMap((d) => mailActionsOn(m, d.id, mail, flags, onServer.folder, `${d.id}-`));
  }
  return [no('unreachable', 'unreachable', 'notReachable', { params: { place } })];
}

export function actionsFor(m: Moment, target: Target): Action[] {
  switch (target.kind) {
    case 'device':
      return deviceActions(m, target.device);
    case 'server':
      return serverActions(m);
    case 'time':
      return timeActions(m);
    case 'mail':
      return mailActions(m, target.mail, target.place);
  }
}
