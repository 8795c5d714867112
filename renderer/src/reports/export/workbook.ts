import type { Worksheet } from 'exceljs';
import type { LocalGroup, LocalTable } from '../localize';
import type { ReportCell } from '../tables';

/**
 * The office report as an Excel workbook, for the regional office and for anyone who wants to
 * work with the numbers. It renders the same `LocalGroup[]` as the screen and the printed report,
 * so it cannot say anything else; every figure is written as a number (not text) so sums, charts
 * and pivot tables work. ExcelJS, not SheetJS: npm's `xlsx` package is frozen with known
 * vulnerabilities.
 */

/** What stands above the tables, already in the reader's language. */
export interface ReportHeading {
  /** The office, as in the report's header ("Yunusobod tumani …"); bold on the first row. */
  office: string;
  /** The period in words ("2026-yil III chorak"). */
  period: string;
  /** When and by whom, as shown ("Tuzilgan: 04.12.2026"). */
  generated: string;
  /** The first column's header, over the row labels ("Koʻrsatkich"). */
  labelColumn: string;
  /** The report's name for the file's properties (Excel: File › Info); not printed on the sheets. */
  title?: string;
  /** The workbook's created date; now when left out (tests pass a fixed one). */
  createdAt?: Date;
}

/** Rows above the first table: office, period, generated. Frozen, and repeated on printed pages. */
export const HEADING_ROWS = 3;

/**
 * Excel number formats by cell format. A percentage is written as the number the screen shows
 * (87.5, shown as "87.5%"), not as Excel's fraction 0.875 with a `%` format: the value in the file
 * is then the value on the screen and in the CSV, a reader who copies it gets 87.5, and no
 * division adds float noise (33.3 / 100 is 0.33299999999999996). Days are medians, whole or a
 * half, so General shows them as the screen does.
 */
export const NUMBER_FORMATS: Record<ReportCell['format'], string> = {
  count: '#,##0',
  percent: '0.0"%"',
  days: 'General',
};

const LABEL_WIDTH = { min: 24, max: 60 };
const VALUE_WIDTH = { min: 10, max: 16 };
const LINE_HEIGHT = 15;
const HEADER_FILL = 'FFEFEFEF';

/**
 * One workbook per report, one sheet per indicator group, named after the group (in Excel's rules).
 * A sheet: the heading rows, a blank row, then each table as its title (bold), a header row
 * (`heading.labelColumn`, then the table's columns) and its rows; a blank row between tables.
 * An empty cell where the screen shows "—" (no value), so a column stays numeric.
 */
export async function reportWorkbook(groups: readonly LocalGroup[], heading: ReportHeading): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Hamkorlik';
  workbook.lastModifiedBy = 'Hamkorlik';
  workbook.created = heading.createdAt ?? new Date();
  workbook.modified = workbook.created;
  if (heading.title) workbook.title = heading.title;
  const names = sheetNames(groups.map((group) => group.title));
  groups.forEach((group, index) => writeSheet(workbook.addWorksheet(names[index]), group, heading));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function writeSheet(sheet: Worksheet, group: LocalGroup, heading: ReportHeading): void {
  const office = sheet.addRow([heading.office]);
  office.font = { bold: true, size: 14 };
  office.height = 20;
  sheet.addRow([heading.period]).font = { size: 12 };
  sheet.addRow([heading.generated]).font = { italic: true, color: { argb: 'FF595959' } };
  const widths = columnWidths(group.tables, heading);
  widths.forEach((width, index) => (sheet.getColumn(index + 1).width = width));
  for (const table of group.tables) {
    sheet.addRow([]);
    const title = sheet.addRow([table.title]);
    title.font = { bold: true, size: 12 };
    title.height = 18;
    const header = sheet.addRow([heading.labelColumn, ...table.columns]);
    header.font = { bold: true };
    header.height = heightOf([heading.labelColumn, ...table.columns], widths);
    header.eachCell((cell, column) => {
      cell.alignment = { wrapText: true, vertical: 'middle', horizontal: column === 1 ? 'left' : 'center' };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
      cell.border = { bottom: { style: 'thin' } };
    });
    for (const row of table.rows) {
      const line = sheet.addRow([row.label, ...row.cells.map((cell) => cell.value)]);
      line.getCell(1).alignment = { wrapText: true, vertical: 'top' };
      // A long label wraps; its numbers stay on its first line.
      if (row.label.length + 1 > widths[0]!) line.height = heightOf([row.label], widths);
      row.cells.forEach((cell, index) => {
        const target = line.getCell(index + 2);
        target.numFmt = NUMBER_FORMATS[cell.format];
        target.alignment = { vertical: 'top' };
      });
    }
  }
  // A sheet holds several tables, each with its own header row, so no single header row can stay
  // in view. What stays is what holds for every table: the heading rows (whose office and period
  // these are) and the label column, so a number scrolled to the right still shows its row.
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: HEADING_ROWS, topLeftCell: `B${HEADING_ROWS + 1}` }];
  // On paper: A4, as wide as one page, the heading repeated on every page.
  sheet.pageSetup = { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `1:${HEADING_ROWS}` };
}

