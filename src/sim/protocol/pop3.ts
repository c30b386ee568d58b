// POP3 as it travels on the wire (RFC 1939, RFC 2449): the commands a client
// can send and how each is written. Shared by the client and the server.

export type Pop3Command =
  | { type: 'client.capa' }
  /** RFC 2595 §4: upgrade a plain connection (port 110) to TLS before login. */
  | { type: 'client.stls' }
  | { type: 'client.user'; name: string }
  | { type: 'client.pass'; password: string }
  | { type: 'client.stat' }
  | { type: 'client.list' }
  | { type: 'client.uidl' }
  | { type: 'client.retr'; n: number }
  | { type: 'client.top'; n: number; lines: number }
  | { type: 'client.dele'; n: number }
  | { type: 'client.rset' }
  | { type: 'client.noop' }
  | { type: 'client.quit' };

/**
 * A multi-line listing (LIST, UIDL) kept as a function until someone reads
 * its lines. `each` reads the same listing line by line without writing it
 * out: (message number, the rest of the line: size or UIDL).
 */
export type ListingReply = (() => string[]) & { readonly each?: (visit: (n: number, value: string) => void) => void };

/** A reply: its lines, or a listing. */
export type Reply = readonly string[] | ListingReply;

export function pop3CommandText(c: Pop3Command): string {
  switch (c.type) {
    case 'client.capa':
      return 'CAPA';
    case 'client.stls':
      return 'STLS';
    case 'client.user':
      return `USER ${c.name}`;
    case 'client.pass':
      return `PASS ${c.password}`;
    case 'client.stat':
      return 'STAT';
    case 'client.list':
      return 'LIST';
    case 'client.uidl':
      return 'UIDL';
    case 'client.retr':
      return `RETR ${c.n}`;
    case 'client.top':
      return `TOP ${c.n} ${c.lines}`;
    case 'client.dele':
      return `DELE ${c.n}`;
    case 'client.rset':
      return 'RSET';
    case 'client.noop':
      return 'NOOP';
    case 'client.quit':
      return 'QUIT';
  }
}
