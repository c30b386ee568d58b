// The claims that help articles and course notes make about POP3 and IMAP, as
// data. The built-in scenarios name these ids in `claims` (the outcome proves
// it) and `counterTo` (the outcome shows the setting under which it breaks), so
// a course can ask for "the scenarios for P9".
import type { Text } from '../sim';

export type ClaimGroup = 'pop3' | 'imap' | 'decision';

/** The source articles (German), by the number their file name starts with. */
export type SeedId = '000' | '001' | '002' | '003' | '004';

export interface Seed {
  readonly id: SeedId;
  readonly title: string;
  readonly kind: Text;
}

export interface Claim {
  readonly id: string;
  readonly group: ClaimGroup;
  /** The claim as the articles make it, in the project's own words. */
  readonly claim: Text;
  /** What a scenario's outcome must show to prove it. */
  readonly mustShow: Text;
  readonly seeds: readonly SeedId[];
  /** True when the claim holds only under some settings: it needs a counter-scenario. */
  readonly needsCounter: boolean;
}

export const SEEDS: readonly Seed[] = [
  { id: '000', title: 'IMAP oder POP3?', kind: { de: 'FAQ eines Hosting-Anbieters', en: "a hosting provider's FAQ" } },
  { id: '001', title: 'Was ist der Unterschied zwischen IMAP und POP3?', kind: { de: 'FAQ von hosting.de', en: 'hosting.de FAQ' } },
  { id: '002', title: 'The Difference Between POP3 and IMAP', kind: { de: 'Ratgeber-Artikel', en: 'how-to article' } },
  { id: '003', title: 'IMAP oder POP3? Wann sollte welches verwendet werden?', kind: { de: 'Artikel mit Entscheidungstabelle und Ports', en: 'article with a decision table and ports' } },
  { id: '004', title: 'IMAP und POP – Unterschiede', kind: { de: 'Wiki eines Universitätsrechenzentrums', en: "a university computing centre's wiki" } },
];

const c = (
  id: string,
  group: ClaimGroup,
  seeds: SeedId[],
  needsCounter: boolean,
  claim: Text,
  mustShow: Text,
): Claim => ({ id, group, seeds, needsCounter, claim, mustShow });

