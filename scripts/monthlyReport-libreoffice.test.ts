import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DocLanguage } from '../renderer/src/documents/model';
import { monthlyReportDocx } from '../renderer/src/documents/monthlyReport';
import { monthlyReportFixture } from '../renderer/src/documents/testing/monthlyReportFixture';
import { formatCell } from '../renderer/src/reports/localize';

/**
 * The report on the office's work as a word processor prints it: LibreOffice converts it to PDF,
 * and the PDF must be A4 portrait, use no fallback font, and carry the very numbers the screen
 * shows. The PDF and every page as PNG go to test-results/documents for a person to look at (the seven-column
 * breakdowns are the ones to check: they must fit the width of the page).
 */
const soffice = ['soffice', 'libreoffice'].find((command) => {
  try {
    execFileSync('which', [command], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});
const OUT = resolve(process.env.HAMKORLIK_DOCUMENTS_OUT ?? 'test-results/documents');

if (!soffice) console.warn('SKIPPED scripts/monthlyReport-libreoffice.test.ts: LibreOffice (soffice) is not installed; .ci/run installs libreoffice-writer-nogui');

function convert(name: string, bytes: Uint8Array): { text: string; fonts: string[]; pageSize: string } {
  const work = mkdtempSync(join(tmpdir(), 'hamkorlik-lo-'));
  try {
    const docx = join(work, `${name}.docx`);
    writeFileSync(docx, bytes);
    const profile = pathToFileURL(join(work, 'profile')).href;
    execFileSync(soffice!, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, docx], { stdio: 'pipe', timeout: 60_000 });
    const pdf = join(work, `${name}.pdf`);
    expect(existsSync(pdf), `${name}.pdf was not produced`).toBe(true);
    mkdirSync(OUT, { recursive: true });
    copyFileSync(pdf, join(OUT, `${name}.pdf`));
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(OUT, name)]);
    // -layout keeps a table row on one line: its label, then its numbers left to right.
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter(Boolean)
      .map((line) => line.split(/\s+/u)[0]!.replace(/^[A-Z]{6}\+/u, ''));
    const pageSize = /Page size:\s+(.*)/u.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? '';
    return { text, fonts, pageSize };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const TITLE: Record<DocLanguage, string> = {
  'uz-Latn': 'OILALAR VA BOLALAR BILAN ISHLASH BOʻYICHA HISOBOT',
  'uz-Cyrl': 'ОИЛАЛАР ВА БОЛАЛАР БИЛАН ИШЛАШ БЎЙИЧА ҲИСОБОТ',
  ru: 'ОТЧЁТ О РАБОТЕ С СЕМЬЯМИ И ДЕТЬМИ',
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

describe.skipIf(!soffice)('the report opened by LibreOffice', () => {
  for (const language of ['uz-Latn', 'uz-Cyrl', 'ru'] as const) {
    it(`in ${language}: A4 portrait, no fallback font, the screen's numbers row by row`, { timeout: 60_000 }, async () => {
      const data = await monthlyReportFixture(language);
      const { text, fonts, pageSize } = convert(`monthlyReport-${language}`, await monthlyReportDocx(data, language));
      expect(pageSize).toMatch(/595\.\d* x 841\.\d* pts \(A4\)/u);
      expect(text.replace(/\s+/gu, ' ')).toContain(TITLE[language]);
      for (const font of fonts) expect(font, `fonts used: ${fonts.join(', ')}`).toMatch(/^(LiberationSerif|TimesNewRoman)/u);
      // Each table's first row whose label fits on one line: its numbers follow it on that line, in order.
      let checked = 0;
      for (const table of data.groups.flatMap((group) => group.tables)) {
        const row = table.rows.find((candidate) => candidate.label.length <= 18);
        if (!row) continue;
        const numbers = row.cells.map((cell) => escape(formatCell(cell, language, data.t)).replace(/\s/gu, '\\s'));
        expect(text, `${table.id}: ${row.label}`).toMatch(new RegExp(`${escape(row.label)}\\s+${numbers.join('\\s+')}(\\s|$)`, 'u'));
        checked += 1;
      }
      expect(checked).toBeGreaterThan(5);
    });
  }
});
