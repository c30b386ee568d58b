// iOS Mail (iPhone, iPad). Apple states the POP3 default itself (HT1668); the
// IMAP side rests on statements by others, each marked with its caveat.
import type { ClientProfile, Source } from './types';
import { MOVE_NOT_CHECKED, notFound } from './unknowns';

const HT1668: Source = {
  kind: 'vendor-doc',
  ref: 'http://support.apple.com/kb/HT1668',
  quote: 'The default setting on iPhone, iPad, and iPod touch for POP accounts is to keep mail on the server. If you have changed the default setting on the iPhone, then the mail will only be stored on your iPhone.',
};

const HT1668_LOCAL_FOLDERS: Source = {
  kind: 'vendor-doc',
  ref: 'http://support.apple.com/kb/HT1668',
  quote: 'Unlike IMAP email accounts, POP email does not sync messages stored in the Sent, Drafts, and Trash folders with the POP email server.',
};

const NO_IDLE: Source = {
  kind: 'third-party',
  ref: 'https://news.ycombinator.com/item?id=9901714 (FastMail staff, 2015)',
  quote: 'iOS Mail doesn\'t implement it, instead doing a poll every 15 minutes. However it also implements a separate push system which allows true push if the server supports it.',
};

const PUSH_KINDS: Source = {
  kind: 'third-party',
  ref: 'http://what-when-how.com/Tutorial/topic-33809/Take-Control-of-Apple-Mail-10-26.html (Joe Kissell, Take Control of Apple Mail)',
  quote: 'iOS 7 supports several mobile-oriented push technologies (iCloud uses one method, Yahoo uses another, and Exchange ActiveSync uses a third). On a Mac, Mail uses a different technique, called IMAP IDLE',
};

const IMAP_SERVER_TRASH: Source = {
  kind: 'third-party',
  ref: 'https://sites.hampshire.edu/hamp-it/2014/07/11/tech-tip-summer-extra-is-your-iphone-deleting-email-trash/',
  quote: 'one of the recent iOS updates changed it so that it now defaults to using the trash on the mail server if you set up your account as IMAP. … the trash is automatically set to be deleted if it\'s more than 7 days old.',
};

export const iosMail: ClientProfile = {
  id: 'ios-mail',
  name: { de: 'iOS Mail (iPhone, iPad)', en: 'iOS Mail (iPhone, iPad)' },
  checked: {
    de: 'Apple-Artikel HT1668 (POP3); IMAP-Angaben von Dritten. Eine aktuelle Apple-Angabe zu den IMAP-Standards wurde nicht gefunden.',
    en: 'Apple article HT1668 (POP3); IMAP statements by others. No current Apple statement of the IMAP defaults was found.',
  },
  pop3: {
    leaveOnServer: {
      status: 'known',
      value: true,
      sources: [HT1668, HT1668_LOCAL_FOLDERS],
      caveat: {
        de: 'Apples Artikel stammt aus der Zeit von iOS 4–6; eine neuere Apple-Angabe wurde nicht gefunden.',
        en: 'Apple\'s article dates from the iOS 4–6 era; no newer Apple statement was found.',
      },
    },
    deleteAfterDays: {
      status: 'known',
      value: null,
      sources: [HT1668],
      caveat: {
        de: 'Abgeleitet: Der Standard „Mail bleibt auf dem Server“ hat keine Frist; der Artikel nennt die Einstellung nicht beim Namen.',
        en: 'Derived: the default "keep mail on the server" has no delay; the article does not name the setting.',
      },
    },
    deleteOnServerWhen: {
      status: 'known',
      value: 'never',
      sources: [HT1668],
      caveat: {
        de: 'Abgeleitet aus „Mail bleibt auf dem Server“; dass auch ein Löschen auf dem Gerät nichts auf dem Server löscht, sagt der Artikel nicht ausdrücklich.',
        en: 'Derived from "keep mail on the server"; the article does not say in so many words that a delete on the device removes nothing on the server.',
      },
    },
    headersOnly: notFound({
      de: 'ob iOS Mail bei POP3 ganze Nachrichten oder zuerst nur Teile lädt.',
      en: 'whether iOS Mail downloads whole messages or parts first for POP3.',
    }),
    checkEveryMinutes: notFound(
      {
        de: 'der Standard von „Datenabgleich“ (Abrufen) für ein Nicht-iCloud-Konto; Dritte berichten 15 Minuten.',
        en: 'the default "Fetch New Data" schedule for a non-iCloud account; others report 15 minutes.',
      },
      [NO_IDLE],
    ),
  },
  imap: {
    cache: notFound({
      de: 'wie viel iOS Mail bei IMAP lokal behält (ganze Nachrichten, Anhänge erst beim Öffnen?).',
      en: 'how much iOS Mail keeps locally for IMAP (whole messages, attachments only when opened?).',
    }),
    deleteAction: {
      status: 'known',
      value: 'trash',
      sources: [IMAP_SERVER_TRASH],
      caveat: {
        de: 'Nur von Dritten belegt (Hochschul-IT, 2014), nicht von Apple. Dieselbe Quelle: Der Papierkorb wird nach 7 Tagen automatisch geleert – das Modell bildet das nicht ab.',
        en: 'Documented only by others (a college IT desk, 2014), not by Apple. The same source: Trash is emptied automatically after 7 days — the model does not show that.',
      },
    },
    saveSent: notFound({
      de: 'ob iOS Mail gesendete Mail bei IMAP im Gesendet-Ordner des Servers ablegt (Apple-Angabe nicht gefunden).',
      en: 'whether iOS Mail stores sent mail in the server\'s Sent folder for IMAP (no Apple statement found).',
    }),
    useMove: MOVE_NOT_CHECKED,
    idle: {
      status: 'known',
      value: false,
      sources: [NO_IDLE, PUSH_KINDS],
      caveat: {
        de: 'Nicht von Apple dokumentiert: Aussagen eines Anbieters (FastMail, 2015) und eines Buchautors. Push gibt es für iCloud und Anbieter mit Apples eigenem Push-Dienst, nicht über IMAP IDLE.',
        en: 'Not documented by Apple: statements by a provider (FastMail, 2015) and a book author. Push exists for iCloud and providers on Apple\'s own push service, not via IMAP IDLE.',
      },
    },
    checkEveryMinutes: notFound(
      {
        de: 'der Standard von „Datenabgleich“ (Abrufen) für ein Nicht-iCloud-Konto; Dritte berichten 15 Minuten.',
        en: 'the default "Fetch New Data" schedule for a non-iCloud account; others report 15 minutes.',
      },
      [NO_IDLE],
    ),
  },
};
