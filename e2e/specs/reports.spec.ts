import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { expect, screenshot, test } from '../fixtures';
import { ADMIN, OFFICE } from '../data';
import { AppShell } from '../pages/AppShell';
import { makeEligible, signAgreement, startCase } from '../pages/CaseFormPage';
import { reloadAndLogin } from '../pages/LoginPage';
import { selectOption } from '../pages/mui';
import { completeSetup } from '../pages/SetupPage';
import type { Page } from '@playwright/test';

const at = (day: string) => new Date(`${day}T10:00:00+05:00`);

async function newFamily(page: Page, referred: string, head: { surname: string; firstName: string }, child: { surname: string; firstName: string }, agreement: string): Promise<void> {
  const form = await startCase(page, { consent: true });
  await form.typeDate('case-referral-date', referred);
  await form.fillMember(0, { relation: 'head', ...head, sex: 'female', birthDate: '12.03.1990' });
  await form.fillMember(1, { relation: 'child', ...child, sex: 'male', birthDate: '04.06.2016' });
  await form.submit();
  await makeEligible(page, { visit: 'Oilaga tashrif', eligible: 'Mezonlarga mos' });
  await signAgreement(page, agreement);
}

/** Enters today's monitoring on the family's case; `count` is how many the case has after it. */
async function monitorToday(page: Page, shell: AppShell, surname: string, count: number): Promise<void> {
  await shell.go('cases');
  await page.getByTestId('case-search').fill(surname);
  await page.locator('.case-row').first().click();
  await page.getByTestId('tab-monitoring').click();
  await expect(page.getByTestId('monitoring-entry')).toHaveCount(count - 1);
  await page.getByTestId('monitoring-new').click();
  await page.getByTestId('monitoring-changes').fill('Oila bilan suhbat oʻtkazildi.');
  await page.getByTestId('monitoring-save').click();
  // Saved (the list shows it) before the clock moves on and the page reloads.
  await expect(page.getByTestId('monitoring-entry')).toHaveCount(count);
}