export const CLAIMS: readonly Claim[] = [
  // POP3
  c('P1', 'pop3', ['000', '001', '002', '003', '004'], false,
    {
      de: 'Ein POP3-Programm lädt die Nachrichten herunter und speichert sie auf dem Gerät; die Kopie auf dem Server wird in der Grundeinstellung gelöscht.',
      en: 'A POP3 client downloads messages and stores them on the device; by default the copy on the server is deleted.',
    },
    { de: 'Nach einem Abruf liegt die Nachricht auf dem Gerät und nicht mehr auf dem Server.', en: 'After one check the message is on the device and no longer on the server.' }),
  c('P2', 'pop3', ['002', '004'], true,
    {
      de: 'Nachrichten lassen sich auf dem Server belassen – für immer, für N Tage oder bis sie auf dem Gerät gelöscht werden. Dann muss man den Server aufräumen wie bei IMAP.',
      en: 'Messages can be left on the server – forever, for N days, or until they are deleted on the device. Then the server needs cleaning just as with IMAP.',
    },
    {
      de: 'Varianten mit „Nachrichten auf dem Server belassen“; Löschen nach N Tagen; das Speicherkontingent kann trotzdem volllaufen.',
      en: 'Variants with "Leave messages on server"; deletion after N days; the quota can still fill up.',
    }),
  c('P3', 'pop3', ['000', '002', '003'], false,
    { de: 'Bereits abgerufene Nachrichten lassen sich offline lesen.', en: 'Messages already fetched can be read offline.' },
    { de: 'Das Gerät ist offline, die Nachricht ist trotzdem lesbar.', en: 'The device is offline; the message is still readable on it.' }),
  c('P4', 'pop3', ['000', '001', '003'], false,
    {
      de: 'Auf dem Server wird wenig Speicherplatz gebraucht; auch viele Nachrichten lassen das Postfach nicht volllaufen.',
      en: 'Little server storage is used; even a large volume of mail does not fill the mailbox.',
    },
    { de: 'Bei stetigem Zulauf neuer Nachrichten bleibt die Belegung auf dem Server niedrig.', en: 'Server usage stays low under a steady inflow of messages.' }),
  c('P5', 'pop3', ['000'], true,
    { de: 'Wer in den Server einbricht, findet dort kaum Nachrichten.', en: 'Someone who breaks into the server finds few messages there.' },
    { de: 'Ein Einbruch legt nur offen, was noch auf dem Server liegt.', en: 'A break-in exposes only what is still on the server.' }),
  c('P6', 'pop3', ['000', '002'], true,
    {
      de: 'Alle Nachrichten liegen auf einem einzigen Rechner: Fällt die Festplatte aus oder stürzt das Programm ab, sind sie verloren.',
      en: 'All messages live on one computer: if its disk fails or the client crashes, they are gone.',
    },
    { de: 'Festplattenausfall: Die abgerufenen Nachrichten gibt es nirgends mehr.', en: 'Disk failure: the fetched messages exist nowhere any more.' }),
  c('P7', 'pop3', ['000', '002'], false,
    { de: 'Um die Sicherung muss man sich selbst kümmern.', en: 'Backups are the user’s own job.' },
    {
      de: 'Mit einer eigenen Sicherung sind die Nachrichten nach dem Festplattenausfall wieder da, ohne sie sind sie verloren.',
      en: 'With a backup of one’s own the messages come back after the disk failure; without one they are lost.',
    }),
  c('P8', 'pop3', ['000', '001', '004'], false,
    {
      de: 'Andere Rechner und andere Personen sehen die Nachrichten nicht, die ein Gerät abgerufen hat.',
      en: 'Other computers and other people cannot see the messages one device has fetched.',
    },
    { de: 'Das zweite Gerät sieht nichts von dem, was das erste abgerufen hat.', en: 'A second device sees nothing of what the first one fetched.' }),
  c('P9', 'pop3', ['000', '002', '003', '004'], false,
    {
      de: 'Mehrere POP3-Geräte verteilen das Postfach: Jede neue Nachricht landet auf dem Gerät, das zuerst abruft.',
      en: 'Several POP3 devices split the mailbox: each new message lands on whichever device checks first.',
    },
    { de: 'Die Nachrichten verteilen sich auf die Geräte; keines hat alle.', en: 'The messages are split between devices; no device has them all.' }),
  c('P10', 'pop3', ['003'], true,
    {
      de: 'Eine auf einem Gerät gelöschte Nachricht kann auf einem anderen noch vorhanden sein.',
      en: 'A message deleted on one device may still exist on another.',
    },
    { de: 'Gelöscht auf Gerät A, noch da auf Gerät B („Nachrichten auf dem Server belassen“).', en: 'Deleted on device A, still present on device B ("Leave messages on server").' }),
  c('P11', 'pop3', ['000'], false,
    { de: 'Über Webmail sieht man nicht alle bisherigen Nachrichten.', en: 'Webmail cannot show all the messages received so far.' },
    { de: 'Webmail zeigt nur, was noch auf dem Server liegt.', en: 'Webmail shows only what is still on the server.' }),
  c('P12', 'pop3', ['004'], false,
    {
      de: 'Gesendete Nachrichten bleiben nur auf dem eigenen Rechner; eine Bcc-Kopie an sich selbst landet im Posteingang auf dem Server.',
      en: 'Sent messages stay on the local computer only; a Bcc to yourself puts a copy in the inbox on the server.',
    },
    { de: 'Die gesendete Kopie liegt nur lokal; mit einer Bcc-Kopie an sich selbst zusätzlich im Posteingang auf dem Server.', en: 'The sent copy is only local; with a Bcc to yourself, a copy is also in the inbox on the server.' }),
  c('P13', 'pop3', ['004'], false,
    {
      de: 'POP3 kennt keine Ordner auf dem Server: Erreichbar ist nur der Posteingang, alle Ordner sind lokal.',
      en: 'POP3 has no server folders: only the inbox is reachable; all folders are local.',
    },
    { de: 'Was man in Ordner verschiebt, bleibt auf dem Gerät.', en: 'Moves between folders stay on the device.' }),
  c('P14', 'pop3', ['000'], true,
    {
      de: 'Nach einem Anbieter- oder Domainwechsel trägt, wer POP3 nutzt, nur die neuen Zugangsdaten ein und verliert nichts.',
      en: 'After a provider or domain move, POP3 users only enter the new credentials and lose nothing.',
    },
    {
      de: 'Anbieterwechsel: Abgerufene Nachrichten sind sicher; die Ausnahme ist, was noch auf dem alten Server lag (dort belassen oder nie abgerufen).',
      en: 'Provider move: fetched messages are safe; the exception is what was still on the old server (left there, or never fetched).',
    }),
  c('P15', 'pop3', ['002'], false,
    {
      de: 'Große Anhänge öffnen sich schnell, weil sie schon auf dem Rechner liegen.',
      en: 'Large attachments open quickly because they are already on the computer.',
    },
    { de: 'Eine große Nachricht zu öffnen kostet nach dem Abruf keine Übertragung mehr.', en: 'Opening a large message costs no transfer after the fetch.' }),
  // IMAP
  c('I1', 'imap', ['000', '001', '002', '003'], false,
    {
      de: 'Die Nachrichten bleiben auf dem Server; das Programm zeigt Kopien, und jede Aktion (lesen, löschen, verschieben, archivieren) geschieht auf dem Server.',
      en: 'Messages stay on the server; the client shows copies, and every action (read, delete, move, archive) happens on the server.',
    },
    { de: 'Maßgeblich ist allein der Server.', en: 'The server is the single source of truth.' }),
  c('I2', 'imap', ['000', '001', '002', '003', '004'], false,
    {
      de: 'Alle Geräte und Webmail sehen dasselbe Postfach: dieselben Ordner, dieselben Markierungen für gelesen und gelöscht, stets abgeglichen.',
      en: 'All devices and webmail see the same mailbox: the same folders, the same read and deleted state, in sync.',
    },
    { de: 'Auf dem Handy gelesen → auf Laptop und in Webmail als gelesen zu sehen.', en: 'Read on the phone → shown as read on the laptop and in webmail.' }),
  c('I3', 'imap', ['001', '002', '003'], false,
    { de: 'Mehrere Personen können ein Konto gemeinsam nutzen (gemeinsames Firmenpostfach).', en: 'Several people can use one account (a shared business mailbox).' },
    { de: 'Zwei Personen, ein Postfach, beide sehen alles.', en: 'Two people, one mailbox, both see everything.' }),
  c('I4', 'imap', ['000', '001'], false,
    {
      de: 'Gesendete Nachrichten können auf dem Server gespeichert werden (je nach Einstellung im Programm).',
      en: 'Sent messages can be stored on the server (depending on the client setting).',
    },
    { de: 'Ordner „Gesendet“ auf dem Server, auf jedem Gerät sichtbar.', en: 'The Sent folder on the server, visible on every device.' }),
  c('I5', 'imap', ['004'], false,
    {
      de: 'Ordner liegen auf dem Server; Nachrichten lassen sich zwischen Ordnern verschieben, auch in beide Richtungen zwischen lokalen Ordnern und Ordnern auf dem Server.',
      en: 'Folders live on the server; messages can be moved between folders, and both ways between local folders and folders on the server.',
    },
    {
      de: 'Wer eine Nachricht in einen lokalen Ordner verschiebt, nimmt sie vom Server und von allen anderen Geräten.',
      en: 'A move to a local folder takes the message off the server and off every other device.',
    }),
  c('I6', 'imap', ['000', '003'], true,
    { de: 'Offline arbeiten geht nur eingeschränkt.', en: 'Working offline is limited.' },
    {
      de: 'Ein Gerät, das offline ist, zeigt nur, was in seinem Cache liegt; Aktionen warten, bis es wieder online ist.',
      en: 'An offline device shows only what it cached; actions wait until it is online again.',
    }),
  c('I7', 'imap', ['000', '001', '002', '003', '004'], false,
    {
      de: 'Das Postfach läuft voll; ist das Speicherkontingent erschöpft, ist es blockiert und neue Nachrichten gehen an den Absender zurück.',
      en: 'The mailbox fills up; a used-up quota blocks it and new messages are returned to the sender.',
    },
    { de: 'Speicherkontingent erschöpft → eingehende Nachrichten werden abgewiesen, der Absender bekommt eine Unzustellbarkeitsnachricht.', en: 'Quota used up → incoming messages bounced; the sender gets a bounce.' }),
  c('I8', 'imap', ['000'], false,
    { de: 'Mehr Speicherplatz auf dem Server bedeutet höhere Kosten.', en: 'More server storage means higher cost.' },
    { de: 'Die Belegung auf dem Server wächst mit jeder aufbewahrten Nachricht.', en: 'Server usage grows with every message kept.' }),
  c('I9', 'imap', ['000'], false,
    { de: 'Ein Einbruch in den Server legt alle gespeicherten Nachrichten offen.', en: 'A break-in on the server exposes every stored message.' },
    { de: 'Der Einbruch legt alles offen, was auf dem Server liegt.', en: 'The break-in exposes everything on the server.' }),
  c('I10', 'imap', ['000'], false,
    {
      de: 'Der Anbieter sichert den Server täglich; fällt die Festplatte eines Geräts aus, geht nichts verloren.',
      en: 'The provider backs the server up daily, so a device’s disk failure loses nothing.',
    },
    {
      de: 'Festplattenausfall am Gerät: nichts verloren; der Server wird aus der Sicherung wiederhergestellt.',
      en: 'Device disk failure: nothing lost; the server restored from its backup.',
    }),
  c('I11', 'imap', ['000'], false,
    {
      de: 'Bei einem Anbieterwechsel müssen alle Nachrichten vom alten Server mitgenommen werden, sonst sind sie nach dem Wechsel verloren.',
      en: 'On a provider move all messages must be copied from the old server, or they are gone after the switch.',
    },
    { de: 'Anbieterwechsel mit und ohne Kopieren der Postfächer.', en: 'A provider move with and without copying the mailboxes.' }),
  c('I12', 'imap', ['001', '002'], true,
    {
      de: 'Langsame Leitung und großes Postfach machen den Abgleich langsam; das Abrufen dauert umso länger, je größer das Postfach wird.',
      en: 'A slow link and a big mailbox make syncing slow; checking for new messages takes longer as the mailbox grows.',
    },
    {
      de: 'Die Dauer des Abgleichs wächst mit der Größe des Postfachs und sinkender Bandbreite; nur Kopfzeilen gegenüber vollständigem Abgleich.',
      en: 'Sync time grows with mailbox size and falls with link speed; headers only versus a full sync.',
    }),
  c('I13', 'imap', ['001', '003'], false,
    {
      de: 'Was man im Programm löscht, wird auf dem Server gelöscht (für alle Geräte).',
      en: 'Deleting in the client deletes on the server (for every device).',
    },
    { de: 'Auf einem Gerät gelöscht → überall weg (nach dem endgültigen Löschen, EXPUNGE).', en: 'Deleted on one device → gone everywhere (after the expunge).' }),
  // Decision table and setup facts
  c('D1', 'decision', ['003'], false,
    { de: 'Dasselbe Konto auf Handy, Tablet und Computer → IMAP.', en: 'The same account on phone, tablet and computer → IMAP.' },
    { de: 'Vergleich nebeneinander: Mit IMAP bleiben alle Geräte vollständig.', en: 'Side by side: IMAP keeps every device complete.' }),
  c('D2', 'decision', ['003'], false,
    { de: 'Offline arbeiten und Nachrichten archivieren → POP3.', en: 'Working offline and archiving messages → POP3.' },
    { de: 'Vergleich nebeneinander.', en: 'Side by side.' }),
  c('D3', 'decision', ['003'], false,
    { de: 'Gemeinsame Postfächer in einer Organisation → IMAP.', en: 'Shared mailboxes in an organisation → IMAP.' },
    { de: 'Vergleich nebeneinander.', en: 'Side by side.' }),
  c('D4', 'decision', ['003'], false,
    { de: 'Knappes Speicherkontingent und nur ein Gerät → POP3.', en: 'A limited quota and only one device → POP3.' },
    { de: 'Vergleich nebeneinander.', en: 'Side by side.' }),
  c('D5', 'decision', ['003'], false,
    {
      de: 'Ports: IMAP 143 / 993 (TLS), POP3 110 / 995 (TLS), Einlieferung per SMTP 587 / 465.',
      en: 'Ports: IMAP 143 / 993 (TLS), POP3 110 / 995 (TLS), SMTP submission 587 / 465.',
    },
    { de: 'Zu sehen in den Geräteeinstellungen und im Protokollmitschnitt.', en: 'Shown in the device settings and the protocol transcript.' }),
  c('D6', 'decision', ['000'], false,
    {
      de: 'Der Standort des Servers entscheidet, welches Datenschutzrecht gilt.',
      en: "The server's location decides which data-protection law applies.",
    },
    {
      de: 'Bei einem Einbruch: Für einen Anbieter mit Niederlassung in der EU gilt die DSGVO, wo der Server auch steht; der Standort ist eine Frage der Übermittlung ins Ausland.',
      en: 'At a break-in: for a provider established in the EU the GDPR applies wherever the server stands; the location is a question of transfers abroad.',
    }),
];

/** Claims that hold only under some settings: each needs a counter-scenario. */
export const CLAIMS_NEEDING_COUNTER: readonly string[] = CLAIMS.filter((cl) => cl.needsCounter).map((cl) => cl.id);

export function claimById(id: string): Claim | undefined {
  return CLAIMS.find((cl) => cl.id === id);
}
