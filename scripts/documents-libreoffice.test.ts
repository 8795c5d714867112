import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { familyAgreementDocx } from '../renderer/src/documents/familyAgreement';
import { hokimDecisionDocx } from '../renderer/src/documents/hokimDecision';
import type { DocLanguage } from '../renderer/src/documents/model';
import { agreementFixture, decisionFixture } from '../renderer/src/documents/testing/fixtures';

/**
 * Every document as a word processor opens it: LibreOffice converts it to PDF (one conversion at a
 * time, each with its own profile), and the PDF must be A4, carry the expected text, and use no
 * fallback font — a fallback means a letter (Ғ Қ Ҳ Ў) the document's font lacks. Page 1 goes to
 * test-results/documents as PNG for a person to look at.
 */
const soffice = ['soffice', 'libreoffice'].find((command) => {
  try {
    execFileSync('which', [command], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});
const OUT = resolve('test-results/documents');

if (!soffice) console.warn('SKIPPED scripts/documents-libreoffice.test.ts: LibreOffice (soffice) is not installed; .ci/run installs libreoffice-writer-nogui');

function convert(name: string, bytes: Uint8Array): { text: string; fonts: string[]; pageSize: string } {
  const work = mkdtempSync(join(tmpdir(), 'hamkorlik-lo-'));
  try {
    const docx = join(work, `${name}.docx`);
    writeFileSync(docx, bytes);
    const profile = pathToFileURL(join(work, 'profile')).href;
    execFileSync(soffice!, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, docx], { stdio: 'pipe', timeout: 120_000 });
    const pdf = join(work, `${name}.pdf`);
    expect(existsSync(pdf), `${name}.pdf was not produced`).toBe(true);
    mkdirSync(OUT, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, join(OUT, name)]);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
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

const EXPECTED: Record<DocLanguage, { decision: string[]; agreement: string[] }> = {
  'uz-Latn': { decision: ['QAROR QILAMAN', 'Qodirova Gʻulomjon Hasanovna', 'NIZOM'], agreement: ['KELISHUV', 'Gʻaniyeva Oʻgʻiloy Qahramonovna'] },
  'uz-Cyrl': { decision: ['ҚАРОР ҚИЛАМАН', 'Қодирова Ғуломжон', 'НИЗОМ'], agreement: ['КЕЛИШУВ', 'Ғаниева Ўғилой Қаҳрамоновна'] },
  ru: { decision: ['РЕШАЮ', 'Қодирова Ғуломжон', 'ПОЛОЖЕНИЕ'], agreement: ['СОГЛАШЕНИЕ', 'Ғаниева Ўғилой Қаҳрамоновна'] },
};

describe.skipIf(!soffice)('documents opened by LibreOffice', () => {
  for (const language of ['uz-Latn', 'uz-Cyrl', 'ru'] as const) {
    for (const kind of ['decision', 'agreement'] as const) {
      it(`the ${kind} in ${language}: A4, its text, no fallback font`, { timeout: 120_000 }, async () => {
        const bytes = kind === 'decision' ? await hokimDecisionDocx(decisionFixture(2), language) : await familyAgreementDocx(agreementFixture(), language);
        const { text, fonts, pageSize } = convert(`${kind}-${language}`, bytes);
        expect(pageSize).toMatch(/A4/u);
        // pdftotext may break a line anywhere: compare with whitespace folded.
        const folded = text.replace(/\s+/gu, ' ');
        for (const expected of EXPECTED[language][kind]) expect(folded).toContain(expected);
        expect(fonts.length).toBeGreaterThan(0);
        for (const font of fonts) expect(font, `fonts used: ${fonts.join(', ')}`).toMatch(/^(LiberationSerif|TimesNewRoman)/u);
      });
    }
  }
});
