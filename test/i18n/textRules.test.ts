// The text rules catch what the issue found in earlier texts, and pass good ones.
import { describe, expect, it } from 'vitest';
import { englishInGerman, pluralProblems } from './textRules';

describe('text rules', () => {
  it('catch plural fallbacks and wrong plural forms', () => {
    expect(pluralProblems('wartet seit 1 Tagen in der Warteschlange')).not.toEqual([]);
    expect(pluralProblems('3 Nachricht(en) auf dem Server')).not.toEqual([]);
    expect(pluralProblems('2 lokale Kopie(n) sind verloren')).not.toEqual([]);
    expect(pluralProblems('1 Postfach/Postfächer auf dem Server')).not.toEqual([]);
    expect(pluralProblems('der/die ein Postfach hat')).not.toEqual([]);
    expect(pluralProblems('3 message(s) downloaded')).not.toEqual([]);
    expect(pluralProblems('2 local cop(ies) are gone')).not.toEqual([]);
    expect(pluralProblems('3 Nachricht auf dem Server')).not.toEqual([]);
  });
  it('pass real plural forms and units', () => {
    expect(pluralProblems('1 Nachricht auf dem Server, davon 1 neu; 14 Tage lang; 512 kbit/s; Tag 3')).toEqual([]);
    expect(pluralProblems('2 messages, 1 day, 60 KB, mail 12 "Train tickets"')).toEqual([]);
  });
  it('catch English folder and subject words in German, but not addresses or protocol names', () => {
    expect(englishInGerman('Sie wandert auf dem Server nach Trash')).toEqual(['Trash']);
    expect(englishInGerman('legt die Kopie im Ordner „Sent“ ab')).toEqual(['Sent']);
    expect(englishInGerman('Mail m1 trifft ein')).toEqual(['Mail']);
    expect(englishInGerman('Nachricht 1 „Train tickets“ im Ordner „Travel“')).toEqual(['Travel', 'Train tickets']);
    expect(englishInGerman('im Posteingang (INBOX) von anna@example.org auf mail.example.org, per E-Mail')).toEqual([]);
    expect(englishInGerman('der INBOX')).toEqual(['INBOX']);
  });
});