test('a supervisor opens last quarter\'s report in uz-Cyrl, follows the overdue monitorings to exactly those cases, exports Excel and prints the report', async ({ page, openApp, host }) => {
  test.setTimeout(180_000);
  // Two families sign on 1 July: Toirova's monitorings come on time (30 July, 30 August), Rahimova's never.
  // Qodirova signs on 10 September: her first monitoring is due in October, outside the third quarter.
  await page.clock.install({ time: at('2026-07-01') });
  await openApp();
  await completeSetup(page, { language: 'uz-Latn', office: OFFICE, mahallas: ['Navroʻz'], admin: ADMIN });
  const shell = new AppShell(page);
  await newFamily(page, '20.06.2026', { surname: 'Тоирова', firstName: 'Дилбар' }, { surname: 'Тоиров', firstName: 'Ҳамза' }, 'K-1/2026');
  await newFamily(page, '22.06.2026', { surname: 'Раҳимова', firstName: 'Гулнора' }, { surname: 'Раҳимов', firstName: 'Азиз' }, 'K-2/2026');
  for (const [index, day] of ['2026-07-30', '2026-08-30'].entries()) {
    await page.clock.setSystemTime(at(day));
    await reloadAndLogin(page, ADMIN);
    await monitorToday(page, shell, 'Toirova', index + 1);
  }
  await page.clock.setSystemTime(at('2026-09-10'));
  await reloadAndLogin(page, ADMIN);
  await newFamily(page, '01.09.2026', { surname: 'Қодирова', firstName: 'Малика' }, { surname: 'Қодиров', firstName: 'Бобур' }, 'K-3/2026');

  // October: the supervisor reports on the third quarter, in Cyrillic.
  await page.clock.setSystemTime(at('2026-10-05'));
  await reloadAndLogin(page, ADMIN);
  await shell.switchLanguage('uz-Cyrl');
  await shell.go('reports');
  await expect(page.getByTestId('report-period')).toHaveText('2026-йил, октябрь');
  await selectOption(page, 'report-period-kind', 'quarter');
  await selectOption(page, 'report-period-quarter', '3');
  await expect(page.getByTestId('report-period')).toHaveText('2026-йил 3-чорак');
  await expect(page.getByTestId('report-key-new')).toHaveText('3');
  await expect(page.getByTestId('report-key-openFamilies')).toHaveText('3');
  await expect(page.getByTestId('report-key-openChildren')).toHaveText('3');
  // Due in the quarter: Toirova's and Rahimova's on 1 August and 1 September; Toirova's both on time.
  await expect(page.getByTestId('report-key-monitoringOnTime')).toHaveText(/^50[.,]0 %$/u);
  await expect(page.getByTestId('report-key-monitoringsLate')).toHaveText('2');
  await screenshot(page, 'reports-dashboard-uz-Cyrl');
  await page.getByTestId('report-tab-process').click();
  await expect(page.getByTestId('report-cell-process-text:monitoringsDue-0')).toHaveText('4');
  await screenshot(page, 'reports-quarter-uz-Cyrl');

  await page.getByTestId('report-key-monitoringsLate').click();
  await expect(page).toHaveURL(/#\/cases$/u);
  await expect(page.getByTestId('case-selection')).toContainText('Муддати ўтган мониторинглар — 2026-йил 3-чорак');
  await expect(page.locator('.case-row')).toHaveCount(1);
  await expect(page.locator('.case-row').first()).toContainText('Раҳимова');
  await screenshot(page, 'reports-drilldown-uz-Cyrl');
  // The selection is named in the language the list is read in, not the one it was clicked in.
  await shell.switchLanguage('ru');
  await expect(page.getByTestId('case-selection')).toContainText(/Просроченные мониторинги — .*квартал 2026/u);
  await shell.switchLanguage('uz-Cyrl');
  // Back on the reports page the quarter is still chosen; "show all cases" ends the selection.
  await shell.go('reports');
  await expect(page.getByTestId('report-period')).toHaveText('2026-йил 3-чорак');
  await shell.go('cases');
  await page.getByTestId('case-selection-clear').click();
  await expect(page.locator('.case-row')).toHaveCount(3);

  // Excel: the same numbers as the screen, as numbers.
  await shell.go('reports');
  await page.getByTestId('report-export-xlsx').click();
  await expect.poll(async () => (await readdir(host.folder)).some((name) => name.endsWith('.xlsx'))).toBe(true);
  const xlsx = (await readdir(host.folder)).find((name) => name.endsWith('.xlsx'))!;
  const workbook = new ExcelJS.Workbook();
  const bytes = await readFile(join(host.folder, xlsx));
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const process = workbook.worksheets.find((sheet) => sheet.name === 'Иш жараёни')!;
  const rows = process.getSheetValues().filter(Boolean) as unknown[][];
  const line = (label: string) => rows.find((row) => row.includes(label))!;
  expect(line('Муддати келган ойлик мониторинглар').at(-1)).toBe(4);
  expect(line('Муддати ўтган мониторинглар').at(-1)).toBe(2);
  expect(line('Ўз вақтида ўтказилган мониторинг').at(-1)).toBe(50);

  // The printed report: entered in the register, saved as DOCX with the quarter's figures.
  await page.getByTestId('report-print').click();
  await page.getByTestId('generate-save').click();
  await expect.poll(async () => (await readdir(host.folder)).some((name) => name.endsWith('.docx'))).toBe(true);
  const docx = (await readdir(host.folder)).find((name) => name.endsWith('.docx'))!;
  const xml = strFromU8(unzipSync(new Uint8Array(await readFile(join(host.folder, docx))))['word/document.xml']!);
  const text = xml.replace(/<[^>]+>/gu, '');
  expect(text).toContain('III чорак');
  expect(text).toContain('Муддати ўтган мониторинглар');
  // LibreOffice opens it, and the figures are there.
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', host.folder, join(host.folder, docx)], { stdio: 'ignore', timeout: 90_000 });
  const pdf = execFileSync('pdftotext', ['-layout', join(host.folder, docx.replace(/\.docx$/u, '.pdf')), '-'], { encoding: 'utf8' });
  expect(pdf).toMatch(/Муддати ўтган мониторинглар\s+2/u);

  // The same report in Russian and in Uzbek Latin: the words change, the numbers do not.
  await expect(page.getByTestId('generate-dialog')).toHaveCount(0);
  await shell.switchLanguage('ru');
  await expect(page.getByTestId('report-period')).toHaveText('3 квартал 2026 г.');
  await expect(page.getByTestId('report-key-monitoringsLate')).toHaveText('2');
  await screenshot(page, 'reports-dashboard-ru');
  await shell.switchLanguage('uz-Latn');
  await expect(page.getByTestId('report-period')).toHaveText('2026-yil 3-chorak');
  await page.getByTestId('report-tab-families').click();
  await expect(page.getByTestId('report-cell-flow-text:new-0')).toHaveText('3');
  await screenshot(page, 'reports-tables-uz-Latn');
});
