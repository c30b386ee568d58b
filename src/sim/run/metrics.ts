// The outcome figures of a frame, computed from its complete state: where
// every mail's copies are, what is lost, deleted or bounced, server usage
// against quota, what a break-in would expose, and how complete each device's
// view of its mailbox is.
import type { Scenario, World } from '../scenario/schema';
import { Timeline, type Frame } from '../timeline';
import { isQueue, newProviderMailbox, placeKind, type PlaceId } from '../model/places';
import { isLost, type WorldState } from '../model/state';
import type { DeviceView, MailWhereabouts, Metrics } from '../metrics.types';
import { tlsModeOf } from '../protocol/tls';
import { mailboxUsage } from '../figures/usage';

type Source = Timeline | Scenario | World;

function worldOf(source: Source): World {
  if (source instanceof Timeline) return source.world;
  return 'world' in source ? source.world : source;
}

export function metricsOf(frame: Frame, source: Source): Metrics {
  return metricsOfState(frame.state, worldOf(source));
}

export function metricsOfState(s: WorldState, world: World): Metrics {
  const perMail = new Map<string, Map<PlaceId, number>>();
  for (const [place, folder] of s.places) {
    for (const copy of folder.values()) {
      let m = perMail.get(copy.mail);
      if (!m) perMail.set(copy.mail, (m = new Map()));
      m.set(place, (m.get(place) ?? 0) + 1);
    }
  }
  const mails: MailWhereabouts[] = [];
  for (const id of s.mails.keys()) {
    const where = perMail.get(id) ?? new Map<PlaceId, number>();
    const places = [...where.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([place, copies]) => ({ place, copies }));
    const owned = places.some((p) => placeKind(p.place) !== 'intruder');
    const status: MailWhereabouts['status'] = [...where.keys()].some(isQueue)
      ? 'queued'
      : s.bounced.has(id)
        ? 'bounced'
        : owned
          ? 'present'
          : s.deletedByUser.has(id)
            ? 'deleted'
            : 'lost';
    mails.push({ mail: id, places, status });
  }
  const statusOf = new Map(mails.map((m) => [m.mail, m.status]));

  const usage = mailboxUsage(world, s);

  const exposedMails = new Set<string>();
  const exposedPlaces: PlaceId[] = [];
  if (!s.serverDown) {
    for (const [place, folder] of s.places) {
      if (placeKind(place) !== 'server' || folder.size === 0) continue;
      exposedPlaces.push(place);
      for (const c of folder.values()) exposedMails.add(c.mail);
    }
  }
  exposedPlaces.sort();

  const views: DeviceView[] = world.devices.map((d) => {
    const status = s.devices.get(d.id);
    const seesServer = d.protocol === 'imap' && tlsModeOf(d.tls) !== 'none' && !!status?.online && !status.diskFailed && !s.serverDown;
    let of = 0;
    let shows = 0;
    // The mailbox it talks to: the new provider's once re-pointed; none once the old contract ended under it.
    const serverPrefix = status?.pointsAt === 'new' ? `server/${newProviderMailbox(d.account)}/` : status?.pointsAt === 'gone' ? '\0' : `server/${d.account}/`;
    for (const [id, info] of s.mails) {
      if (!info.owners.includes(d.account)) continue;
      const st = statusOf.get(id);
      if (st !== 'present' && st !== 'lost') continue;
      if (s.deletedByUser.has(id)) continue;
      of++;
      const where = perMail.get(id);
      if (!where) continue;
      let visible = false;
      for (const place of where.keys()) {
        if (!status?.diskFailed && place.startsWith(`device/${d.id}/`)) visible = true;
        else if (seesServer && place.startsWith(serverPrefix)) visible = true;
        if (visible) break;
      }
      if (visible) shows++;
    }
    return { device: d.id, shows, of };
  });

  const syncs = world.devices.filter((d) => s.lastSync.has(d.id)).map((d) => ({ device: d.id, bytes: s.lastSync.get(d.id)!.bytes, seconds: s.lastSync.get(d.id)!.seconds }));

  return {
    time: s.time,
    mails,
    lost: mails.filter((m) => m.status === 'lost').map((m) => m.mail),
    deletedByUser: [...s.deletedByUser].sort(),
    bounced: [...s.bounced].sort(),
    usage,
    exposure: { mails: exposedMails.size, places: exposedPlaces },
    views,
    syncs,
  };
}

/** Mails with no copy left that the user never deleted and that were not bounced — cheap enough for every animation frame. */
export function lostMails(s: WorldState): string[] {
  const out: string[] = [];
  for (const id of s.mails.keys()) if (isLost(s, id)) out.push(id);
  return out;
}
