import type { LocalGroup } from '../localize';
import type { ReportHeading } from './workbook';

/**
 * The office report as CSV, for other tools: statistics software (R, SPSS, Stata, pandas) and the
 * regional office's spreadsheets. Same `LocalGroup[]` as the screen and the workbook.
 *
 * Long ("tidy") format, one line per number: office; period; group; table_id; table; row_key; row;
 * column; value; unit. The tables have different columns (2 to 7), so a wide file would be several
 * rectangles in one, which no tool loads; a long file is one rectangle that R and pandas read in
 * one call and Excel turns into any table with a pivot table. Because each line carries its office
 * and period, the regional office can stack the files of all its districts and quarters and filter
 * or pivot across them.
 *
 * The column names are fixed ASCII words, not the UI language, so files from offices working in
 * different languages stack under the same header; `table_id` and `unit` are language-neutral
 * codes for the same reason (`row_key` as `text:new`, `stage:planning`, `mahalla:<id>`; `unit` one of
 * count, percent, days). The other texts are in the UI language.
 *
 * Separator `;` and decimal comma (87,5): that is what Excel expects when it opens a .csv on a
 * Russian or Uzbek Windows (list separator `;`, decimal separator `,`) — with `,` every line would
 * land in one column, and 12.5 could turn into a date. It is also R's `read.csv2` default and one
 * option in pandas (`sep=';', decimal=','`). Percentages are the number shown on the screen
 * (87,5 for 87.5 %), not a fraction. No value (the screen's "—") is an empty field.
 *
 * RFC 4180 otherwise: fields quoted when they hold `;`, `"` or a line break, CRLF line ends. UTF-8
 * with a byte-order mark, without which Excel reads the file in the machine's code page and the
 * Cyrillic and ʻ come out garbled. Texts starting with = + - @ get a leading apostrophe (OWASP's
 * advice against CSV formula injection): row labels include names people typed.
 */
export const CSV_COLUMNS = ['office', 'period', 'group', 'table_id', 'table', 'row_key', 'row', 'column', 'value', 'unit'] as const;

export const CSV_SEPARATOR = ';';

/** The CSV text, starting with the byte-order mark; encode it as UTF-8 to save. */
export function reportCsv(groups: readonly LocalGroup[], heading: Pick<ReportHeading, 'office' | 'period'>): string {
  const lines: string[][] = [[...CSV_COLUMNS]];
  for (const group of groups) {
    for (const table of group.tables) {
      for (const row of table.rows) {
        row.cells.forEach((cell, index) => {
          const texts = [heading.office, heading.period, group.title, table.id, table.title, row.key, row.label, table.columns[index] ?? ''].map(text);
          lines.push([...texts, cell.value === null ? '' : decimal(cell.value), cell.format]);
        });
      }
    }
  }
  return `\uFEFF${lines.map((line) => line.map(quoted).join(CSV_SEPARATOR)).join('\r\n')}\r\n`;
}

/** The shortest text that reads back as the same number (JavaScript's), with a decimal comma. */
const decimal = (value: number) => String(value).replace('.', ',');

const text = (value: string) => (/^[=+\-@\t\r]/u.test(value) ? `'${value}` : value);

const quoted = (field: string) => (/[;"\r\n]/u.test(field) ? `"${field.replaceAll('"', '""')}"` : field);
