// From a click in the picture to what was clicked, by the data attributes the
// picture draws (data-mail/data-place on tokens, data-place on folders,
// data-region on regions). The picture is not changed for the sandbox; it is
// read from outside.
import { parseDevicePlace, parseServerPlace } from '../../sim';
import type { Target } from './availability';

export function targetOfPlace(place: string): Target | null {
  const d = parseDevicePlace(place);
  if (d) return { kind: 'device', device: d.device };
  if (parseServerPlace(place) || place.startsWith('backup/') || place === 'queue') return { kind: 'server' };
  return null;
}

export function targetOfRegion(region: string): Target | null {
  const slash = region.indexOf('/');
  const kind = slash < 0 ? region : region.slice(0, slash);
  const id = slash < 0 ? '' : region.slice(slash + 1);
  if ((kind === 'device' || kind === 'webmail') && id) return { kind: 'device', device: id };
  if (kind === 'server' || kind === 'serverBackup' || kind === 'sender') return { kind: 'server' };
  return null;
}

/** What a click on `el` (inside the picture) points at, most specific first. */
export function targetOfElement(el: Element | null): Target | null {
  const token = el?.closest('[data-mail]');
  const mail = token?.getAttribute('data-mail');
  const tokenPlace = token?.getAttribute('data-place');
  if (mail && tokenPlace) return { kind: 'mail', mail, place: tokenPlace };
  const place = el?.closest('[data-place]')?.getAttribute('data-place');
  if (place) {
    const t = targetOfPlace(place);
    if (t) return t;
  }
  const region = el?.closest('[data-region]')?.getAttribute('data-region');
  return region ? targetOfRegion(region) : null;
}

export function targetKey(t: Target): string {
  switch (t.kind) {
    case 'device':
      return `device:${t.device}`;
    case 'mail':
      return `mail:${t.mail}@${t.place}`;
    default:
      return t.kind;
  }
}
