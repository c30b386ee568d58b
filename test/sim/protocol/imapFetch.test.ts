// A FETCH reply kept as data must say on the wire exactly what its lines say:
// the bytes counted without writing the lines equal the bytes of the lines
// written, and the client reads the same facts from the entries as from the lines.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fetchLinesBytes, fetchLinesText } from '../../../src/sim/protocol/imapFetch';
import { lineBytes } from '../../../src/sim/client/cost';
import { readFetched, fetchedUids } from '../../../src/sim/client/imapConnection';
import { fetchedMessage as message } from './fetchedMessageArb';


describe('a FETCH reply as data', () => {
  it('counts the bytes its written lines take', () => {
    fc.assert(
      fc.property(fc.array(message, { maxLength: 8 }), (fetched) => {
        const reply = { fetched };
        const text = fetchLinesText(reply);
        expect(fetchLinesBytes(reply)).toBe(lineBytes(text));
      }),
    );
  });

  it('reads as its written lines read', () => {
    fc.assert(
      fc.property(fc.array(message, { maxLength: 8 }), (fetched) => {
        const reply = { fetched };
        expect(readFetched(reply)).toEqual(readFetched(fetchLinesText(reply)));
        expect(fetchedUids(reply)).toEqual(fetchedUids(fetchLinesText(reply)));
      }),
    );
  });

  it('writes the lines Dovecot 2.3 writes', () => {
    const reply = {
      fetched: [
        { seq: 3, uid: 7, flags: 8, recent: true, size: 8192, sizeAsked: true, literal: 'header' as const, mail: 'm7' },
        { seq: 4, uid: 9, flags: 0, recent: false, size: 100, sizeAsked: false, literal: null, mail: 'm9' },
      ],
    };
    expect(fetchLinesText(reply)).toEqual(['* 3 FETCH (UID 7 FLAGS (\\Seen \\Recent) RFC822.SIZE 8192 BODY[HEADER] {600}', '<headers of m7>', ')', '* 4 FETCH (UID 9 FLAGS ())']);
  });
});