/**
 * Widths in Excel's units (about one "0" each). The label column fits the longest label or title,
 * within bounds, so titles rarely overflow across the frozen edge; value columns fit their
 * headers up to a bound, and longer headers wrap.
 */
function columnWidths(tables: readonly LocalTable[], heading: ReportHeading): number[] {
  const clamp = (length: number, { min, max }: { min: number; max: number }) => Math.min(max, Math.max(min, length + 2));
  const labels = [heading.labelColumn, ...tables.flatMap((table) => [table.title, ...table.rows.map((row) => row.label)])];
  const widths = [clamp(Math.max(...labels.map((label) => label.length)), LABEL_WIDTH)];
  const columnCount = Math.max(0, ...tables.map((table) => table.columns.length));
  for (let index = 0; index < columnCount; index++) {
    const headers = tables.map((table) => table.columns[index] ?? '');
    // As wide as the header up to a bound, and never narrower than its longest word.
    widths.push(Math.max(clamp(Math.max(...headers.map((text) => text.length)), VALUE_WIDTH), ...headers.map((text) => longestWord(text) + 2)));
  }
  return widths;
}

const longestWord = (text: string) => Math.max(0, ...text.split(/\s+/u).map((word) => word.length));

/**
 * Rows are given their height: Excel grows a row for wrapped text only when it lays the row out
 * itself, which it does not reliably do for a file it opens. The lines are an estimate (words
 * filled into lines of the column's width in characters); a line too many is better than a label
 * cut off.
 */
function heightOf(texts: readonly string[], widths: readonly number[]): number {
  const lines = texts.map((text, index) => linesOf(text, widths[index] ?? VALUE_WIDTH.min));
  return Math.max(1, ...lines) * LINE_HEIGHT;
}

function linesOf(text: string, width: number): number {
  const room = Math.max(1, width - 1);
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/u).filter(Boolean)) {
    if (used > 0 && used + 1 + word.length <= room) {
      used += 1 + word.length;
      continue;
    }
    if (used > 0) lines++;
    // A word wider than the column is broken across lines.
    lines += Math.floor((word.length - 1) / room);
    used = word.length % room || room;
  }
  return lines;
}

/**
 * Sheet names as Excel allows them: at most 31 characters, none of []:*?/\, not starting or ending
 * with an apostrophe, not "History", unique ignoring case (a clash gets " (2)"). Exported for tests.
 */
export function sheetNames(titles: readonly string[]): string[] {
  const taken = new Set<string>();
  return titles.map((title, index) => {
    const clean = title.replace(/[[\]:*?/\\]/gu, ' ').replace(/\s+/gu, ' ');
    const base = trimQuotes(clean) || String(index + 1);
    let name = trimQuotes(truncate(base, 31));
    for (let n = 2; taken.has(name.toLowerCase()) || name.toLowerCase() === 'history'; n++) {
      const suffix = ` (${n})`;
      name = trimQuotes(truncate(base, 31 - suffix.length)) + suffix;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}

const trimQuotes = (text: string) => text.trim().replace(/^'+|'+$/gu, '').trim();

/** Cut to `max` UTF-16 units without splitting a character (Excel counts units). */
function truncate(text: string, max: number): string {
  const characters = Array.from(text);
  while (characters.join('').length > max) characters.pop();
  return characters.join('');
}
