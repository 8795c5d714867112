import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expect, screenshot, test } from '../fixtures';
import { ADMIN, OFFICE } from '../data';
import { AccountsPage, logout } from '../pages/AccountsPage';
import { CaseFormPage } from '../pages/CaseFormPage';
import { LoginPage } from '../pages/LoginPage';
import { setUpOffice } from '../pages/SetupPage';

/** Opens a case in a mahalla (by its shown name) for a case manager (by username), with a mother and a child. */
async function openCase(page: Page, mahalla: string, surname: string, managerUsername?: string): Promise<string> {
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('case-new').click();
  const form = new CaseFormPage(page);
  await page.getByTestId('case-mahalla').click();
  await page.getByRole('option', { name: mahalla }).click();
  await page.getByTestId('case-street').fill('Навоий кўчаси');
  await page.getByTestId('case-house').fill('7');
  await form.select('case-referral-source', 'school');
  await page.getByTestId('case-referral-who').fill('5-мактаб');
  await form.typeDate('case-referral-date', '02.11.2026');
  await page.getByTestId('case-referral-reason').fill('Бола дарсга келмаяпти');
  if (managerUsername) {
    await page.getByTestId('case-manager').click();
    await page.locator(`li[data-username="${managerUsername}"]`).click();
  }
  await form.fillMember(0, { relation: 'head', surname, firstName: 'Нодира', sex: 'female', birthDate: '12.05.1990' });
  await form.fillMember(1, { relation: 'child', surname, firstName: 'Азиз', sex: 'male', birthDate: '03.02.2016' });
  await form.submit();
  await expect(page.getByTestId('case-title')).toHaveText(`${surname} Нодира`);
  return new URL(page.url()).hash;
}

test('the administrator opens accounts; a specialist is refused a case outside their mahallas and cannot approve; a case manager edits their case; the audit shows it all', async ({ page, openApp, host }) => {
  test.setTimeout(180_000);
  await setUpOffice(page, host, openApp, { language: 'ru', office: OFFICE, mahallas: ['Navroʻz', 'Bogʻishamol'], admin: ADMIN });
  const login = new LoginPage(page);

  await page.getByTestId('nav-accounts').click();
  const accounts = new AccountsPage(page);
  await accounts.create({ username: 'bobur', fullNameLatn: 'Aliyev Bobur', position: 'Кейс-менеджер', roles: ['caseManager'], mahallas: ['Навруз'], password: 'vaqtincha-1' });
  await accounts.create({ username: 'zarina', fullNameLatn: 'Olimova Zarina', position: 'Школьный психолог', roles: ['specialist'], mahallas: ['Богишамол'], password: 'vaqtincha-2' });
  await expect(accounts.row('bobur')).toContainText('Кейс-менеджер');
  await expect(accounts.row('zarina')).toContainText('Специалист');
  await expect(accounts.row('zarina')).toContainText('Богишамол');
  await screenshot(page, 'accounts-ru');

  // The supervisor (the administrator here) opens one case for Bobur in Navroʻz and keeps one in Bogʻishamol.
  const bobursCase = await openCase(page, 'Навруз', 'Алиева', 'bobur');
  const zarinasMahallaCase = await openCase(page, 'Богишамол', 'Каримова');
  await logout(page);

  // The specialist: first login with the administrator's password, then her own.
  await login.attempt('zarina', 'vaqtincha-2');
  await expect(login.title()).toHaveText('Выберите свой пароль');
  await login.chooseOwnPassword('zarina-oʻz-paroli');
  await expect(page.locator('.case-row')).toHaveCount(1);
  await expect(page.locator('.case-row')).toContainText('Каримова');
  await expect(page.getByTestId('nav-accounts')).toHaveCount(0);
  await expect(page.getByTestId('nav-audit')).toHaveCount(0);
  // A link to a case outside her mahallas: a clear refusal, not an empty page.
  await page.evaluate((hash) => (location.hash = hash), bobursCase);
  await expect(page.getByText('Вы не можете открыть этот случай')).toBeVisible();
  await screenshot(page, 'case-forbidden-ru');
  // A case of her team's mahalla she reads, but she neither edits it nor approves its closure.
  await page.evaluate((hash) => (location.hash = hash), zarinasMahallaCase);
  await expect(page.getByTestId('case-title')).toHaveText('Каримова Нодира');
  await expect(page.getByTestId('case-edit')).toHaveCount(0);
  await expect(page.getByTestId('stage-actions')).toHaveCount(0);
  await expect(page.getByTestId('close-case')).toHaveCount(0);
  await logout(page);

  // The case manager edits his case.
  await login.attempt('bobur', 'vaqtincha-1');
  await login.chooseOwnPassword('bobur-oʻz-paroli');
  await page.getByTestId('nav-myWork').click();
  await expect(page.getByTestId('my-cases-row')).toHaveCount(1);
  await expect(page.getByTestId('my-cases-row')).toContainText('Алиева Нодира');
  await page.getByTestId('nav-cases').click();
  await expect(page.locator('.case-row')).toHaveCount(1);
  await page.getByTestId('filter-mine').check();
  await expect(page.locator('.case-row')).toHaveCount(1);
  await page.locator('.case-row').first().click();
  await expect(page.getByTestId('case-title')).toHaveText('Алиева Нодира');
  await expect(page.getByTestId('close-case')).toHaveCount(0); // closing is the supervisor's approval
  await page.getByTestId('case-edit').click();
  await page.getByTestId('case-street').fill('Мустақиллик кўчаси');
  await page.getByTestId('case-submit').click();
  await expect(page.getByTestId('case-card')).toContainText('Мустақиллик кўчаси');
  await logout(page);

  // The administrator reads the audit: both users' actions, and the refusal.
  await login.login(ADMIN.username, ADMIN.password);
  await page.getByTestId('nav-audit').click();
  await page.getByTestId('audit-user').click();
  await page.getByRole('option', { name: 'Олимова Зарина' }).click();
  const rows = page.locator('.audit-row');
  await expect(rows.filter({ hasText: 'Отказано' }).first()).toContainText('Не разрешено: открыть случай');
  await expect(rows.filter({ hasText: 'Вход' }).first()).toBeVisible();
  await expect(rows.filter({ hasText: 'Открыто' }).first()).toBeVisible();
  await screenshot(page, 'audit-refused-ru');
  await page.getByTestId('audit-user').click();
  await page.getByRole('option', { name: 'Алиев Бобур' }).click();
  await expect(rows.filter({ hasText: 'Изменено' }).filter({ hasText: 'Мустақиллик кўчаси' }).first()).toBeVisible();

  await page.getByTestId('audit-export').click();
  await expect(page.getByTestId('notice')).toContainText('.xlsx');
  const [file] = (await readdir(host.folder)).filter((name) => name.startsWith('audit-'));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(host.folder, file!));
  const cells = workbook.worksheets[0]!.getSheetValues().flat().map(String);
  expect(cells).toContain('Когда');
  expect(cells.some((cell) => cell.includes('Мустақиллик кўчаси'))).toBe(true);
  expect(cells.every((cell) => !cell.includes('Отказано'))).toBe(true); // the export is the filtered view: Bobur's entries only
});
