// A draft reads the store as if its own writes were made (server/draft.ts).
// It keeps its first few writes in one flat list and more in maps per folder:
// whichever way they are kept, every read must be the one a map per folder
// gives, before and after the list gives way to the maps.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Draft } from '../../../src/sim/server/draft';
import { MailStore } from '../../../src/sim/store/store';
import type { Copy } from '../../../src/sim/model/state';

const PLACES = ['device/laptop/INBOX', 'device/laptop/Sent', 'device/phone/INBOX'];
const KEYS = ['1', '2', '3', '4', '5'];

function baseStore(): MailStore {
  const store = new MailStore();
  // Two places hold copies already (keys 1–3), the third is empty.
  for (const place of PLACES.slice(0, 2)) for (const key of KEYS.slice(0, 3)) store.apply({ op: 'put', place, key, copy: { mail: `${place}:${key}`, flags: 0 } });
  return store;
}

const write = fc.record({ place: fc.constantFrom(...PLACES), key: fc.constantFrom(...KEYS), del: fc.boolean(), flags: fc.integer({ min: 0, max: 31 }) });

describe('a draft reads its own writes', () => {
  it('copyAt and folder read as with a map per folder, however many writes it holds', () => {
    fc.assert(
      fc.property(fc.array(write, { maxLength: 12 }), (writes) => {
        const store = baseStore();
        const d = new Draft(store);
        const own = new Map<string, Map<string, Copy | null>>();
        for (const w of writes) {
          const copy: Copy = { mail: `w${w.flags}`, flags: w.flags };
          if (w.del) d.del(w.place, w.key);
          else d.put(w.place, w.key, copy);
          if (!own.has(w.place)) own.set(w.place, new Map());
          own.get(w.place)!.set(w.key, w.del ? null : copy);
          for (const place of PLACES) {
            const mine = own.get(place);
            for (const key of KEYS) {
              const expected = mine?.has(key) ? (mine.get(key) ?? undefined) : store.copyAt(place, key);
              expect(d.copyAt(place, key)).toBe(expected);
            }
            // The folder as the draft sees it: the store's order with the draft's copies in place, then its new keys in the order written.
            const folder: Array<[string, Copy]> = [];
            for (const [key, c] of store.folder(place)) {
              const m = mine?.has(key) ? mine.get(key) : c;
              if (m) folder.push([key, m]);
            }
            for (const [key, c] of mine ?? []) if (c && !store.folder(place).has(key)) folder.push([key, c]);
            expect([...d.folder(place)]).toEqual(folder);
          }
        }
      }),
    );
  });
});
