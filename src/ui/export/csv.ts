// CSV as spreadsheets read it (RFC 4180: comma, CRLF, quotes doubled), with
// formula injection neutralised: a cell a spreadsheet would run as a formula
// (starting with = + - @, a tab or a carriage return) gets a leading apostrophe,
// as OWASP's "CSV injection" advice has it. Subjects come from strangers' files.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvText(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
