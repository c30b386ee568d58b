// A check of the harness itself, run before the scenarios: a small hand-written
// transcript in Dovecot 2.3's words that goes through the paths no built-in
// scenario may reach (IMAP IDLE with a line pushed by a delivery, DONE, APPEND
// refused with [TRYCREATE], APPEND with a literal, pipelined LMTP). If the
// replay of it does not agree, the harness is broken, not the model.
import type { Dovecot } from './dovecot';
import type { ReplayResult } from './replay';
import { L, S, replayHandWritten, type HandWrittenFrame } from './handWritten';

const V = 1700000000;
export const CAPS =
  'IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE SORT SORT=DISPLAY THREAD=REFERENCES THREAD=REFS THREAD=ORDEREDSUBJECT MULTIAPPEND URL-PARTIAL CATENATE UNSELECT CHILDREN NAMESPACE UIDPLUS LIST-EXTENDED I18NLEVEL=1 CONDSTORE QRESYNC ESEARCH ESORT SEARCHRES WITHIN CONTEXT=SEARCH LIST-STATUS BINARY MOVE SNIPPET=FUZZY PREVIEW=FUZZY PREVIEW STATUS=SIZE SAVEDATE LITERAL+ NOTIFY SPECIAL-USE QUOTA';

const mails = new Map([
  ['m1', { id: 'm1', subject: 'Hallo', from: 'bob@example.com', to: ['anna@example.org'], sizeBytes: 4096 }],
  ['s1', { id: 's1', subject: 'Sent', from: 'anna@example.org', to: ['bob@example.com'], sizeBytes: 3000 }],
]);
const FOLDERS = ['INBOX', 'Sent', 'Drafts', 'Trash', 'Archive'];

export function state(inbox: number, sent: number) {
  const places = new Map<string, Map<string, { uid: number; mail: string; flags: number }>>();
  if (inbox) places.set('server/anna/INBOX', new Map([['1', { uid: 1, mail: 'm1', flags: 0 }]]));
  if (sent) places.set('server/anna/Sent', new Map([['1', { uid: 1, mail: 's1', flags: 8 }]]));
  const folderMeta = new Map(FOLDERS.map((f, i) => [`server/anna/${f}`, { uidValidity: V + i, uidNext: 1 + (f === 'INBOX' ? inbox : f === 'Sent' ? sent : 0) }]));
  return { serverGeneration: 1, mails, places, folderMeta };
}

const session = (id: string, protocol: 'IMAP' | 'LMTP', client: string) => ({ id, protocol, client, account: 'anna', serverGeneration: 1, tls: false, port: 0 });

const P = 'phone#1';
const M = 'mta#2';
const frames: HandWrittenFrame[] = [
  { index: 0, time: 0, step: -1, label: 'start', sessions: [], state: state(0, 0), lines: [] },
  {
    index: 1,
    time: 1,
    step: 0,
    label: 'phone waits in IDLE',
    sessions: [session(P, 'IMAP', 'phone')],
    state: state(0, 0),
    lines: [
      ...S(P, '* OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ AUTH=PLAIN AUTH=LOGIN] Dovecot (Debian) ready.'),
      L(P, 'C', 'a1 LOGIN anna secret'),
      ...S(P, `a1 OK [CAPABILITY ${CAPS}] Logged in`),
      L(P, 'C', 'a2 SELECT INBOX'),
      ...S(P, '* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)', '* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted.', '* 0 EXISTS', '* 0 RECENT', `* OK [UIDVALIDITY ${V}] UIDs valid`, '* OK [UIDNEXT 1] Predicted next UID', 'a2 OK [READ-WRITE] Select completed (0.001 + 0.000 secs).'),
      L(P, 'C', 'a3 IDLE'),
      ...S(P, '+ idling'),
    ],
  },
  {
    index: 2,
    time: 2,
    step: 1,
    label: 'm1 arrives, the phone hears of it',
    sessions: [session(M, 'LMTP', 'mta')],
    state: state(1, 0),
    lines: [
      ...S(M, '220 mail.example.org Dovecot (Debian) ready.'),
      L(M, 'C', 'LHLO mx.example.org'),
      ...S(M, '250-mail.example.org', '250-8BITMIME', '250-CHUNKING', '250-ENHANCEDSTATUSCODES', '250 PIPELINING'),
      L(M, 'C', 'MAIL FROM:<bob@example.com>'),
      ...S(M, '250 2.1.0 OK'),
      L(M, 'C', 'RCPT TO:<anna@example.org>'),
      ...S(M, '250 2.1.5 OK'),
      L(M, 'C', 'DATA'),
      ...S(M, '354 OK'),
      L(M, 'C', '<message m1, 4096 octets>'),
      L(M, 'C', '.'),
      ...S(M, '250 2.0.0 <anna@example.org> selfcheckselfcheckself Saved'),
      L(M, 'C', 'QUIT'),
      ...S(M, '221 2.0.0 Bye'),
      ...S(P, '* 1 EXISTS', '* 1 RECENT'),
    ],
  },
  {
    index: 3,
    time: 3,
    step: 2,
    label: 'phone ends IDLE and saves a sent mail',
    sessions: [],
    state: state(1, 1),
    lines: [
      L(P, 'C', 'DONE'),
      ...S(P, 'a3 OK Idle completed (0.001 + 0.000 secs).'),
      L(P, 'C', 'a4 APPEND Nowhere {3000}'),
      ...S(P, "a4 NO [TRYCREATE] Mailbox doesn't exist: Nowhere (0.001 + 0.000 secs)."),
      L(P, 'C', 'a5 APPEND Sent (\\Seen) {3000}'),
      ...S(P, '+ OK'),
      L(P, 'C', '<message s1, 3000 octets>'),
      ...S(P, `a5 OK [APPENDUID ${V + 1} 1] Append completed (0.001 + 0.000 secs).`),
      L(P, 'C', 'a6 LOGOUT'),
      ...S(P, '* BYE Logging out', 'a6 OK Logout completed (0.001 + 0.000 secs).'),
    ],
  },
];

export function selfCheck(server: () => Promise<Dovecot>): Promise<ReplayResult> {
  return replayHandWritten('harness-self-check', frames, server);
}
