import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** LibreOffice's command on this machine, if it has one (the tests that need it are skipped, saying so). */
export const soffice = ['soffice', 'libreoffice'].find((command) => {
  try {
    execFileSync('which', [command], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});

/** A PDF as the checks read it: its text, the fonts it embeds, its page size as pdfinfo says it. */
export interface ConvertedPdf {
  text: string;
  fonts: string[];
  pageSize: string;
}

export interface ConvertOptions {
  /** Where the PDFs' pages go as PNG for a person to look at. */
  out: string;
  /** Pages to render as PNG (all when absent). */
  pages?: (name: string) => number | undefined;
  /** Copy each PDF beside its PNGs. */
  keepPdf?: boolean;
  /** pdftotext -layout: a table row stays on one line. */
  layout?: boolean;
}

/**
 * Converts DOCX files to PDF in one LibreOffice run (its start and a fresh profile cost seconds,
 * each conversion about one) and reads each PDF. A document LibreOffice could not convert is missing
 * from the result, so only its own test fails.
 */
export function convertToPdf(files: Record<string, Uint8Array>, options: ConvertOptions): Map<string, ConvertedPdf> {
  const work = mkdtempSync(join(tmpdir(), 'hamkorlik-lo-'));
  try {
    const paths = Object.entries(files).map(([name, bytes]) => {
      const path = join(work, `${name}.docx`);
      writeFileSync(path, bytes);
      return path;
    });
    const profile = pathToFileURL(join(work, 'profile')).href;
    execFileSync(soffice!, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, ...paths], { stdio: 'pipe', timeout: 30_000 + paths.length * 15_000 });
    mkdirSync(options.out, { recursive: true });
    const converted = new Map<string, ConvertedPdf>();
    for (const name of Object.keys(files)) {
      const pdf = join(work, `${name}.pdf`);
      if (!existsSync(pdf)) continue;
      if (options.keepPdf) copyFileSync(pdf, join(options.out, `${name}.pdf`));
      const pages = options.pages?.(name);
      execFileSync('pdftoppm', ['-png', '-r', '60', ...(pages ? ['-f', '1', '-l', String(pages)] : []), pdf, join(options.out, name)]);
      const text = execFileSync('pdftotext', [...(options.layout ? ['-layout'] : []), pdf, '-'], { encoding: 'utf8' });
      const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' })
        .split('\n')
        .slice(2)
        .filter(Boolean)
        .map((line) => line.split(/\s+/u)[0]!.replace(/^[A-Z]{6}\+/u, ''));
      const pageSize = /Page size:\s+(.*)/u.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? '';
      converted.set(name, { text, fonts, pageSize });
    }
    return converted;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
