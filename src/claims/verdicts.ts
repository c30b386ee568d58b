// Whether each claim holds in the model: always, only under named settings,
// not at all (with why), or not modelled. Data only; `npm run sim -- --claims`
// prints it and test/claims checks it against the scenarios' counterTo.
import type { Text } from '../sim';

export type Verdict =
  | { readonly holds: 'always' }
  | { readonly holds: 'under'; readonly settings: Text }
  | { readonly holds: 'not'; readonly why: Text }
  | { readonly holds: 'not-modelled'; readonly why: Text };

const always: Verdict = { holds: 'always' };
const under = (de: string, en: string): Verdict => ({ holds: 'under', settings: { de, en } });

const KEEP_COPY_DEFAULT = {
  de: 'Thunderbirds Kontoeinrichtung, iOS Mail und Thunderbird für Android lassen standardmäßig eine Kopie auf dem Server; bei Outlook (Microsoft dokumentiert das Löschen beim Herunterladen nur für Outlook 2002/2003) und Apple Mail (macOS) ist der heutige Standard nicht belegt',
  en: "Thunderbird's account setup, iOS Mail and Thunderbird for Android leave a copy on the server by default; for Outlook (Microsoft documents delete on download only for Outlook 2002/2003) and Apple Mail (macOS) today's default is not established",
};

