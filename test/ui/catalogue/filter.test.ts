import { describe, expect, it } from 'vitest';
import { emptyFilter, filterCatalogue, sortClaims, type CatalogueEntry } from '../../../src/ui/catalogue/filter';

const entry = (id: string, over: Partial<CatalogueEntry>): CatalogueEntry => ({
  id,
  title: { de: id, en: id },
  summary: { de: '', en: '' },
  claims: [],
  counterTo: [],
  topics: [],
  protocols: ['pop3'],
  devices: 1,
  mails: 1,
  variants: [],
  ...over,
});

const all = [
  entry('three', { title: { de: 'Drei Geräte mit POP3', en: 'Three devices on POP3' }, claims: ['P9'], topics: ['devices'] }),
  entry('quota', { title: { de: 'Postfach voll', en: 'Mailbox full' }, protocols: ['imap'], claims: ['I7'], topics: ['quota'] }),
  entry('mixed', { protocols: ['imap', 'pop3'], counterTo: ['P9'], topics: ['devices'] }),
];

describe('gallery filters', () => {
  it('searches titles in both languages, case- and accent-insensitively', () => {
    expect(filterCatalogue(all, { ...emptyFilter, text: 'gerate' }, 'en').map((e) => e.id)).toEqual(['three']);
    expect(filterCatalogue(all, { ...emptyFilter, text: 'MAILBOX full' }, 'de').map((e) => e.id)).toEqual(['quota']);
  });
  it('filters by claim (proved or countered), protocol and topic', () => {
    expect(filterCatalogue(all, { ...emptyFilter, claim: 'P9' }, 'en').map((e) => e.id)).toEqual(['three', 'mixed']);
    expect(filterCatalogue(all, { ...emptyFilter, protocol: 'imap' }, 'en').map((e) => e.id)).toEqual(['quota', 'mixed']);
    expect(filterCatalogue(all, { ...emptyFilter, protocol: 'both' }, 'en').map((e) => e.id)).toEqual(['mixed']);
    expect(filterCatalogue(all, { ...emptyFilter, topic: 'quota' }, 'en').map((e) => e.id)).toEqual(['quota']);
  });
  it('sorts claim ids P, I, D by number', () => {
    expect(sortClaims(['I2', 'D1', 'P10', 'P9', 'I2'])).toEqual(['P9', 'P10', 'I2', 'D1']);
  });
});
