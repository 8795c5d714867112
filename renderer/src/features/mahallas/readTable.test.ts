import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readTableFile, tableToCsv } from './readTable';

describe('reading table files', () => {
  it('reads the CSV it writes, with Cyrillic, apostrophes and commas intact', async () => {
    const rows = [
      ['uz_latn', 'uz_cyrl', 'ru'],
      ['Navroʻz', 'Наврўз', 'Навруз'],
      ['Bogʻ, bahor', 'Боғ, баҳор', 'Бог, бахор'],
    ];
    expect(await readTableFile('mahallas.csv', tableToCsv(rows))).toEqual(rows);
  });

  it('reads semicolon CSV saved by Excel in Windows-1251', async () => {
    // "Навруз;Тинчлик\r\n" in Windows-1251
    const bytes = new Uint8Array([0xcd, 0xe0, 0xe2, 0xf0, 0xf3, 0xe7, 0x3b, 0xd2, 0xe8, 0xed, 0xf7, 0xeb, 0xe8, 0xea, 0x0d, 0x0a]);
    expect(await readTableFile('list.CSV', bytes)).toEqual([['Навруз', 'Тинчлик']]);
  });

  it('reads the first sheet of an XLSX, keeping blank lines so line numbers match', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Mahallalar');
    sheet.addRow(['Lotin', 'Кирилл']);
    sheet.addRow(['Tinchlik', 'Тинчлик']);
    sheet.addRow([]);
    sheet.addRow(['Guliston', 42]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const rows = await readTableFile('m.xlsx', bytes);
    expect(rows[0]).toEqual(['Lotin', 'Кирилл']);
    expect(rows[1]).toEqual(['Tinchlik', 'Тинчлик']);
    expect(rows[2]!.every((cell) => cell === '')).toBe(true);
    expect(rows[3]).toEqual(['Guliston', '42']);
  });

  it('refuses other file types, empty files and broken spreadsheets with a code', async () => {
    await expect(readTableFile('a.docx', new Uint8Array([1]))).rejects.toMatchObject({ code: 'unsupportedType' });
    await expect(readTableFile('a.csv', new TextEncoder().encode('\n ,\n'))).rejects.toMatchObject({ code: 'empty' });
    await expect(readTableFile('a.xlsx', new TextEncoder().encode('not a zip'))).rejects.toMatchObject({ code: 'unreadable' });
  });
});
