import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ARTIFACTS, expect, screenshot, test } from '../fixtures';
import { ADMIN, OFFICE } from '../data';
import { AppShell } from '../pages/AppShell';
import { SettingsPage } from '../pages/SettingsPage';
import { setUpOffice } from '../pages/SetupPage';

test.beforeEach(async ({ page, openApp, host }) => {
  await setUpOffice(page, host, openApp, { language: 'uz-Cyrl', office: OFFICE, mahallas: ['Navroʻz', "Bog'ishamol"], admin: ADMIN });
  await new AppShell(page).go('settings');
});

test('a file saved through the host has exactly the bytes sent, and a failed rename keeps the previous file', async ({ page, host }) => {
  const settings = new SettingsPage(page);
  const shell = new AppShell(page);
  await settings.exportMahallas();
  await expect(shell.notice()).toContainText('Сақланди: mahallas.csv');
  const expected = '\uFEFFuz_latn,uz_cyrl,ru\r\nBogʻishamol,Боғишамол,Богишамол\r\nNavroʻz,Наврўз,Навруз\r\n';
  const path = join(host.folder, 'mahallas.csv');
  expect(new Uint8Array(await readFile(path))).toEqual(new TextEncoder().encode(expected));

  await shell.page.getByRole('button', { name: 'Папкада кўрсатиш' }).click();
  await expect.poll(() => host.shown).toEqual([path]);

  await settings.addMahalla('Tinchlik');
  await expect(settings.mahallaRows()).toHaveCount(3);
  host.faults.push({ step: 'rename', code: 'EIO' });
  await settings.exportMahallas();
  await expect(shell.notice()).toContainText('Файлни ёзиб ёки ўқиб бўлмади. Олдинги файл (агар бўлса) сақлаб қолинди.');
  await expect(page.getByTestId('notice-detail')).toContainText('rename:EIO');
  await screenshot(page, 'save-failed-uz-Cyrl');
  expect(await readFile(path, 'utf8')).toBe(expected);
  expect(await readdir(host.folder)).toEqual(['mahallas.csv']);

  host.cancelSave = true;
  await page.getByTestId('notice').getByRole('button').click();
  await settings.exportMahallas();
  await expect(shell.notice()).toHaveCount(0);
});

test('importing mahallas shows every row first and imports only the good ones', async ({ page, host }) => {
  const settings = new SettingsPage(page);
  const csv = join(host.folder, 'mahallalar.csv');
  await writeFile(
    csv,
    ['Лотин;Кирилл;Русский', "Tinchlik;Тинчлик;Тинчлик", 'Навруз;;', ";Янгиобод;", 'Guliston;Guliston;Гулистан', 'Tinchlik;;'].join('\r\n'),
  );
  host.openQueue.push(csv);
  await settings.startImport();
  const dialog = settings.importDialog();
  await expect(dialog.getByTestId('mahalla-import-row')).toHaveCount(5);
  await expect(dialog.getByTestId('mahalla-import-summary')).toHaveText(
    '2 та қатор импорт қилишга тайёр. 3 та қаторда хато бор, улар импорт қилинмайди.',
  );
  await expect(dialog.getByTestId('mahalla-import-row').nth(1)).toContainText('Ўзбекча (лотин): Бу ерда лотин ҳарфлари керак');
  await expect(dialog.getByTestId('mahalla-import-row').nth(3)).toContainText('Ўзбекча (кирилл): Бу ерда кирилл ҳарфлари керак');
  await expect(dialog.getByTestId('mahalla-import-row').nth(4)).toContainText('Файлдаги юқорироқ қаторни такрорлайди');
  await expect(dialog.getByTestId('mahalla-import-row').nth(2)).toContainText('Yangiobod');
  await screenshot(page, 'mahalla-import-preview-uz-Cyrl');
  await settings.confirmImport();
  await expect(settings.mahallaRows()).toHaveCount(4);
  await expect(page.getByTestId('notice')).toContainText('2 та маҳалла импорт қилинди; импорт қилинмаган қаторлар: 3.');
});

test('an unreadable import file gets a translated message and changes nothing', async ({ page, host }) => {
  const settings = new SettingsPage(page);
  const bad = join(host.folder, 'list.xlsx');
  await writeFile(bad, 'this is not a spreadsheet');
  host.openQueue.push(bad);
  await settings.startImport();
  await expect(page.getByTestId('notice')).toContainText('Файлни ўқиб бўлмади. Бу CSV ёки Excel файли эканига ишончингиз комилми?');
  await expect(settings.mahallaRows()).toHaveCount(2);
});

test('the current view is printed to a PDF file where the user picks', async ({ page, host }) => {
  const shell = new AppShell(page);
  await page.getByRole('button', { name: 'PDF сифатида сақлаш' }).click();
  await expect(shell.notice()).toContainText('Сақланди: hamkorlik.pdf');
  const pdf = await readFile(join(host.folder, 'hamkorlik.pdf'));
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.byteLength).toBeGreaterThan(10_000);
  await writeFile(join(ARTIFACTS, 'printed-view-uz-Cyrl.pdf'), pdf);
});
