// Outlook classic (Windows, Microsoft 365 / 2016–2024). Microsoft documents the
// POP3 options but, in the sources available here, not which of them a new
// account gets; its only page that names a default is for Outlook 2002/2003.
// Third-party pages contradict each other and name no version. So every
// default below is an explicit "unknown" with what was found.
import type { ClientProfile, Source } from './types';
import { MOVE_NOT_CHECKED, notFound } from './unknowns';

const POP_OPTIONS: Source = {
  kind: 'vendor-doc',
  ref: 'https://learn.microsoft.com/en-us/office/client-developer/outlook/auxiliary/prop_pop_leave_on_server',
  quote:
    'LEAVE_ON_SERVER | Leaves a copy of the message on the POP server after downloading the message to a device. REMOVE_AFTER | Removes the message from the POP server after downloading it to a device. REMOVE_ON_NUKE | Removes the message from the POP server only after the user deletes the message from the Deleted Items folder. GET_REMOVE_AFTER_DAYS( ul) | Gets the number of days after which the message will be removed from the POP server.',
};

const OUTLOOK_2003: Source = {
  kind: 'vendor-doc',
  ref: 'http://office.microsoft.com/en-au/outlook-help/leave-e-mail-messages-on-your-e-mail-server-HA001150793.aspx',
  quote: 'Applies to Microsoft Office Outlook® 2003, Microsoft Outlook® 2002 … by default POP3 e-mail accounts delete e-mail messages from the e-mail server when downloaded into Outlook.',
};

// Third parties contradict each other on the current default, and none names
// the Outlook version it describes, so none of them settles it.
const SAYS_KEEP: Source = {
  kind: 'third-party',
  ref: 'https://servicomecuador.com/dejar-o-desactivar-una-copia-del-mensaje-en-el-servidor-en-outlook (a hosting provider, undated)',
  quote: 'Cuando configure su cuenta de correo en un cliente como Outlook la opción dejar una copia del mensaje en el servidor se activa por defecto',
};

const SAYS_DELETE: Source = {
  kind: 'third-party',
  ref: 'https://valice.com/docs/storing-deleting-messages-from-mail-server-for-pop3-connections/ (a hosting provider, undated)',
  quote: 'By default, when you retrieve new messages from a POP3 email account (e.g. from Outlook), the messages are deleted from the  mail server and then saved on the computer that you are using.',
};

const SEND_RECEIVE_2002: Source = {
  kind: 'third-party',
  ref: 'http://www.datagate.co.uk/support/kb/exchange/outlook2002/control-synch.html (a provider\'s guide to Outlook 2002)',
  quote: 'Schedule An Automatic Send/Receive Every n Minutes. Select this option to have Outlook check the accounts in the selected group every n minutes. The default is 5 minutes.',
};

const SEND_RECEIVE_GROUPS: Source = {
  kind: 'vendor-doc',
  ref: 'http://office.microsoft.com/en-us/outlook/HP030829231033.aspx ("About send and receive groups")',
  quote: 'You can specify different behaviors for each group, such as the frequency with which Outlook connects to the server to send and receive messages for it',
};

// Outlook 2003 only marked IMAP mail as deleted (strikethrough) until the user
// purged; whether current Outlook still does so for a new account is not said.
const OUTLOOK_2003_IMAP_PURGE: Source = {
  kind: 'vendor-doc',
  ref: 'http://office.microsoft.com/en-us/outlook-help/purge-imap-items-marked-for-deletion-HP001146020.aspx (applies to Outlook 2003)',
  quote: 'When you mark an item on an IMAP e-mail server for deletion, it is displayed in strikethrough text in the header list. To permanently delete the items marked for deletion, do the following: On the Edit menu, click Purge Deleted Messages.',
};

const popCurrent = {
  de: 'Microsofts Seite für aktuelle Outlook-Versionen nennt die Optionen (Kopie auf dem Server lassen, nach N Tagen entfernen, beim Leeren von „Gelöschte Elemente“ entfernen), aber nicht, welche ein neues Konto bekommt. Die einzige Microsoft-Seite mit einem Standard gilt für Outlook 2002/2003 (dort: löschen beim Herunterladen). Das oft genannte „Kopie behalten, nach 14 Tagen entfernen“ ist hier unbelegt, und Dritte widersprechen sich (ein Hoster: standardmäßig bleibt eine Kopie; ein anderer: Outlook löscht standardmäßig), beide ohne Versionsangabe.',
  en: 'Microsoft\'s page for current Outlook lists the options (leave a copy, remove after N days, remove when deleted from Deleted Items) but not which one a new account gets. The only Microsoft page naming a default is for Outlook 2002/2003 (there: delete on download). The often-quoted "keep a copy, remove after 14 days" is unconfirmed here, and third parties contradict each other (one hosting provider: a copy is kept by default; another: Outlook deletes by default), neither naming a version.',
};

