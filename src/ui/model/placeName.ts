// A place id in words: "server/anna/INBOX" → "Server anna@example.org › Posteingang".
// The naming lives in src/i18n/names.ts, shared with the narration.
import type { TFunction } from 'i18next';
import { GONE_MAILBOX_SUFFIX, NEW_PROVIDER_SUFFIX, type MailInfo, type Scenario } from '../../sim';
import { customFolderNames, dataTexts, placeName as sharedPlaceName, subjectIn, type Lang } from '../../i18n/names';

export { folderName } from '../../i18n/names';

export function placeName(
  place: string,
  t: TFunction,
  deviceName: (id: string) => string,
  accountName: (id: string) => string = (id) => id,
  folderName?: (id: string) => string | undefined,
): string {
  return sharedPlaceName(place, t, { device: deviceName, account: mailboxNamer(t, accountName), folder: folderName });
}

/**
 * A mailbox id in words. During a provider move over days the new provider's
 * mailbox is <account>@new, and after the old contract's end a device still
 * pointed at the old one logs in to <account>@gone (src/sim/model/places.ts):
 * the reader sees the address and which provider, never the raw id.
 */
export function mailboxNamer(t: TFunction, accountName: (id: string) => string): (id: string) => string {
  return (id) => {
    if (id.endsWith(NEW_PROVIDER_SUFFIX)) return t('ui.places.newProviderAccount', { account: accountName(id.slice(0, -NEW_PROVIDER_SUFFIX.length)) });
    if (id.endsWith(GONE_MAILBOX_SUFFIX)) return t('ui.places.goneProviderAccount', { account: accountName(id.slice(0, -GONE_MAILBOX_SUFFIX.length)) });
    return accountName(id);
  };
}

/** The scenario's custom folder names in the reader's language (undefined for the standard folders). */
export function folderNamer(scenario: Pick<Scenario, 'world' | 'steps'>, lang: Lang): (id: string) => string | undefined {
  return customFolderNames(dataTexts(scenario), lang);
}

/** A mail's subject in the reader's language (the scenario's own text, else the subject it carries). */
export function mailSubject(scenario: Pick<Scenario, 'world' | 'steps'>, mails: ReadonlyMap<string, MailInfo>, id: string, lang: Lang): string | undefined {
  return subjectIn(id, mails.get(id)?.subject, dataTexts(scenario), lang);
}
