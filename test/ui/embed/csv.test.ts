import { describe, expect, it } from 'vitest';
import { csvCell, csvText } from '../../../src/ui/export/csv';
import { exportFileName } from '../../../src/ui/export/fileName';

describe('CSV cells', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
    ['a, b', '"a, b"'],
    ['line\nbreak', '"line\nbreak"'],
    ['plain', 'plain'],
  ])('%j is written %j', (input, out) => {
    expect(csvCell(input)).toBe(out);
  });
  it('numbers are numbers', () => {
    expect(csvCell(-3)).toBe('-3');
  });
  it('rows end in CRLF', () => {
    expect(csvText([['a', 'b'], ['c', 'd']])).toBe('a,b\r\nc,d\r\n');
  });
});

describe('export file names', () => {
  it('say scenario, variant, part and language', () => {
    expect(exportFileName({ scenario: 'pop3-three-devices', variant: 'imap', lang: 'de', part: { steps: [3, 5] } }, 'gif')).toBe('pop3-three-devices-imap-steps3-5-de.gif');
    expect(exportFileName({ scenario: 'pop3-three-devices', variant: null, lang: 'en', part: { frame: 12 } }, 'csv')).toBe('pop3-three-devices-frame12-en.csv');
    expect(exportFileName({ scenario: 'x', variant: null, lang: 'en', part: 'all' }, 'webm')).toBe('x-all-en.webm');
  });
});
