// A place id in words: "server/anna/INBOX" → "Server anna@example.org › Posteingang".
// The naming lives in src/i18n/names.ts, shared with the narration.
import type { TFunction } from 'i18next';
import { placeName as sharedPlaceName } from '../../i18n/names';

export { folderName } from '../../i18n/names';

export function placeName(place: string, t: TFunction, deviceName: (id: string) => string, accountName: (id: string) => string = (id) => id): string {
  return sharedPlaceName(place, t, { device: deviceName, account: accountName });
}
