import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { HEADING_ROWS, reportWorkbook } from '../renderer/src/reports/export/workbook';
import type { LocalGroup } from '../renderer/src/reports/localize';
import { expectedTables, generatedGroups, HEADINGS, readReportSheet, type ExportLanguage, type SheetCell } from '../renderer/src/reports/testing/exported';
import { soffice } from './libreoffice';

/**
 * The report's workbook as another spreadsheet program reads it: LibreOffice converts each sheet
 * to CSV with the cells as shown (en-US, so "1,234" and "87.5%"), and every number must be the one
 * the screen shows — and a percentage must still show as one. Here, not beside workbook.ts, because
 * running a program needs Node, which the renderer's tsconfig and lint rules keep out of renderer/.
 */
if (!soffice) console.warn('SKIPPED scripts/reports-libreoffice.test.ts: LibreOffice (soffice) is not installed; .ci/run installs libreoffice-calc-nogui');

const LANGUAGES: ExportLanguage[] = ['uz-Cyrl', 'ru'];

// Field separator ';' (59), text in quotes (34), UTF-8, from line 1, cell format, en-US (1033), quote
// text cells no, detect special numbers (import only), save cells as shown yes, formulas no, trim no,
// and -1: every sheet to its own file named <file>-<sheet>.csv (LibreOffice 7.2 and later).
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):59,34,76,1,,1033,false,true,true,false,false,-1';

/** Each sheet of each workbook as CSV text, by file and sheet name; one LibreOffice run for all. */
function convertToCsv(files: Record<string, Uint8Array>): Map<string, string> {
  const work = mkdtempSync(join(tmpdir(), 'hamkorlik-lo-'));
  try {
    const paths = Object.entries(files).map(([name, bytes]) => {
      const path = join(work, `${name}.xlsx`);
      writeFileSync(path, bytes);
      return path;
    });
    const profile = pathToFileURL(join(work, 'profile')).href;
    const log = execFileSync(soffice!, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', CSV_FILTER, '--outdir', join(work, 'out'), ...paths], { encoding: 'utf8', stdio: 'pipe', timeout: 60_000 });
    // soffice reports a failed conversion on its output, not always by its exit code (e.g. no Calc).
    if (!existsSync(join(work, 'out'))) throw new Error(`LibreOffice wrote no CSV; is Calc (libreoffice-calc-nogui) installed? ${log}`);
    const out = readdirSync(join(work, 'out'));
    return new Map(out.map((name) => [name.replace(/\.csv$/u, ''), readFileSync(join(work, 'out', name), 'utf8')]));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A value cell as shown back to a number: "1,234" → 1234, "87.5%" → 87.5; other cells as text. */
function asShown(rows: string[][]): SheetCell[][] {
  return rows.map((row) => row.map((cell, column) => (column > 0 && /^\d{1,3}(,\d{3})*(\.\d+)?%?$/u.test(cell) ? Number(cell.replace(/[,%]/gu, '')) : cell)));
}

describe.skipIf(!soffice)('the report’s workbook opened by LibreOffice', () => {
  it('each sheet, converted to CSV, shows the numbers the screen shows', { timeout: 60_000 }, async () => {
    const groups = Object.fromEntries(await Promise.all(LANGUAGES.map(async (language) => [language, await generatedGroups(language)] as const))) as Record<ExportLanguage, LocalGroup[]>;
    const files = Object.fromEntries(await Promise.all(LANGUAGES.map(async (language) => [`report-${language}`, await reportWorkbook(groups[language], HEADINGS[language])] as const)));
    const sheets = convertToCsv(files);

    for (const language of LANGUAGES) {
      for (const group of groups[language]) {
        const text = sheets.get(`report-${language}-${group.title}`);
        expect(text, `report-${language}-${group.title}.csv among ${[...sheets.keys()].join(', ')}`).toBeDefined();
        const rows = Papa.parse<string[]>(text!.replace(/^\uFEFF/u, ''), { delimiter: ';', skipEmptyLines: false }).data;
        const read = readReportSheet(asShown(rows), HEADING_ROWS);
        const heading = HEADINGS[language];
        expect(read.heading).toEqual([heading.office, heading.period, heading.generated]);
        expect(read.tables).toEqual(expectedTables(group));
        // A percentage still reads as one ("87.5%"), a count has no decimals.
        const shown = rows.flat();
        for (const table of group.tables) {
          for (const row of table.rows) {
            for (const cell of row.cells) {
              if (cell.value === null) continue;
              const wanted = cell.format === 'percent' ? `${cell.value.toFixed(1)}%` : cell.format === 'count' ? cell.value.toLocaleString('en-US') : String(cell.value);
              expect(shown, `${group.title} / ${table.title} / ${row.label}`).toContain(wanted);
            }
          }
        }
      }
    }
  });
});
