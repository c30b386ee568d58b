// Apple Mail on macOS. Apple's current Mail guide names the settings but, in
// the sources available here, not their defaults; what is known comes from
// older versions of Apple's own help. Each such value carries that caveat.
import type { ClientProfile, Source } from './types';
import { MOVE_NOT_CHECKED, notFound } from './unknowns';

const MAIL_2_HELP: Source = {
  kind: 'vendor-doc',
  ref: 'http://docs.info.apple.com/article.html?path=Mail/2.0/en/ml943.html',
  quote:
    'The messages remain on the mail server unless you specify that they should be removed. To do so, choose the Advanced pane of Mail Accounts preferences and then either click "Remove now" or select "Remove copy from server after retrieving a message" and indicate when to remove them using the pop-up menu.',
};

const REMOVE_CHOICES: Source = {
  kind: 'third-party',
  ref: 'https://rwdigital.com.au/infoChangeEmailInMacMail.html',
  quote: 'select the Remove copy from server after retrieving a message option with one of the following frequencies. Right away / After one day / After one week / After one month / When moved from Inbox.',
};

const ADVANCED_PANE_HELP: Source = {
  kind: 'vendor-doc',
  ref: 'Apple Mail Help, "Using the Advanced pane in preferences" (older Mail; text read in a copy bundled at http://www.pixelespressoapps.com/decloner/Decloner_1.1.1.zip)',
  quote:
    'Keep copies of messages for offline viewing … This option is available only for IMAP accounts. It\'s recommended that you retain the default selection ("All messages and their attachments") so that you have the ability to search entire messages.',
};

const MAILBOX_BEHAVIORS: Source = {
  kind: 'vendor-doc',
  ref: 'https://support.apple.com/kb/PH19203?viewlocale=en_US&locale=en_US',
  quote:
    'Mail (Yosemite): Mailbox Behaviors preferences … Store sent messages on the server … Move deleted messages to the Trash mailbox … Store deleted messages on the server …',
};

const IDLE_OPTION: Source = {
  kind: 'third-party',
  ref: 'https://tidbits.com/2012/10/22/how-apple-mail-may-be-anything-but-idle-when-pushing-email/',
  quote: 'an option in the Advanced pane of Mail\'s Account preferences: "Use IDLE command if the server supports it." For my iCloud email account, this option was checked by default.',
};

export const appleMailMacos: ClientProfile = {
  id: 'apple-mail-macos',
  name: { de: 'Apple Mail (macOS)', en: 'Apple Mail (macOS)' },
  checked: {
    de: 'Apples Hilfe älterer Mail-Versionen (Mail 2.0, OS X Yosemite); für das aktuelle macOS wurde keine Angabe der Standardwerte gefunden.',
    en: 'Apple\'s help for older Mail versions (Mail 2.0, OS X Yosemite); no statement of the defaults was found for current macOS.',
  },
  pop3: {
    leaveOnServer: notFound(
      {
        de: 'der Standard der aktuellen Version. Apples Hilfe zu Mail 2.0 (2005) sagt, die Mails bleiben auf dem Server, bis man „Kopie vom Server entfernen“ wählt; ob das heute noch so ist, ist unbelegt.',
        en: 'the current version\'s default. Apple\'s help for Mail 2.0 (2005) says mail stays on the server until you select "Remove copy from server"; whether that still holds is unconfirmed.',
      },
      [MAIL_2_HELP, REMOVE_CHOICES],
    ),
    deleteAfterDays: notFound(
      {
        de: 'welche Frist („sofort“, „nach einem Tag“, „nach einer Woche“, „nach einem Monat“) ein neues Konto hat.',
        en: 'which delay ("right away", "after one day", "after one week", "after one month") a new account has.',
      },
      [REMOVE_CHOICES],
    ),
    deleteOnServerWhen: notFound(
      {
        de: 'ob „Wenn aus dem Posteingang bewegt“ (≈ deletedLocally) Standard ist.',
        en: 'whether "When moved from Inbox" (≈ deletedLocally) is the default.',
      },
      [REMOVE_CHOICES],
    ),
    headersOnly: notFound({
      de: 'Apple Mail kennt „Nachrichten über x KB überspringen“, aber kein „nur Kopfzeilen“; ein Standard dafür ist nicht belegt.',
      en: 'Apple Mail has "Prompt me to skip messages over x KB" but no "headers only"; no default for it is documented.',
    }),
    checkEveryMinutes: notFound({
      de: 'das Abrufintervall („Nach neuen E-Mails suchen“) eines neuen Kontos.',
      en: 'the check interval ("Check for new messages") of a new account.',
    }),
  },
  imap: {
    cache: {
      status: 'known',
      value: 'full',
      sources: [ADVANCED_PANE_HELP],
      caveat: {
        de: 'Apples Hilfetext einer älteren Mail-Version, gelesen in einer Kopie; für das aktuelle macOS unbestätigt.',
        en: 'Apple\'s help text for an older Mail version, read in a copy; unconfirmed for current macOS.',
      },
    },
    deleteAction: notFound(
      {
        de: 'Apple dokumentiert „Gelöschte Nachrichten in den Papierkorb bewegen“ und „Gelöschte Nachrichten auf dem Server speichern“, aber nicht deren Standard.',
        en: 'Apple documents "Move deleted messages to the Trash mailbox" and "Store deleted messages on the server" but not their defaults.',
      },
      [MAILBOX_BEHAVIORS],
    ),
    saveSent: notFound(
      {
        de: 'Apple dokumentiert „Gesendete Nachrichten auf dem Server speichern“, aber nicht den Standard.',
        en: 'Apple documents "Store sent messages on the server" but not its default.',
      },
      [MAILBOX_BEHAVIORS],
    ),
    useMove: MOVE_NOT_CHECKED,
    idle: notFound(
      {
        de: 'ob „IDLE-Befehl verwenden, wenn der Server ihn unterstützt“ für ein Nicht-iCloud-Konto an ist. Belegt (nicht von Apple) ist nur: bei einem iCloud-Konto an.',
        en: 'whether "Use IDLE command if the server supports it" is on for a non-iCloud account. Documented (not by Apple) only: on for an iCloud account.',
      },
      [IDLE_OPTION],
    ),
    checkEveryMinutes: notFound({
      de: 'das Abrufintervall eines neuen Kontos.',
      en: 'the check interval of a new account.',
    }),
  },
};
