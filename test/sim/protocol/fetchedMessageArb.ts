// One message of a FETCH reply kept as data, drawn at random: the tests of the
// reply's bytes and of an IDLE push kept as steps draw the same shape.
import fc from 'fast-check';
import type { FetchedMessage } from '../../../src/sim/protocol/imapFetch';

export const fetchedMessage: fc.Arbitrary<FetchedMessage> = fc.record({
  seq: fc.integer({ min: 1, max: 200_000 }),
  uid: fc.integer({ min: 1, max: 2_000_000 }),
  flags: fc.integer({ min: 0, max: 31 }),
  recent: fc.boolean(),
  size: fc.integer({ min: 0, max: 50_000_000 }),
  sizeAsked: fc.boolean(),
  literal: fc.constantFrom<FetchedMessage['literal']>('body', 'header', null),
  mail: fc.stringMatching(/^[a-z0-9~-]{1,12}$/),
});
