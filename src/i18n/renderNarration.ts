// One frame's narration in the reader's language. The simulation emits a key
// and raw parameters (ids, numbers); this turns them into what the reader sees
// in the picture: device labels, account addresses, "Nachricht 1 „Betreff“",
// folder names in the reader's language, sizes in KB/MB, numbers with the
// language's separators, and a `count` for i18next's plural forms.
//
// `t` must resolve `narration.*` and `ui.folders.*` (the player's instance and
// the standalone one in narrate.ts both hold the texts that way).
import type { TFunction } from 'i18next';
import type { Narration } from '../sim';
import { folderName, type Lang, type Names } from './names';
import { formatBytes, formatNumber } from '../ui/i18n/format';

/**
 * Keys whose one plural-deciding number is not called `count`: that parameter
 * also drives the plural form (the texts have `_one`/`_other`).
 */
const PLURAL_BY: Readonly<Record<string, string>> = {
  'delivery.expired': 'days',
  'pop3.dele.age': 'days',
  'pop3.listed': 'total',
  'imap.checkDone': 'fetched',
  'imap.checkKept': 'fetched',
  'server.movedCopied': 'moved',
  'server.movedNotCopied': 'lost',
};

/** Numbers the texts need as counted nouns ("2 Postfächer"), with the noun's key under narration.units. */
const COUNTED: Readonly<Record<string, string>> = { accounts: 'mailbox', devices: 'device' };

/** Numbers shown as they are: a POP3 message number, a port, a day. */
const RAW = new Set(['n', 'port', 'day']);

/** Parameters that hold sizes in bytes. */
const BYTES = new Set(['size', 'bytes']);

/** Parameters that name a folder (in `imap.queued.move` and `imap.replay.*` `to` is the target folder). */
function isFolder(key: string, param: string): boolean {
  return param === 'folder' || (param === 'to' && key.startsWith('imap.'));
}

/** Parameters that name an account (or an outside address, which stays as it is). */
const ACCOUNT = new Set(['to', 'account', 'sender']);

export function mailText(id: string, t: TFunction, names: Names): string {
  const m = names.mail(id);
  if (!m) return t('narration.names.mailUnknown', { id });
  return m.subject === null ? t('narration.names.mailNumber', { label: m.label }) : t('narration.names.mail', { label: m.label, subject: m.subject });
}

export function renderNarration(n: Narration, t: TFunction, lang: Lang, names: Names, fallback: string): string {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(n.params)) {
    if (typeof v === 'number') {
      if (BYTES.has(k)) params[k] = formatBytes(v, lang);
      else if (RAW.has(k)) params[k] = v;
      else params[k] = formatNumber(v, lang, 2);
      if (COUNTED[k]) params[`${k}Counted`] = t(`narration.units.${COUNTED[k]}`, { count: v });
    } else if (k === 'device') params[k] = names.device(v);
    else if (k === 'mail') params[k] = mailText(v, t, names);
    else if (isFolder(n.key, k)) params[k] = folderName(v, t, names.folder);
    else if (ACCOUNT.has(k)) params[k] = names.account(v);
    else params[k] = v;
  }
  // i18next picks `_one`/`_other` by `count` (and shows {{count}} as the plain number).
  const by = PLURAL_BY[n.key];
  const count = typeof n.params.count === 'number' ? n.params.count : by && typeof n.params[by] === 'number' ? (n.params[by] as number) : undefined;
  const text = t(`narration.${n.key}`, { ...params, ...(count === undefined ? {} : { count }), defaultValue: fallback });
  return text.charAt(0).toUpperCase() + text.slice(1);
}
