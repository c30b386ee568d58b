// The words and states the picture shows for one frame: region titles, device
// states, quota gauges. Combines the layout and scene with the frame's metrics.
import type { TFunction } from 'i18next';
import { accountOfMailbox, devicesAtFrame, NEW_PROVIDER_SUFFIX, portOf, tlsModeOf, type Frame, type Metrics, type Scenario } from '../../sim';
import type { Lang } from '../store/playerState';
import type { TimelineIndex } from '../model/timelineIndex';
import { folderName, folderNamer, mailboxNamer, mailSubject, placeName } from '../model/placeName';
import { accountNames, deviceNames } from '../../i18n/names';
import { formatBytes, formatNumber, simTimeParts } from '../i18n/format';
import type { Layout } from './layout';
import type { CountBadge, Scene } from './scene';
import type { FolderView, GaugeView, PictureModel, RegionView, RegionStatus } from './render';
import { emptyStory, type Story } from './story';
import { iconForDevice, type IconKind } from './deviceIcons';

export interface PictureInput {
  readonly scenario: Scenario;
  readonly frame: Frame;
  /** Mails with no copy left (cheap, exact per frame). */
  readonly lost: readonly string[];
  /** What each device can show; may lag a little behind while playing (it is costly to compute). */
  readonly views: Metrics['views'] | null;
  readonly layout: Layout;
  readonly scene: Scene;
  readonly index: TimelineIndex;
  readonly selectedMail: string | null;
  readonly lang: Lang;
  readonly t: TFunction;
  /** What changed in the step so far (paths, changed copies, removed copies). */
  readonly story?: Story;
}

const REGION_ICONS: Record<string, IconKind> = { server: 'server', sender: 'internet', serverBackup: 'backup', intruder: 'intruder', lost: 'lost' };

export function deviceNamer(scenario: Scenario, lang: Lang): (id: string) => string {
  return deviceNames(scenario.world, lang);
}

export function flagText(flags: number, t: TFunction, extra: { headersOnly?: boolean; dup?: number } = {}): string {
  const parts: string[] = [];
  parts.push(flags & 8 ? t('ui.flags.Seen') : t('ui.flags.none'));
  if (flags & 1) parts.push(t('ui.flags.Answered'));
  if (flags & 2) parts.push(t('ui.flags.Flagged'));
  if (flags & 4) parts.push(t('ui.flags.Deleted'));
  if (flags & 16) parts.push(t('ui.flags.Draft'));
  if (extra.headersOnly) parts.push(t('ui.flags.headersOnly'));
  if (extra.dup) parts.push(t('ui.flags.dup'));
  return parts.join(', ');
}

export function timeText(minutes: number, lang: Lang, t: TFunction): string {
  return t('ui.time.at', simTimeParts(minutes, lang));
}

/**
 * A count badge's words, kept with the badge and what they were made with: a
 * place the change did not touch keeps its badge from change to change
 * (scene.ts), so its words are made once, not for every frame's model.
 */
const badgeWordsKept = new WeakMap<CountBadge, { t: TFunction; scenario: Scenario; lang: Lang; byProvider: boolean; text: string; title: string }>();

