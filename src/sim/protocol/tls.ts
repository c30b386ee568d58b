// TLS as the wire carries it, shared by clients and the server: how a device is
// set up to connect (its "connection security"), which port that means, and the
// one transcript line that stands for a handshake.
//
//   implicit  TLS from the first byte: IMAP 993, POP3 995, submission 465 (RFC 8314 §3)
//   starttls  plain port, upgraded before login: IMAP 143 STARTTLS (RFC 3501 §6.2.1),
//             POP3 110 STLS (RFC 2595 §4), submission 587 STARTTLS (RFC 3207)
//   none      plain port and no upgrade: a client set up without encryption. A
//             production server refuses its login (docs/rules.md, "TLS as deployed").

export type TlsMode = 'implicit' | 'starttls' | 'none';

/**
 * The scenario's `tls` setting as a mode. Older files say `true` (the
 * encrypted ports, 993/995/465) or `false` (the plain ports 143/110/587, on
 * which every real client of the scenarios' kind first sends STARTTLS/STLS).
 */
export function tlsModeOf(setting: boolean | TlsMode): TlsMode {
  if (setting === true) return 'implicit';
  if (setting === false) return 'starttls';
  return setting;
}

export type Service = 'imap' | 'pop3' | 'submission';

const PORTS: Record<Service, { readonly implicit: number; readonly plain: number }> = {
  imap: { implicit: 993, plain: 143 },
  pop3: { implicit: 995, plain: 110 },
  submission: { implicit: 465, plain: 587 },
};

/** The port a device connects to for a service under its TLS mode. */
export const portOf = (service: Service, mode: TlsMode): number => (mode === 'implicit' ? PORTS[service].implicit : PORTS[service].plain);

/**
 * The protocol version Dovecot 2.3 and Postfix 3.7 on Debian 12 (OpenSSL 3.0)
 * agree on with any current client, as the conformance replay observes it.
 */
export const TLS_VERSION = 'TLSv1.3';

/** The one transcript line for a handshake: protocol version and the certificate's name (the server's host name). */
export const handshakeLine = (certificate: string, version = TLS_VERSION) => `<TLS handshake: ${version}, certificate ${certificate}>`;

export const isHandshakeLine = (text: string) => /^<TLS handshake: [^,]+, certificate [^>]+>$/.test(text);
