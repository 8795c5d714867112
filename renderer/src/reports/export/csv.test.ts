import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { generatedGroups, HEADINGS } from '../testing/exported';
import { CSV_COLUMNS, CSV_SEPARATOR, reportCsv } from './csv';

describe('the report as CSV', () => {
  for (const language of ['uz-Cyrl', 'ru'] as const) {
    it(`in ${language}, parsed back, holds the numbers the screen shows, one line each`, async () => {
      const groups = await generatedGroups(language);
      const heading = HEADINGS[language];
      const csv = reportCsv(groups, heading);

      expect(csv.startsWith('\uFEFF')).toBe(true);
      expect(csv.endsWith('\r\n')).toBe(true);
      expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/u);
      const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: CSV_SEPARATOR, newline: '\r\n', skipEmptyLines: true });
      expect(parsed.errors).toEqual([]);
      const [header, ...lines] = parsed.data;
      expect(header).toEqual([...CSV_COLUMNS]);

      const expected = groups.flatMap((group) =>
        group.tables.flatMap((table) =>
          table.rows.flatMap((row) =>
            row.cells.map((cell, index) => ({
              office: heading.office,
              period: heading.period,
              group: group.title,
              table_id: table.id,
              table: table.title,
              row_key: row.key,
              // Texts that Excel would take for a formula are defused with an apostrophe.
              row: /^[=+\-@]/u.test(row.label) ? `'${row.label}` : row.label,
              column: table.columns[index],
              value: cell.value,
              unit: cell.format,
            })),
          ),
        ),
      );
      const read = lines.map((line) => {
        const record = Object.fromEntries(CSV_COLUMNS.map((column, index) => [column, line[index]])) as Record<(typeof CSV_COLUMNS)[number], string>;
        return { ...record, value: record.value === '' ? null : Number(record.value.replace(',', '.')) };
      });
      expect(read).toEqual(expected);
      expect(read.some((line) => line.unit === 'percent' && !Number.isInteger(line.value))).toBe(true);
      expect(read.filter((line) => /[;"]/u.test(line.row)).length).toBeGreaterThan(0);
    });
  }

  it('quotes only what needs it and writes decimals with a comma', () => {
    const csv = reportCsv(
      [
        {
          group: 'process',
          title: 'Jarayon',
          tables: [
            {
              id: 'process',
              group: 'process',
              title: 'Monitoring',
              columns: ['Qiymat'],
              rows: [
                { key: 'text:x', label: 'Oʻz vaqtida; "foiz"', cells: [{ value: 87.5, format: 'percent' }] },
                { key: 'text:x', label: 'Mediana', cells: [{ value: null, format: 'days' }] },
                { key: 'text:x', label: '+998 guruh', cells: [{ value: 1234, format: 'count' }] },
              ],
            },
          ],
        },
      ],
      { office: 'Ofis', period: '2026-yil I chorak' },
    );
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFoffice;period;group;table_id;table;row_key;row;column;value;unit',
      'Ofis;2026-yil I chorak;Jarayon;process;Monitoring;text:x;"Oʻz vaqtida; ""foiz""";Qiymat;87,5;percent',
      'Ofis;2026-yil I chorak;Jarayon;process;Monitoring;text:x;Mediana;Qiymat;;days',
      "Ofis;2026-yil I chorak;Jarayon;process;Monitoring;text:x;'+998 guruh;Qiymat;1234;count",
      '',
    ]);
  });
});
