// The harness's check of TLS as production runs it: a hand-written transcript
// in Dovecot 2.3's words, replayed against a Dovecot with `ssl = required`
// (plaintext login only after STARTTLS/STLS) and implicit TLS listeners, from
// a remote client's address. If it does not agree, the harness is broken.
//
// The handshake is one transcript line, written as the server's:
//
//   <TLS handshake: TLSv1.3, certificate mail.example.org>
//
// - protocol version as OpenSSL names it (Dovecot 2.3 on Debian 12 with
//   OpenSSL 3.0 negotiates TLSv1.3 with any current client);
// - the certificate's name: the subject CN, which the client checks against
//   the host name it connected to (here the run's own certificate for
//   mail.example.org, made by scripts/dovecot.sh cert).
// With STARTTLS/STLS it follows the server's go-ahead ("a2 OK Begin TLS
// negotiation now." / "+OK Begin TLS negotiation now."); with implicit TLS
// (993/995, and 465 for submission) it comes before the greeting. The model
// writes the same line when it speaks TLS; the replay (replay.ts, `tls` set)
// compares it with the handshake that really happened.
import type { Dovecot } from './dovecot';
import type { ReplayResult } from './replay';
import { L, S, replayHandWritten, type HandWrittenFrame } from './handWritten';
import { CAPS, state } from './selfcheck';
import { handshakeLine, type TlsTrust } from './wire';

export const HANDSHAKE = handshakeLine({ protocol: 'TLSv1.3', certificate: 'mail.example.org' });
const PRE_LOGIN = 'IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+';
const PLAINTEXT_REFUSED = 'Plaintext authentication disallowed on non-secure (SSL/TLS) connections.';

const session = (id: string, protocol: 'IMAP' | 'POP3', client: string, port: number) => ({ id, protocol, client, account: 'anna', serverGeneration: 1, tls: port === 993 || port === 995, port });

const I = 'laptop#1';
const P = 'phone#2';
const IS = 'desktop#3';
const PS = 'tablet#4';
const frames: HandWrittenFrame[] = [
  { index: 0, time: 0, step: -1, label: 'start', sessions: [], state: state(0, 0), lines: [] },
  {
    index: 1,
    time: 1,
    step: 0,
    label: 'IMAP on 143: plaintext LOGIN refused, then STARTTLS and LOGIN',
    sessions: [session(I, 'IMAP', 'laptop', 143)],
    state: state(0, 0),
    lines: [
      ...S(I, `* OK [CAPABILITY ${PRE_LOGIN} STARTTLS LOGINDISABLED] Dovecot (Debian) ready.`),
      L(I, 'C', 'a1 LOGIN anna secret'),
      ...S(I, '* BAD [ALERT] Plaintext authentication not allowed without SSL/TLS, but your client did it anyway. If anyone was listening, the password was exposed.', `a1 NO [PRIVACYREQUIRED] ${PLAINTEXT_REFUSED}`),
      L(I, 'C', 'a2 STARTTLS'),
      ...S(I, 'a2 OK Begin TLS negotiation now.', HANDSHAKE),
      L(I, 'C', 'a3 CAPABILITY'),
      ...S(I, `* CAPABILITY ${PRE_LOGIN} AUTH=PLAIN AUTH=LOGIN`, 'a3 OK Pre-login capabilities listed, post-login capabilities have more.'),
      L(I, 'C', 'a4 LOGIN anna secret'),
      ...S(I, `a4 OK [CAPABILITY ${CAPS}] Logged in`),
      L(I, 'C', 'a5 LOGOUT'),
      ...S(I, '* BYE Logging out', 'a5 OK Logout completed (0.001 + 0.000 secs).'),
    ],
  },
  {
    index: 2,
    time: 2,
    step: 1,
    label: 'POP3 on 110: USER/PASS refused, then STLS and USER/PASS',
    sessions: [session(P, 'POP3', 'phone', 110)],
    state: state(0, 0),
    lines: [
      ...S(P, '+OK Dovecot (Debian) ready.'),
      L(P, 'C', 'USER anna'),
      ...S(P, `-ERR [AUTH] ${PLAINTEXT_REFUSED}`),
      L(P, 'C', 'PASS secret'),
      ...S(P, `-ERR [AUTH] ${PLAINTEXT_REFUSED}`),
      L(P, 'C', 'STLS'),
      ...S(P, '+OK Begin TLS negotiation now.', HANDSHAKE),
      L(P, 'C', 'USER anna'),
      ...S(P, '+OK'),
      L(P, 'C', 'PASS secret'),
      ...S(P, '+OK Logged in.'),
      L(P, 'C', 'QUIT'),
      ...S(P, '+OK Logging out.'),
    ],
  },
  {
    index: 3,
    time: 3,
    step: 2,
    label: 'implicit TLS on 993 and 995: the handshake, then the greeting',
    sessions: [session(IS, 'IMAP', 'desktop', 993), session(PS, 'POP3', 'tablet', 995)],
    state: state(0, 0),
    lines: [
      ...S(IS, HANDSHAKE, `* OK [CAPABILITY ${PRE_LOGIN} AUTH=PLAIN AUTH=LOGIN] Dovecot (Debian) ready.`),
      L(IS, 'C', 'b1 LOGIN anna secret'),
      ...S(IS, `b1 OK [CAPABILITY ${CAPS}] Logged in`),
      L(IS, 'C', 'b2 LOGOUT'),
      ...S(IS, '* BYE Logging out', 'b2 OK Logout completed (0.001 + 0.000 secs).'),
      ...S(PS, HANDSHAKE, '+OK Dovecot (Debian) ready.'),
      L(PS, 'C', 'USER anna'),
      ...S(PS, '+OK'),
      L(PS, 'C', 'PASS secret'),
      ...S(PS, '+OK Logged in.'),
      L(PS, 'C', 'QUIT'),
      ...S(PS, '+OK Logging out.'),
    ],
  },
];

/** Replay the TLS transcript against a Dovecot started with TLS 'required'. */
export function tlsSelfCheck(server: () => Promise<Dovecot>, trust: TlsTrust): Promise<ReplayResult> {
  return replayHandWritten('harness-self-check-tls', frames, server, trust);
}
