// A place id in words: "server/anna/INBOX" → "Server anna@example.org › Posteingang".
// The naming lives in src/i18n/names.ts, shared with the narration.
import type { TFunction } from 'i18next';
import { NEW_PROVIDER_SUFFIX, type MailInfo, type Scenario } from '../../sim';
import { customFolderNames, dataTexts, placeName as sharedPlaceName, subjectIn, type Lang } from '../../i18n/names';

export { folderName } from '../../i18n/names';

export function placeName(
  place: string,
  t: TFunction,
  deviceName: (id: string) => string,
  accountName: (id: string) => string = (id) => id,
  folderName?: (id: string) => string | undefined,
): string {
  // During a provider move over days the new provider's mailbox is <account>@new (src/sim/model/places.ts).
  const account = (id: string) => (id.endsWith(NEW_PROVIDER_SUFFIX) ? t('ui.places.newProviderAccount', { account: accountName(id.slice(0, -NEW_PROVIDER_SUFFIX.length)) }) : accountName(id));
  return sharedPlaceName(place, t, { device: deviceName, account, folder: folderName });
}

/** The scenario's custom folder names in the reader's language (undefined for the standard folders). */
export function folderNamer(scenario: Pick<Scenario, 'world' | 'steps'>, lang: Lang): (id: string) => string | undefined {
  return customFolderNames(dataTexts(scenario), lang);
}

/** A mail's subject in the reader's language (the scenario's own text, else the subject it carries). */
export function mailSubject(scenario: Pick<Scenario, 'world' | 'steps'>, mails: ReadonlyMap<string, MailInfo>, id: string, lang: Lang): string | undefined {
  return subjectIn(id, mails.get(id)?.subject, dataTexts(scenario), lang);
}
