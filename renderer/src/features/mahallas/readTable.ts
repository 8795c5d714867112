import Papa from 'papaparse';

/** Why a table file could not be read; each has `errors:import.<code>`. */
export type TableReadError = 'unsupportedType' | 'unreadable' | 'empty';

export class TableReadFailure extends Error {
  constructor(readonly code: TableReadError, detail?: string) {
    super(detail ?? code);
    this.name = 'TableReadFailure';
  }
}

export const TABLE_EXTENSIONS = ['csv', 'txt', 'xlsx'];

/**
 * Reads a CSV or XLSX file into rows of cell texts, one array per line of the file (blank lines
 * kept, so line numbers shown to the user match what they see in Excel).
 * CSV from Excel on a Russian Windows is often Windows-1251, not UTF-8: both are accepted.
 */
export async function readTableFile(name: string, bytes: Uint8Array): Promise<string[][]> {
  const extension = name.toLowerCase().split('.').pop() ?? '';
  let rows: string[][];
  if (extension === 'csv' || extension === 'txt') rows = parseCsv(decodeText(bytes));
  else if (extension === 'xlsx') rows = await readXlsx(bytes);
  else throw new TableReadFailure('unsupportedType', extension);
  if (!rows.some((row) => row.some((cell) => cell.trim()))) throw new TableReadFailure('empty');
  return rows;
}

export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1251').decode(bytes);
  }
}

/** Excel writes `;` where the decimal separator is a comma (Russian and Uzbek Windows), `,` elsewhere. */
function guessDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/u).find((line) => line.trim()) ?? '';
  const counts = [';', ',', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ',';
}

function parseCsv(text: string): string[][] {
  const clean = text.replace(/^\uFEFF/u, '');
  const result = Papa.parse<string[]>(clean, { skipEmptyLines: false, delimiter: guessDelimiter(clean) });
  const fatal = result.errors.find((error) => error.type === 'Quotes');
  if (fatal) throw new TableReadFailure('unreadable', `line ${fatal.row ?? '?'}: ${fatal.message}`);
  const rows = result.data.map((row) => row.map((cell) => String(cell ?? '')));
  // Papa gives a trailing empty row for the final newline; it is not a line of the table.
  while (rows.length && rows[rows.length - 1]!.every((cell) => cell === '')) rows.pop();
  return rows;
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (error) {
    throw new TableReadFailure('unreadable', error instanceof Error ? error.message : undefined);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new TableReadFailure('empty');
  const rows: string[][] = [];
  for (let index = 1; index <= sheet.rowCount; index += 1) {
    const row = sheet.getRow(index);
    const cells: string[] = [];
    for (let column = 1; column <= Math.max(row.cellCount, 1); column += 1) cells.push(row.getCell(column).text ?? '');
    rows.push(cells);
  }
  return rows;
}

/** A CSV of the rows, UTF-8 with a byte-order mark so Excel shows Cyrillic and ʻ correctly. */
export function tableToCsv(rows: string[][]): Uint8Array {
  return new TextEncoder().encode(`\uFEFF${Papa.unparse(rows, { newline: '\r\n' })}\r\n`);
}