export const VERDICTS: Readonly<Record<string, Verdict>> = {
  P1: under(
    `nur wenn „Nachrichten auf dem Server belassen“ aus ist – bei keinem Programm mit belegtem Standard der Standard (${KEEP_COPY_DEFAULT.de})`,
    `only with "leave messages on server" off – the default of no client whose default is established (${KEEP_COPY_DEFAULT.en})`,
  ),
  P2: under(
    'mit „auf dem Server belassen“; bei „N Tage“ verschwindet eine Nachricht nach N Tagen vom Server, auch wenn ein anderes Gerät sie nie abgerufen hat',
    'with "leave on server"; with "N days" a message leaves the server after N days even if another device never fetched it',
  ),
  P3: always,
  P4: under('nur wenn POP3 nach dem Herunterladen löscht; mit einer Kopie auf dem Server füllt sich das Postfach wie bei IMAP', 'only when POP3 deletes after download; with a copy left on the server the mailbox fills as under IMAP'),
  P5: under(
    'nur wenn POP3 nach dem Herunterladen löscht, und nur auf dem Server selbst: Eine Kopie auf dem Server liegt offen, und die Sicherungen des Anbieters enthalten, was in den aufbewahrten Tagen den Server verlassen hat',
    "only when POP3 deletes after download, and only on the server itself: a copy left on the server is exposed, and the provider's backups hold what left the server during the days they are kept",
  ),
  P6: under('ohne Kopie auf dem Server und ohne eigene Sicherung des Geräts', "without a copy on the server and without the device's own backup"),
  P7: always,
  P8: under(
    `nur wenn das abrufende Gerät die Kopie auf dem Server löscht; mit „auf dem Server belassen“ holen andere Geräte sie auch (${KEEP_COPY_DEFAULT.de})`,
    `only when the fetching device deletes the server copy; with "leave on server" other devices fetch it too (${KEEP_COPY_DEFAULT.en})`,
  ),
  P9: under(
    `nur wenn jedes Gerät nach dem Herunterladen löscht; mit „auf dem Server belassen“ bekommt jedes Gerät jede Nachricht (${KEEP_COPY_DEFAULT.de})`,
    `only when every device deletes after download; with "leave on server" every device gets every message (${KEEP_COPY_DEFAULT.en})`,
  ),
  P10: under('bei POP3 (jedes Gerät hat seine eigene Kopie); bei IMAP erreicht ein Löschen jedes Gerät', 'under POP3 (each device has its own copy); under IMAP a delete reaches every device'),
  P11: under('wenn POP3 nach dem Herunterladen löscht oder nach N Tagen; bleibt die Kopie für immer, zeigt Webmail alles', 'when POP3 deletes after download or after N days; with the copy kept forever webmail shows everything'),
  P12: always,
  P13: always,
  P14: under('nur wenn alles schon abgerufen ist; was noch auf dem alten Server liegt, geht ohne Kopie verloren, und ohne übernommene UIDLs kommen Nachrichten doppelt', 'only when everything was fetched; what is still on the old server is lost without a copy, and without the old UIDLs messages come twice'),
  P15: always,
  I1: always,
  I2: under(
    'solange der Server seine UIDs nicht neu vergibt: nach einer Wiederherstellung aus der Sicherung ohne neue UIDVALIDITY zeigt ein Gerät mit Cache unter einer UID eine andere Nachricht als der Server',
    'as long as the server never hands out a UID twice: after a restore from backup without a new UIDVALIDITY, a device with a cache shows another message under a UID than the server holds',
  ),
  I3: always,
  I4: always,
  I5: always,
  I6: under('bei einem Programm ohne vollen Offline-Cache; mit vollem Cache liest man auch offline alles', 'with a client without a full offline cache; with a full cache everything can be read offline'),
  I7: under('wenn der Server bei vollem Speicherkontingent dauerhaft abweist (Dovecots Standard); mit quota_full_tempfail versucht es der Absender erneut', "when the server refuses permanently at a full quota (Dovecot's default); with quota_full_tempfail the sender retries"),
  I8: {
    holds: 'not-modelled',
    why: {
      de: 'Preise bildet das Modell nicht ab. Gemessen wird, wie viel Speicher der Anbieter hält (bench/library/storage.ts): in decide-limited-quota-one-device nach 6 Tagen mit IMAP 20500 KB im Postfach und 20500 KB in den Sicherungen (81000 KB als volle nächtliche Kopien), mit POP3 0 KB im Postfach und 2500 KB in den Sicherungen.',
      en: 'The model has no prices. It measures the storage the provider holds (bench/library/storage.ts): in decide-limited-quota-one-device after 6 days, with IMAP 20500 KB in the mailbox and 20500 KB in the backups (81000 KB as full nightly copies), with POP3 0 KB in the mailbox and 2500 KB in the backups.',
    },
  },
  I9: always,
  I10: under('bis auf Offline-Aktionen, die noch nicht abgeglichen sind, und den Postausgang', 'except offline actions not yet synced, and the Outbox'),
  I11: always,
  I12: under('ohne CONDSTORE/QRESYNC und Kopfzeilen in Blöcken; ein Abgleich neuer Nachrichten hängt nicht von der Größe des Postfachs ab', 'without CONDSTORE/QRESYNC and headers in chunks; a check for new mail does not depend on the mailbox size'),
  I13: under(
    'wenn das Programm in den Papierkorb verschiebt oder sofort entfernt; mit „Als gelöscht markieren“ bleibt die Nachricht für jedes Gerät auf dem Server und wird angerechnet, bis jemand endgültig löscht (EXPUNGE)',
    'when the client moves to Trash or removes at once; with "just mark it as deleted" the message stays on the server for every device, and counts against the quota, until someone expunges it',
  ),
  D1: under(
    'die POP3-Seite: mit „auf dem Server belassen“ bekommt jedes POP3-Gerät auch jede Nachricht, aber Löschen, Gelesen-Status und Ordner bleiben pro Gerät',
    'the POP3 side: with "leave on server" every POP3 device gets every message too, but deletes, read state and folders stay per device',
  ),
  D2: under('ein IMAP-Programm mit vollem Offline-Cache arbeitet auch offline', 'an IMAP client with a full offline cache works offline too'),
  D3: always,
  D4: always,
  D5: always,
  D6: {
    holds: 'not',
    why: {
      de: 'Für einen Anbieter mit Niederlassung in der EU gilt die DSGVO, wo immer seine Server stehen (Art. 3 Abs. 1 DSGVO). Der Standort zählt für die Übermittlung in Drittländer (Kapitel V, Art. 44 ff.) und dafür, welche ausländischen Behörden Zugriff verlangen können.',
      en: "For a provider established in the EU the GDPR applies wherever its servers stand (Art. 3(1) GDPR). The location matters for transfers to third countries (Chapter V, Art. 44 ff.) and for which foreign authorities can demand access.",
    },
  },
};

export function verdictOf(id: string): Verdict | undefined {
  return VERDICTS[id];
}