export const outlookClassic: ClientProfile = {
  id: 'outlook-classic',
  name: { de: 'Outlook (klassisch, Windows)', en: 'Outlook (classic, Windows)' },
  checked: {
    de: 'Microsoft-Dokumentation (learn.microsoft.com, office.microsoft.com); keine Beobachtung eines neu eingerichteten Kontos.',
    en: 'Microsoft documentation (learn.microsoft.com, office.microsoft.com); no observation of a freshly set-up account.',
  },
  pop3: {
    leaveOnServer: notFound(popCurrent, [POP_OPTIONS, OUTLOOK_2003, SAYS_KEEP, SAYS_DELETE]),
    deleteAfterDays: notFound(popCurrent, [POP_OPTIONS]),
    deleteOnServerWhen: notFound(
      {
        de: 'welche Löschregel ein neues Konto hat. Es gibt nur „beim Leeren von Gelöschte Elemente“ (REMOVE_ON_NUKE = deletedFromTrash); ein Löschen in „Gelöschte Elemente“ selbst wirkt nicht auf den Server.',
        en: 'which delete rule a new account has. The only option is "when deleted from Deleted Items" (REMOVE_ON_NUKE = deletedFromTrash); a delete into Deleted Items itself does nothing on the server.',
      },
      [POP_OPTIONS],
    ),
    headersOnly: notFound({
      de: 'ob Outlook für POP3 standardmäßig nur Kopfzeilen lädt (Microsoft-Dokumentation dazu nicht gefunden).',
      en: 'whether Outlook downloads headers only for POP3 by default (no Microsoft documentation found).',
    }),
    checkEveryMinutes: notFound(
      {
        de: 'das Intervall der automatischen Übermittlung (Senden/Empfangen-Gruppe) eines neuen Profils. Microsoft nennt die Einstellung, aber keinen Standardwert; eine Anleitung für Outlook 2002 nennt 5 Minuten, die auf manchen Seiten für neuere Versionen genannten 30 Minuten sind unbelegt.',
        en: 'the automatic send/receive interval of a new profile (Send/Receive group). Microsoft names the setting but no default; a guide to Outlook 2002 says 5 minutes, the 30 minutes some pages give for newer versions are unconfirmed.',
      },
      [SEND_RECEIVE_GROUPS, SEND_RECEIVE_2002],
    ),
  },
  imap: {
    cache: notFound({
      de: 'wie viel Outlook bei IMAP lokal zwischenspeichert (ganze Nachrichten oder nur Kopfzeilen).',
      en: 'how much Outlook caches locally for IMAP (whole messages or headers only).',
    }),
    deleteAction: notFound(
      {
        de: 'ob Outlook bei IMAP in den Papierkorb verschiebt oder nur als gelöscht markiert. Microsoft dokumentiert die Markierung (PidLidImapDeleted), aber nicht, was Standard ist; nur für Outlook 2003 beschreibt Microsoft das Markieren (durchgestrichen) bis zum „Bereinigen“.',
        en: 'whether Outlook moves to Trash for IMAP or only marks as deleted. Microsoft documents the mark (PidLidImapDeleted) but not which is the default; only for Outlook 2003 does Microsoft describe marking (strikethrough) until "Purge".',
      },
      [
        {
          kind: 'vendor-doc',
          ref: 'https://learn.microsoft.com/en-us/office/client-developer/outlook/mapi/pidlidimapdeleted-canonical-property',
          quote: 'Denotes Internet Mail Access Protocol (IMAP) items that are marked for deletion.',
        },
        OUTLOOK_2003_IMAP_PURGE,
      ],
    ),
    saveSent: notFound({
      de: 'ob gesendete Mail bei IMAP standardmäßig im Gesendet-Ordner des Servers landet.',
      en: 'whether sent mail goes to the server\'s Sent folder for IMAP by default.',
    }),
    useMove: MOVE_NOT_CHECKED,
    idle: notFound({
      de: 'ob Outlook bei IMAP IDLE benutzt.',
      en: 'whether Outlook uses IDLE for IMAP.',
    }),
    checkEveryMinutes: notFound(
      {
        de: 'das Intervall der automatischen Übermittlung eines neuen Profils (siehe POP3).',
        en: 'the automatic send/receive interval of a new profile (see POP3).',
      },
      [SEND_RECEIVE_GROUPS, SEND_RECEIVE_2002],
    ),
  },
};
