// RFC 4180 CSV of a query result: a header row, CRLF line ends, fields quoted when they hold a
// comma, a quote or a line break; NULL is the empty field.
import { cell } from './format.js';

export function toCsv(result) {
  const quote = (v) => {
    const s = cell(v) ?? '';
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  const lines = [result.columns.map((c) => quote(c.name)).join(',')];
  for (const row of result.rows) lines.push(row.map(quote).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
