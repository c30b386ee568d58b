// What no text the project shows may contain, in either language: the rules
// docs/glossary.md states, as checks the tests run over every rendered text.

/** Plural fallbacks instead of real plural forms: "Nachricht(en)", "Kopie(n)", "Gerät(e)", "message(s)", "cop(ies)". */
const FALLBACK = /[A-Za-zÄÖÜäöüß]\((en|n|e|s|es|ies|er|nen|innen)\)/;
/** A word pair split by a slash instead of a plural form or a choice: "Postfach/Postfächer", "der/die". */
const SLASH_PAIR = /(^|[\s(„"])([A-Za-zÄÖÜäöüß]{2,})\/([A-Za-zÄÖÜäöüß]{2,})(?=$|[\s).,;:“"])/;
/** Units that are not word pairs. */
const SLASH_OK = new Set(['kbit/s', 'Mbit/s', 'Gbit/s', 'KB/s', 'MB/s']);

/** "1 Nachrichten", "3 Kopie": a number with the wrong plural form of a counted noun. */
const ONE_WITH_PLURAL = /(^|[^\d.,])1 (Nachrichten|Tagen|Kopien|Geräte|Postfächer|Sitzungen|messages|days|copies|devices|mailboxes)\b/;
const MANY_WITH_SINGULAR = /(^|[^\d.,])(0|[2-9]|\d{2,}) (Nachricht|Kopie|Gerät|Postfach|message|copy|device|mailbox)\b(?!-)/;

export function pluralProblems(text: string): string[] {
  const out: string[] = [];
  const f = FALLBACK.exec(text);
  if (f) out.push(`plural fallback "${f[0]}"`);
  const s = SLASH_PAIR.exec(text);
  if (s && !SLASH_OK.has(`${s[2]}/${s[3]}`)) out.push(`slash pair "${s[2]}/${s[3]}"`);
  const one = ONE_WITH_PLURAL.exec(text);
  if (one) out.push(`"${one[0].trim()}"`);
  const many = MANY_WITH_SINGULAR.exec(text);
  if (many) out.push(`"${many[0].trim()}"`);
  return out;
}

/**
 * English words that must not appear in a German text (docs/glossary.md,
 * "Words that stay out of German texts"): the standard folders, which German
 * names Posteingang, Gesendet, Papierkorb, Archiv, Entwürfe, Spam, Postausgang,
 * and words of the built-in scenarios' English subjects and folder names.
 * INBOX may appear only as the protocol's name in parentheses: "Posteingang (INBOX)".
 */
export const ENGLISH_IN_GERMAN: readonly string[] = [
  'Inbox', 'Sent', 'Trash', 'Archive', 'Drafts', 'Junk', 'Outbox', 'Deleted Items', 'Sent Items',
  'Travel', 'Done', 'Keepsakes', 'Invoices', 'Saved',
  'Invoice', 'Meeting', 'Photos', 'Train tickets', 'Lecture notes', 'Lab results', 'Account statement', 'Tax return',
  'Floor plans', 'Hotel booking', 'Tenancy contract', 'Heating', 'Complaint', 'Order', 'Logo brief',
  'mail', 'mails', 'message', 'messages', 'the', 'and', 'with', 'from', 'of',
  'bounce', 'Bounce', 'quota', 'Quota', 'backup', 'Backup', 'intruder', 'Einbrecher',
  // Countable German "Mail" is colloquial: Nachricht (or E-Mail) instead.
  'Mail', 'Mails',
];

export function englishInGerman(text: string): string[] {
  const rest = text
    // Placeholders are filled in later; their names are not text.
    .replace(/\{\{\w+\}\}/g, ' ')
    .replace(/Posteingang \(INBOX\)/g, 'Posteingang')
    // Addresses, host names and a server's literal reply are not prose.
    .replace(/[\w.+-]+@[\w.-]+/g, ' ')
    .replace(/\b[\w-]+(\.[\w-]+)+\b/g, ' ')
    .replace(/Quota exceeded/g, ' ')
    .replace(/E-Mail/g, 'E-Post');
  const out: string[] = [];
  for (const w of [...ENGLISH_IN_GERMAN, 'INBOX']) if (new RegExp(`(^|[^\\p{L}])${w}($|[^\\p{L}])`, 'u').test(rest)) out.push(w);
  return out;
}
