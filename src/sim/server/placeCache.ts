// A server folder's place id, made once per account and folder. Ports look up
// the same few folders for every command; a place string built anew each time
// is hashed anew by every Map it is looked up in (the store's, the draft's).
import { serverPlace, type PlaceId } from '../model/places';

const byAccount = new Map<string, Map<string, PlaceId>>();

export function serverPlaceOf(account: string, folder: string): PlaceId {
  let folders = byAccount.get(account);
  if (!folders) byAccount.set(account, (folders = new Map()));
  let place = folders.get(folder);
  if (place === undefined) folders.set(folder, (place = serverPlace(account, folder)));
  return place;
}
