import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from '../fixtures';
import { ADMIN, OFFICE } from '../data';
import { AppShell } from '../pages/AppShell';
import { makeEligible, startCase } from '../pages/CaseFormPage';
import { selectOption } from '../pages/mui';
import { setUpOffice } from '../pages/SetupPage';
import { TeamsPage } from '../pages/TeamsPage';

/** The text of a DOCX's main part, tags stripped: what Word shows, in order. */
async function docxText(path: string): Promise<string> {
  const zip = unzipSync(new Uint8Array(await readFile(path)));
  return strFromU8(zip['word/document.xml']!).replace(/<w:tab\/>/gu, ' ').replace(/<\/w:p>/gu, '\n').replace(/<[^>]+>/gu, '');
}

/** What the print of the current view holds, as text: the page printed to PDF with the class printing sets. */
async function printedText(page: Page): Promise<string> {
  await page.evaluate(() => document.body.classList.add('printing-document'));
  const pdf = await page.pdf({ format: 'A4' });
  await page.evaluate(() => document.body.classList.remove('printing-document'));
  const folder = await mkdtemp(join(tmpdir(), 'hamkorlik-print-'));
  await writeFile(join(folder, 'print.pdf'), pdf);
  return execFileSync('pdftotext', [join(folder, 'print.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/gu, ' ');
}

async function generate(page: Page, language: 'uz-Latn' | 'uz-Cyrl' | 'ru') {
  await selectOption(page, 'doc-language', language);
  // The preview follows the form: wait until it shows the chosen language.
  await expect(page.getByTestId('document-preview')).toHaveAttribute('lang', language);
  await page.getByTestId('generate-save').click();
  await expect(page.getByTestId('generate-dialog')).toHaveCount(0);
}

test.beforeEach(async ({ page, openApp, host }) => {
  await setUpOffice(page, host, openApp, { language: 'uz-Cyrl', office: OFFICE, mahallas: ['Navroʻz'], admin: ADMIN });
});

test("a user enters three specialists and a mahalla team, prints the hokim's decision and a family's agreements; the register reopens the same bytes", async ({ page, host }) => {
  const shell = new AppShell(page);
  const teams = new TeamsPage(page);
  await teams.open();
  await teams.addSpecialist({ fullName: 'Қодирова Ғуломжон Ҳасановна', agencyName: 'Туман тиббиёт бирлашмаси', position: { uzLatn: 'hamshira', uzCyrl: 'ҳамшира', ru: 'медсестра' }, trainedOn: '12.05.2025' });
  await teams.addSpecialist({ fullName: 'Холматов Шавкат Ўринович', agencyName: 'Туман ички ишлар бўлими', position: { uzLatn: 'profilaktika inspektori', uzCyrl: 'профилактика инспектори', ru: 'инспектор профилактики' } });
  await teams.addSpecialist({ fullName: 'Ergasheva Dilnoza Yoʻldoshevna', agencyName: 'Tuman maktabgacha va maktab taʼlimi boʻlimi', position: { uzLatn: 'maktab psixologi', uzCyrl: 'мактаб психологи', ru: 'школьный психолог' } });
  await teams.setTeam(
    'Navroʻz',
    [
      { specialistName: 'Қодирова Ғуломжон Ҳасановна', role: 'medicalWorker' },
      { specialistName: 'Холматов Шавкат Ўринович', role: 'juvenileInspector' },
      { specialistName: 'Ergasheva Dilnoza Yoʻldoshevna', role: 'schoolPsychologist' },
    ],
  );
  await screenshot(page, 'teams-uz-Cyrl');

  // The hokim's decision, in Uzbek Cyrillic.
  await shell.go('documents');
  await page.getByTestId('new-decision').click();
  await page.getByTestId('doc-number').fill('215');
  await expect(page.getByTestId('document-preview')).toContainText('ҚАРОР ҚИЛАМАН:');
  await expect(page.getByTestId('document-preview')).toContainText('Эргашева Дилноза Йўлдошевна');
  await screenshot(page, 'decision-preview-uz-Cyrl');
  // Printing shows the sheets alone: no form, no navigation, every page of the decision and its appendices.
  const printed = await printedText(page);
  expect(printed).toContain('ҚАРОР ҚИЛАМАН:');
  expect(printed).toContain('ТАРКИБИ');
  expect(printed).not.toContain('Қарор рақами');
  expect(printed).not.toContain('Кейслар');
  await generate(page, 'uz-Cyrl');
  await expect(shell.notice()).toContainText('Ҳоким қарори 215 (uz-Cyrl).docx');
  const decision = await docxText(join(host.folder, 'Ҳоким қарори 215 (uz-Cyrl).docx'));
  expect(decision).toContain('ҚАРОР ҚИЛАМАН:');
  expect(decision).toContain('«Наврўз» маҳалласи идоралараро гуруҳи');
  for (const name of ['Қодирова Ғуломжон Ҳасановна', 'Холматов Шавкат Ўринович', 'Эргашева Дилноза Йўлдошевна', 'Раҳматуллаев Улуғбек Исҳоқович']) expect(decision).toContain(name);
  await page.getByTestId('notice-open').click();
  await expect.poll(() => host.opened).toEqual([join(host.folder, 'Ҳоким қарори 215 (uz-Cyrl).docx')]);

  // A family found eligible gets its agreement, in Uzbek Latin and in Russian.
  const form = await startCase(page, { consent: true });
  await form.fillMember(0, { relation: 'head', surname: 'Ғаниева', firstName: 'Ўғилой', patronymic: 'Қаҳрамоновна', sex: 'female', birthDate: '02.04.1988' });
  await form.fillMember(1, { relation: 'child', surname: 'Ғаниев', firstName: 'Шоҳруҳ', sex: 'male', birthDate: '17.09.2014' });
  await form.submit();
  await makeEligible(page, { visit: 'Оилага ташриф буюрилди', eligible: 'Мезонларга мос' });
  await page.getByTestId('tab-agreement').click();
  await page.getByTestId('prepare-agreement').click();
  await expect(page.getByTestId('doc-number')).toHaveValue(/^K-001\/\d{4}$/u);
  const number = await page.getByTestId('doc-number').inputValue();
  await generate(page, 'uz-Latn');
  await expect(shell.notice()).toContainText(`(uz-Latn).docx`);
  // The Russian copy of the same agreement keeps its number.
  await page.getByTestId('prepare-agreement').click();
  await expect(page.getByTestId('doc-number')).toHaveValue(number);
  await generate(page, 'ru');
  const fileName = (language: string) => `Kelishuv ${number.replaceAll('/', '-')} (${language}).docx`;
  const latin = await docxText(join(host.folder, fileName('uz-Latn')));
  expect(latin).toContain('KELISHUV');
  expect(latin).toContain('Gʻaniyeva Oʻgʻiloy Qahramonovna');
  expect(latin).toContain('Karimova Dilnoza Hasanovna');
  const russian = await docxText(join(host.folder, `Соглашение ${number.replaceAll('/', '-')} (ru).docx`));
  expect(russian).toContain('СОГЛАШЕНИЕ');
  expect(russian).toContain('Ғаниева Ўғилой Қаҳрамоновна');

  // Entering the signed date brings the case to the agreement stage, with the printed number offered.
  await page.getByTestId('sign-agreement').click();
  await expect(page.getByTestId('event-number')).toHaveValue(number);
  await page.getByTestId('event-confirm').click();
  await expect(page.getByTestId('case-card').getByTestId('stage-chip')).toHaveText('Келишув тузиш');
  await expect(page.getByTestId('agreement-tab')).toContainText(`№ ${number}`);
  await expect(page.getByTestId('register-row')).toHaveCount(2);

  // The register lists all three; a copy saved again is byte for byte the document generated.
  await shell.go('documents');
  await expect(page.getByTestId('register-row')).toHaveCount(3);
  await screenshot(page, 'register-uz-Cyrl');
  const path = join(host.folder, fileName('uz-Latn'));
  const generated = await readFile(path);
  const row = page.locator(`[data-testid="register-row"]`).filter({ hasText: 'Ўзбекча (лотин)' });
  await row.getByTestId('register-save-copy').click();
  await expect(shell.notice()).toContainText(fileName('uz-Latn'));
  expect(new Uint8Array(await readFile(path))).toEqual(new Uint8Array(generated));

  // The same pages in the other two languages.
  await shell.switchLanguage('ru');
  await expect(page.getByTestId('register-row').first()).toContainText('Соглашение с семьёй');
  await screenshot(page, 'register-ru');
  // The office's own wording of a standard text prints from then on, in that language only.
  await page.getByTestId('documents-tab-texts').click();
  await page.getByRole('button', { name: 'Решение хокима', exact: true }).click();
  await page.getByTestId('text-input-decision.formula').fill('ПОСТАНОВЛЯЮ:');
  await page.getByTestId('text-save-decision.formula').click();
  await expect(shell.notice()).toContainText('Текст сохранён.');
  await screenshot(page, 'standard-texts-ru');
  await page.getByTestId('documents-tab-register').click();
  await page.getByTestId('new-decision').click();
  await page.getByTestId('doc-number').fill('216');
  await selectOption(page, 'doc-language', 'ru');
  await expect(page.getByTestId('document-preview')).toContainText('ПОСТАНОВЛЯЮ:');
  await generate(page, 'ru');
  expect(await docxText(join(host.folder, 'Решение хокима 216 (ru).docx'))).toContain('ПОСТАНОВЛЯЮ:');
  await shell.switchLanguage('uz-Latn');
  await teams.open();
  await teams.tab('workload');
  await expect(page.getByTestId('workload-mahallas-row').first()).toContainText('Navroʻz');
  await screenshot(page, 'workload-uz-Latn');
});