export function buildPictureModel(p: PictureInput): PictureModel {
  const { scenario, frame, lost, views, layout, scene, index, t, lang } = p;
  const state = frame.state;
  const name = deviceNamer(scenario, lang);
  const custom = folderNamer(scenario, lang);
  const named = mailboxNamer(t, accountNames(scenario.world));
  // More than one mailbox column: several accounts, or both providers' mailboxes during a move over days.
  const columns = layout.gauges.length > 1;
  // While both providers' mailboxes exist (rule 87); before and after, one server holds the account.
  const moving = layout.gauges.some((g) => g.account.endsWith(NEW_PROVIDER_SUFFIX) && state.usage.has(g.account));
  // With one account, the two columns of a move are named by provider, short enough for a column's width.
  const byProvider = moving && scenario.world.accounts.length === 1;
  const account = (id: string) => (byProvider ? t(id.endsWith(NEW_PROVIDER_SUFFIX) ? 'ui.picture.newProvider' : 'ui.picture.oldProvider') : named(id));
  const server = scenario.world.server;
  const kinds = new Map(scenario.world.devices.map((d) => [d.id, d.kind]));
  // The device acting in this frame is outlined, so the eye finds who did it.
  const regions: RegionView[] = layout.regions.map((region): RegionView => {
    const view = regionView(region);
    const icon = region.kind === 'device' || region.kind === 'webmail' ? iconForDevice(kinds.get(region.id) ?? 'desktop') : REGION_ICONS[region.kind];
    const active = (region.kind === 'device' || region.kind === 'webmail') && frame.actor === region.id && frame.index > 0;
    return { ...view, icon, active };
  });
  function regionView(region: Layout['regions'][number]): Omit<RegionView, 'icon' | 'active'> {
    switch (region.kind) {
      case 'server':
        return {
          region,
          // After a provider move the picture shows the new provider's server, not the old name.
          title: t(state.serverDown ? 'ui.picture.serverDown' : moving ? 'ui.picture.serverMoving' : state.serverGeneration > 1 ? 'ui.picture.serverNew' : 'ui.picture.server', { name: server.name }),
          subtitle: t('ui.picture.serverSub', { country: server.country }),
          status: state.serverDown ? 'down' : state.breached ? 'breached' : 'ok',
          visible: true,
        };
      case 'sender':
        return { region, title: t('ui.picture.sender'), subtitle: t('ui.picture.senderSub'), status: 'ok', visible: true };
      case 'serverBackup':
        return { region, title: t('ui.picture.serverBackup'), subtitle: t(server.backup === 'daily' ? 'ui.picture.serverBackupSub' : 'ui.picture.serverBackupNone'), status: 'ok', visible: true };
      case 'intruder':
        return { region, title: t('ui.picture.intruder'), subtitle: t('ui.picture.intruderSub'), status: state.breached ? 'breached' : 'idle', visible: state.breached || (state.places.get('intruder')?.size ?? 0) > 0 };
      case 'lost':
        return { region, title: t('ui.picture.lost'), subtitle: t('ui.picture.lostSub'), status: lost.length ? 'failed' : 'idle', note: lost.length ? '' : t('ui.picture.lostEmpty'), visible: true };
      case 'webmail': {
        const view = views?.find((v) => v.device === region.id);
        return {
          region,
          title: name(region.id),
          subtitle: t('ui.picture.webmailNote'),
          status: state.serverDown ? 'offline' : 'ok',
          note: view ? t('ui.picture.webmailShows', { shows: formatNumber(view.shows, lang), of: formatNumber(view.of, lang) }) : '',
          visible: true,
        };
      }
      case 'device': {
        // As configured at this frame: a device.configure step may have changed its protocol.
        const d = devicesAtFrame(scenario.world, scenario.steps, index.stepStarts, frame.index).find((x) => x.id === region.id)!;
        const rt = state.devices.get(region.id);
        const status: RegionStatus = rt?.diskFailed ? 'failed' : rt && !rt.online ? 'offline' : 'ok';
        const port = portOf(d.protocol === 'pop3' ? 'pop3' : 'imap', tlsModeOf(d.tls));
        const bits = [t('ui.picture.device', { protocol: d.protocol.toUpperCase(), port }), t(status === 'failed' ? 'ui.picture.diskFailed' : status === 'offline' ? 'ui.picture.offline' : 'ui.picture.online')];
        if (d.backup === 'daily') bits.push(t('ui.picture.backupOn'));
        return { region, title: name(region.id), subtitle: bits.join(' · '), status, visible: true };
      }
    }
  }

  const folders: FolderView[] = [...new Set(layout.folders.values())]
    .filter((box) => box.place !== layout.lostPlace && box.place !== 'intruder')
    .map((box) => {
      const replaced = index.replaced.get(box.place);
      // A replaced POP3 account's folder is named as the old account's from the switch on (rule 80).
      let label = folderName(replaced && frame.index >= replaced.from ? replaced.by.split('/').slice(2).join('/') : box.name, t, custom);
      if (box.place === 'queue') label = t('ui.picture.queue');
      else if (box.place.startsWith('queue/')) label = t('ui.places.senderQueue', { domain: box.place.slice('queue/'.length) });
      else if (box.place.startsWith('backup/server/')) {
        // The provider's backup of one account's folder: named like the server's own folders.
        const [acc, ...folder] = box.place.slice('backup/server/'.length).split('/');
        label = folderName(folder.join('/'), t, custom);
        if (columns) label = `${label} (${account(acc)})`;
      } else if (box.place.startsWith('backup/')) label = t('ui.picture.backupOf', { folder: folderName(box.name, t, custom) });
      else if (box.place.startsWith('server/') && columns && box.name === 'INBOX') label = `${folderName(box.name, t, custom)} (${account(box.place.split('/')[1])})`;
      return { box, label };
    });

  // The new provider's column has a gauge only while its mailbox exists (after the contract's end the account's own column is the new provider's).
  const gauges: GaugeView[] = layout.gauges.filter((g) => !g.account.endsWith(NEW_PROVIDER_SUFFIX) || state.usage.has(g.account)).map((g) => {
    const u = state.usage.get(g.account);
    // The new provider's mailbox has the account's quota (rule 87).
    const quota = scenario.world.accounts.find((a) => a.id === accountOfMailbox(g.account))?.quota;
    const used = u?.bytes ?? 0;
    const byBytes = quota?.storageKB ? quota.storageKB * 1024 : null;
    const byCount = quota?.messages ?? null;
    const fraction = byBytes ? used / byBytes : byCount ? (u?.messages ?? 0) / byCount : null;
    const text =
      byBytes !== null
        ? t('ui.picture.gaugeQuota', { account: account(g.account), used: formatBytes(used, lang), quota: formatBytes(byBytes, lang) })
        : byCount !== null
          ? t('ui.picture.gaugeQuota', { account: account(g.account), used: formatNumber(u?.messages ?? 0, lang), quota: formatNumber(byCount, lang) })
          : t('ui.picture.gaugeNoQuota', { account: account(g.account), used: formatBytes(used, lang) });
    const level = fraction === null ? 'ok' : fraction >= 1 ? 'full' : fraction >= 0.8 ? 'high' : 'ok';
    return { account: g.account, x: g.x, y: g.y, w: g.w, fraction, text, level };
  });

  const badgeWords = (b: CountBadge) => {
    const w = badgeWordsKept.get(b);
    if (w && w.t === t && w.scenario === scenario && w.lang === lang && w.byProvider === byProvider) return w;
    const made = { t, scenario, lang, byProvider, text: t('ui.picture.badge', { count: b.hidden }), title: t('ui.picture.badgeTitle', { total: b.total, count: b.hidden, folder: placeName(b.place, t, name, account, custom) }) };
    badgeWordsKept.set(b, made);
    return made;
  };
  const copies = scene.tokens.filter((d) => d.place !== layout.lostPlace).length;
  return {
    layout,
    regions,
    folders,
    gauges,
    scene,
    styles: index.styles,
    selectedMail: p.selectedMail,
    story: p.story ?? emptyStory,
    tokenTitle: (d) =>
      t('ui.picture.tokenTitle', {
        label: index.styles.get(d.mail)?.label ?? d.mail,
        subject: mailSubject(scenario, index.mails, d.mail, lang) ?? d.mail,
        place: placeName(d.place, t, name, account, custom),
        flags: flagText(d.flags, t, { headersOnly: d.headersOnly, dup: d.dup }),
      }),
    // Remembered per badge: the player makes them while preparing a change between animation frames (Picture.tsx), so drawing the badges only writes them.
    badgeText: (b) => badgeWords(b).text,
    badgeTitle: (b) => badgeWords(b).title,
    title: t('ui.picture.title', { scenario: scenario.title[lang], time: timeText(frame.time, lang, t) }),
    description: t('ui.picture.description', { copies, mails: state.mails.size, lost: lost.length }),
    lang,
  };
}
