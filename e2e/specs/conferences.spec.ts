import { expect, screenshot, test } from '../fixtures';
import { ADMIN, OFFICE } from '../data';
import { AppShell } from '../pages/AppShell';
import { CaseFormPage, startCase } from '../pages/CaseFormPage';
import { completeSetup } from '../pages/SetupPage';
import { TeamsPage } from '../pages/TeamsPage';

test('the mahalla team meets on a family: the conference is recorded with the team as attendees, listed, and shown in the case history', async ({ page, openApp }) => {
  await page.clock.install({ time: new Date('2026-11-15T10:00:00+05:00') });
  await openApp();
  await completeSetup(page, { language: 'uz-Latn', office: OFFICE, mahallas: ['Navroʻz'], admin: ADMIN });
  const form = await startCase(page);
  await form.fillMember(0, { relation: 'head', surname: 'Тоирова', firstName: 'Дилбар', sex: 'female', birthDate: '12.03.1990' });
  await form.fillMember(1, { relation: 'child', surname: 'Тоиров', firstName: 'Ҳамза', sex: 'male', birthDate: '04.06.2016' });
  await form.submit();
  await page.getByTestId('tab-history').waitFor();

  const teams = new TeamsPage(page);
  await teams.open();
  await teams.addSpecialist({ fullName: 'Qodirova Gulnora', agencyName: 'Туман тиббиёт бирлашмаси', position: { uzLatn: 'hamshira', uzCyrl: 'ҳамшира', ru: 'медсестра' } });
  await teams.addSpecialist({ fullName: 'Rahimov Jasur', agencyName: 'Туман ички ишлар бўлими', position: { uzLatn: 'profilaktika inspektori', uzCyrl: 'профилактика инспектори', ru: 'инспектор профилактики' } });
  await teams.setTeam('Navroʻz', [
    { specialistName: 'Qodirova Gulnora', role: 'medicalWorker' },
    { specialistName: 'Rahimov Jasur', role: 'juvenileInspector' },
  ]);

  await page.getByTestId('nav-conferences').click();
  await expect(page.getByTestId('empty-state').filter({ visible: true })).toContainText('Hozircha keys boʻyicha yigʻilishlar yoʻq');
  await page.getByTestId('conference-new').click();
  // Choosing the mahalla brings its team in as attendees.
  await page.getByTestId('conference-mahalla').click();
  await page.getByRole('option', { name: 'Navroʻz' }).click();
  const dialog = page.getByTestId('conference-dialog');
  await expect(dialog.locator('.MuiChip-root')).toHaveCount(2);
  // Saved empty: the problems are named in the user's language.
  await page.getByTestId('conference-save').click();
  await expect(page.getByTestId('conference-problems')).toContainText('Kamida bitta koʻrib chiqilgan keysni tanlang.');
  await expect(page.getByTestId('conference-problems')).toContainText('Qabul qilingan qarorlarni yozing.');

  await page.getByTestId('conference-cases').fill('Toirova');
  await page.getByTestId('conference-case-option').first().click();
  await page.getByTestId('conference-decisions').fill('Onasini bandlik markaziga yoʻnaltirish; maktab davomatni har hafta xabar qiladi.');
  await page.getByTestId('conference-step-who-0').click();
  await page.getByRole('option', { name: 'Rahimov Jasur' }).click();
  await page.getByTestId('conference-step-what-0').fill('Oilaga sinf rahbari bilan tashrif');
  await new CaseFormPage(page).typeDate('conference-step-by-0', '22.11.2026');
  await page.getByTestId('conference-step-add').click();
  await page.getByTestId('conference-step-who-1').fill('Oila');
  await page.getByTestId('conference-step-what-1').fill('Nafaqa uchun hujjatlarni olib kelish');
  await screenshot(page, 'conference-dialog-uz-Latn');
  await page.getByTestId('conference-save').click();
  await expect(dialog).toHaveCount(0);

  const row = page.getByTestId('conference-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('15.11.2026');
  await expect(row).toContainText('Navroʻz');
  await expect(row).toContainText('Toirova Dilbar');
  await expect(page.getByTestId('conference-attendee-count')).toHaveText('2 ishtirokchi');
  await screenshot(page, 'conferences-uz-Latn');

  // The case's history has the conference, with its decisions and date.
  await page.getByTestId('conference-case').click();
  await page.getByTestId('tab-history').click();
  await expect(page.getByTestId('history-entry').first()).toContainText('Keys boʻyicha yigʻilish');
  await expect(page.getByTestId('history-entry').first()).toContainText('Onasini bandlik markaziga yoʻnaltirish');
  await expect(page.getByTestId('history-entry').first()).toContainText('15.11.2026 da oʻtkazilgan');

  // In Uzbek Cyrillic the same conference shows the names in Cyrillic.
  await new AppShell(page).switchLanguage('uz-Cyrl');
  await page.getByTestId('nav-conferences').click();
  await expect(page.getByTestId('conference-row')).toContainText('Тоирова Дилбар');
  await expect(page.getByTestId('conference-row')).toContainText('Наврўз');
  await expect(page.getByTestId('conference-attendee-count')).toHaveText('2 иштирокчи');
  await page.getByTestId('conference-open').click();
  await expect(page.getByTestId('conference-dialog')).toContainText('Раҳимов Жасур');
  await expect(page.getByTestId('conference-dialog').locator('.MuiDialog-container')).toHaveCSS('opacity', '1');
  await screenshot(page, 'conference-dialog-uz-Cyrl');
});
