import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { LocalGroup } from '../localize';
import { expectedTables, generatedGroups, HEADINGS, readReportSheet, type SheetCell } from '../testing/exported';
import { HEADING_ROWS, NUMBER_FORMATS, reportWorkbook, sheetNames } from './workbook';

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return workbook;
}

function rowsOf(sheet: ExcelJS.Worksheet): SheetCell[][] {
  const rows: SheetCell[][] = [];
  for (let index = 1; index <= sheet.rowCount; index++) {
    const row = sheet.getRow(index);
    const cells: SheetCell[] = [];
    for (let column = 1; column <= sheet.columnCount; column++) cells.push(row.getCell(column).value as SheetCell);
    rows.push(cells);
  }
  return rows;
}

describe('the report as an Excel workbook', () => {
  for (const language of ['uz-Cyrl', 'ru'] as const) {
    it(`in ${language}, read back by ExcelJS, holds the numbers the screen shows`, async () => {
      const groups = await generatedGroups(language);
      const heading = HEADINGS[language];
      const workbook = await readBack(await reportWorkbook(groups, heading));

      expect(workbook.creator).toBe('Hamkorlik');
      expect(workbook.created.toISOString()).toBe(heading.createdAt!.toISOString());
      expect(workbook.title).toBe(heading.title);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(groups.map((group) => group.title));

      let numbers = 0;
      for (const group of groups) {
        const sheet = workbook.getWorksheet(group.title)!;
        const read = readReportSheet(rowsOf(sheet), HEADING_ROWS);
        expect(read.heading).toEqual([heading.office, heading.period, heading.generated]);
        expect(read.labelColumns).toEqual(group.tables.map(() => heading.labelColumn));
        // Numbers as numbers: toEqual tells 12 from "12", and null (empty) from 0.
        expect(read.tables).toEqual(expectedTables(group));
        numbers += read.tables.flatMap((table) => table.rows.flatMap((row) => row.values)).filter((value) => typeof value === 'number').length;

        expect(sheet.getRow(1).font?.bold).toBe(true);
        expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: HEADING_ROWS });
        expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(24);
        for (let column = 2; column <= sheet.columnCount; column++) expect(sheet.getColumn(column).width, `column ${column}`).toBeGreaterThanOrEqual(10);
      }
      expect(numbers).toBeGreaterThan(100);

      // Each value cell carries the format of its kind: the percentage is 87.5 shown as "87.5%".
      const process = workbook.getWorksheet(groups.find((group) => group.group === 'process')!.title)!;
      const percentRow = rowsOf(process).findIndex((row) => row[0] === groups.find((group) => group.group === 'process')!.tables[0]!.rows[3]!.label);
      const percent = process.getRow(percentRow + 1).getCell(2);
      expect(percent.numFmt).toBe(NUMBER_FORMATS.percent);
      expect(percent.value).toBeGreaterThan(1);
    });
  }

  it('writes no value as an empty cell, and takes any group titles as sheet names', async () => {
    const groups: LocalGroup[] = [
      {
        group: 'process',
        title: 'Jarayon: [oylik] monitoring / rejalar va baholashlar',
        tables: [
          {
            id: 'process',
            group: 'process',
            title: 'Monitoring',
            columns: ['Qiymat'],
            rows: [
              { key: 'text:x', label: 'Oʻz vaqtida', cells: [{ value: null, format: 'percent' }] },
              { key: 'text:x', label: 'Mediana', cells: [{ value: 12.5, format: 'days' }] },
              { key: 'text:x', label: 'Rejadan kechikkan', cells: [{ value: 0, format: 'count' }] },
            ],
          },
        ],
      },
      { group: 'people', title: 'jarayon: [oylik] monitoring / rejalar va baholashlar', tables: [] },
    ];
    const workbook = await readBack(await reportWorkbook(groups, { office: 'Ofis', period: 'Davr', generated: 'Bugun', labelColumn: 'Koʻrsatkich' }));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Jarayon oylik monitoring rejala', 'jarayon oylik monitoring re (2)']);
    const [first] = workbook.worksheets;
    expect(readReportSheet(rowsOf(first!), HEADING_ROWS).tables).toEqual(expectedTables(groups[0]!));
    expect(first!.getCell('B7').value).toBeNull();
    expect(first!.getCell('B8').value).toBe(12.5);
    expect(first!.getCell('B9').value).toBe(0);
  });

  it('names sheets within Excel’s rules', () => {
    expect(sheetNames(['Oilalar', 'OILALAR', 'History', "'Kadrlar'", '', 'a'.repeat(40)])).toEqual(['Oilalar', 'OILALAR (2)', 'History (2)', 'Kadrlar', '5', 'a'.repeat(31)]);
    // An astral character is not cut in half at the 31st unit.
    expect(sheetNames([`${'a'.repeat(30)}😀`])).toEqual(['a'.repeat(30)]);
  });
});
