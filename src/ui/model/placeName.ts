// A place id in words: "server/anna/INBOX" → "server anna › INBOX".
import type { TFunction } from 'i18next';

export function folderName(name: string, t: TFunction): string {
  return t(`ui.folders.${name}`, { defaultValue: name });
}

export function placeName(place: string, t: TFunction, deviceName: (id: string) => string): string {
  const parts = place.split('/');
  switch (parts[0]) {
    case 'server':
      return t('ui.places.server', { account: parts[1], folder: folderName(parts.slice(2).join('/'), t) });
    case 'device':
      return t('ui.places.device', { device: deviceName(parts[1]), folder: folderName(parts.slice(2).join('/'), t) });
    case 'backup':
      if (parts[1] === 'server') return t('ui.places.backupServer', { account: parts[2], folder: folderName(parts.slice(3).join('/'), t) });
      return t('ui.places.backupDevice', { device: deviceName(parts[1]), folder: folderName(parts.slice(2).join('/'), t) });
    case 'queue':
      return t('ui.places.queue');
    case 'outside':
      return t('ui.places.outside', { address: parts.slice(1).join('/') });
    case 'intruder':
      return t('ui.places.intruder');
    case 'lost':
      return t('ui.places.lost');
    default:
      return place;
  }
}
