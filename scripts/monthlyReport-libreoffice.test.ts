import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocLanguage } from '../renderer/src/documents/model';
import { monthlyReportDocx } from '../renderer/src/documents/monthlyReport';
import { monthlyReportFixture } from '../renderer/src/documents/testing/monthlyReportFixture';
import { formatCell } from '../renderer/src/reports/localize';
import { convertToPdf, soffice, type ConvertedPdf } from './libreoffice';

/**
 * The report on the office's work as a word processor prints it: LibreOffice converts it to PDF,
 * and the PDF must be A4 portrait, use no fallback font, and carry the very numbers the screen
 * shows. The PDF and every page as PNG go to test-results/documents for a person to look at (the seven-column
 * breakdowns are the ones to check: they must fit the width of the page).
 */
const OUT = resolve(process.env.HAMKORLIK_DOCUMENTS_OUT ?? 'test-results/documents');

if (!soffice) console.warn('SKIPPED scripts/monthlyReport-libreoffice.test.ts: LibreOffice (soffice) is not installed; .ci/run installs libreoffice-writer-nogui');

const TITLE: Record<DocLanguage, string> = {
  'uz-Latn': 'OILALAR VA BOLALAR BILAN ISHLASH BOʻYICHA HISOBOT',
  'uz-Cyrl': 'ОИЛАЛАР ВА БОЛАЛАР БИЛАН ИШЛАШ БЎЙИЧА ҲИСОБОТ',
  ru: 'ОТЧЁТ О РАБОТЕ С СЕМЬЯМИ И ДЕТЬМИ',
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

const LANGUAGES = ['uz-Latn', 'uz-Cyrl', 'ru'] as const;

describe.skipIf(!soffice)('the report opened by LibreOffice', () => {
  const data = {} as Record<DocLanguage, Awaited<ReturnType<typeof monthlyReportFixture>>>;
  let pdfs = new Map<string, ConvertedPdf>();
  beforeAll(async () => {
    const files: Record<string, Uint8Array> = {};
    for (const language of LANGUAGES) {
      data[language] = await monthlyReportFixture(language);
      files[`monthlyReport-${language}`] = await monthlyReportDocx(data[language], language);
    }
    pdfs = convertToPdf(files, { out: OUT, keepPdf: true, layout: true });
  }, 300_000);

  for (const language of LANGUAGES) {
    it(`in ${language}: A4 portrait, no fallback font, the screen's numbers row by row`, () => {
      const pdf = pdfs.get(`monthlyReport-${language}`);
      expect(pdf, `monthlyReport-${language}.pdf was not produced`).toBeDefined();
      const { text, fonts, pageSize } = pdf!;
      expect(pageSize).toMatch(/595\.\d* x 841\.\d* pts \(A4\)/u);
      expect(text.replace(/\s+/gu, ' ')).toContain(TITLE[language]);
      for (const font of fonts) expect(font, `fonts used: ${fonts.join(', ')}`).toMatch(/^(LiberationSerif|TimesNewRoman)/u);
      // Each table's first row whose label fits on one line: its numbers follow it on that line, in order.
      let checked = 0;
      for (const table of data[language].groups.flatMap((group) => group.tables)) {
        const row = table.rows.find((candidate) => candidate.label.length <= 18);
        if (!row) continue;
        const numbers = row.cells.map((cell) => escape(formatCell(cell, language, data[language].t)).replace(/\s/gu, '\\s'));
        expect(text, `${table.id}: ${row.label}`).toMatch(new RegExp(`${escape(row.label)}\\s+${numbers.join('\\s+')}(\\s|$)`, 'u'));
        checked += 1;
      }
      expect(checked).toBeGreaterThan(5);
    });
  }
});
