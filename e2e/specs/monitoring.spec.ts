import { expect, screenshot, test } from '../fixtures';
import { ADMIN, OFFICE } from '../data';
import { AppShell } from '../pages/AppShell';
import { makeEligible, signAgreement, startCase } from '../pages/CaseFormPage';
import { reloadAndLogin } from '../pages/LoginPage';
import { selectOption } from '../pages/mui';
import { completeSetup } from '../pages/SetupPage';

test('a case whose monitoring is a month overdue shows as overdue on the list, on My work and in the navigation, until the monitoring is entered', async ({ page, openApp }) => {
  // The agreement is signed on 15.09.2026; the first monitoring is due 15.10.2026.
  await page.clock.install({ time: new Date('2026-09-15T10:00:00+05:00') });
  await openApp();
  await completeSetup(page, { language: 'uz-Latn', office: OFFICE, mahallas: ['Navroʻz'], admin: ADMIN });
  const shell = new AppShell(page);
  const form = await startCase(page, { consent: true });
  await form.typeDate('case-referral-date', '01.09.2026');
  await form.fillMember(0, { relation: 'head', surname: 'Тоирова', firstName: 'Дилбар', sex: 'female', birthDate: '12.03.1990' });
  await form.fillMember(1, { relation: 'child', surname: 'Тоиров', firstName: 'Ҳамза', sex: 'male', birthDate: '04.06.2016' });
  await form.submit();
  await makeEligible(page, { visit: 'Oilaga tashrif', eligible: 'Mezonlarga mos' });
  await signAgreement(page, 'K-1/2026');
  // Hamza came back from an institution this month: his placement is recorded with its date.
  await page.getByTestId('tab-family').click();
  await expect(page.getByTestId('placement-current')).toHaveText('qayd etilmagan');
  await page.getByTestId('placement-change').click();
  await selectOption(page, 'placement-kind', 'returnedFromInstitution');
  await page.getByTestId('placement-save').click();
  await expect(page.getByTestId('placement-current')).toHaveText('muassasadan oilaga qaytarilgan · 15.09.2026 dan');
  await page.getByTestId('tab-monitoring').click();
  await expect(page.getByTestId('monitoring-status')).toContainText('15.10.2026');
  await expect(page.getByTestId('my-work-badge')).toHaveCount(0);

  // Two months on, the day before the second due date: the first monitoring is a month late.
  await page.clock.setSystemTime(new Date('2026-11-14T10:00:00+05:00'));
  await reloadAndLogin(page, ADMIN);
  await expect(page.getByTestId('my-work-badge')).toHaveText('1');
  await shell.go('cases');
  await expect(page.getByTestId('case-filters')).toContainText('Muddati oʻtgan (1)');
  await page.getByTestId('filter-overdue').check();
  await expect(page.locator('.case-row')).toHaveCount(1);
  await expect(page.locator('.case-row').first()).toContainText('Toirova');
  await screenshot(page, 'overdue-list-uz-Latn');
  await shell.go('myWork');
  await expect(page.getByTestId('my-overdue-row')).toHaveCount(1);
  await expect(page.getByTestId('my-overdue-row')).toContainText('monitoring muddati 15.10.2026, 30 kun kechikdi');
  await screenshot(page, 'my-work-overdue-uz-Latn');

  // The case manager enters the monitoring: the case is no longer overdue anywhere.
  await page.getByTestId('my-overdue-row').click();
  await page.getByTestId('tab-monitoring').click();
  await expect(page.getByTestId('monitoring-status')).toContainText('30 kun kechikdi');
  await page.getByTestId('monitoring-new').click();
  await page.getByTestId('monitoring-save').click();
  await expect(page.getByTestId('monitoring-problems')).toContainText('Nima oʻzgarganini yozing.');
  await page.getByTestId('monitoring-changes').fill('Hamza maktabga qaytdi; onasi ish qidirmoqda.');
  await page.getByTestId('monitoring-save').click();
  await expect(page.getByTestId('monitoring-entry')).toHaveCount(1);
  await expect(page.getByTestId('monitoring-status')).toContainText('Keyingi monitoring muddati: 15.11.2026.');
  await page.getByTestId('tab-history').click();
  await expect(page.getByTestId('history-entry').first()).toContainText('Oylik monitoring');
  await expect(page.getByTestId('history-entry').first()).toContainText('Hamza maktabga qaytdi');
  await expect(page.getByTestId('case-history')).toContainText('Toirov Hamza: muassasadan oilaga qaytarilgan · 15.09.2026 dan');
  await expect(page.getByTestId('my-work-badge')).toHaveCount(0);
  await shell.go('myWork');
  await expect(page.getByTestId('my-overdue-row')).toHaveCount(0);
  await expect(page.getByTestId('my-due-row')).toHaveCount(1);
  await shell.go('cases');
  await expect(page.getByTestId('case-filters')).toContainText('Muddati oʻtgan (0)');
  await expect(page.locator('.case-row')).toHaveCount(0);
});
