import { expect, screenshot, test } from '../fixtures';
import { ADMIN, OFFICE } from '../data';
import { AccountsPage, logout } from '../pages/AccountsPage';
import { CHILD_DOMAINS, FAMILY_DOMAINS, rateAll, trianglePicture } from '../pages/caseWork';
import { makeEligible, signAgreement, startCase } from '../pages/CaseFormPage';
import { LoginPage } from '../pages/LoginPage';
import { setUpOffice } from '../pages/SetupPage';

test("an in-depth assessment of two children is rated on every domain, approved by another supervisor, and the reassessment's triangle differs from the first", async ({ page, openApp, host }) => {
  await setUpOffice(page, host, openApp, { language: 'uz-Latn', office: OFFICE, mahallas: ['Navroʻz'], admin: ADMIN });
  await page.getByTestId('nav-accounts').click();
  await new AccountsPage(page).create({ username: 'nazorat', fullNameLatn: 'Olimova Zarina', position: 'Supervayzer', roles: ['supervisor'], mahallas: [], password: 'Birinchi-parol-1' });

  const form = await startCase(page, { consent: true });
  await form.addMemberRow();
  await form.fillMember(0, { relation: 'head', surname: 'Тоирова', firstName: 'Дилбар', sex: 'female', birthDate: '12.03.1990' });
  await form.fillMember(1, { relation: 'child', surname: 'Тоиров', firstName: 'Ҳамза', sex: 'male', birthDate: '04.06.2016' });
  await form.fillMember(2, { relation: 'child', surname: 'Тоирова', firstName: 'Мубина', sex: 'female', birthDate: '13.05.2019' });
  await form.submit();
  await makeEligible(page, { visit: 'Oilaga tashrif', eligible: 'Mezonlarga mos' });
  await signAgreement(page, 'K-1/2026');

  // The first assessment: every domain of both children and of the family, the child's views, a conclusion.
  await page.getByTestId('tab-assessment').click();
  await page.getByTestId('assessment-start').click();
  const parts = page.locator('[data-testid^="assessment-part-"]');
  await expect(parts).toHaveCount(3);
  await expect(page.getByTestId('assessment-complete')).toBeDisabled();
  await expect(parts.nth(0)).toHaveText('Toirov Hamza');
  await parts.nth(0).click();
  await rateAll(page, CHILD_DOMAINS, 2);
  await page.getByTestId('assessment-views').fill('Maktabga qaytmoqchi');
  await parts.nth(1).click();
  await rateAll(page, CHILD_DOMAINS, 3);
  await page.getByTestId('assessment-part-family').click();
  await rateAll(page, FAMILY_DOMAINS, 2);
  await expect(page.getByTestId('assessment-problems')).toContainText('Xulosani yozing.');
  await page.getByTestId('assessment-conclusion').fill('Onasiga ish kerak; Hamzaga maktabda yordam kerak.');
  await page.getByTestId('assessment-complete').click();
  await expect(page.getByTestId('assessment-version-1')).toContainText('tasdiqlashni kutmoqda');
  // The administrator, who is also a supervisor, wrote it: another supervisor approves.
  await expect(page.getByTestId('assessment-approve')).toHaveCount(0);
  const url = page.url();

  await logout(page);
  const login = new LoginPage(page);
  await login.attempt('nazorat', 'Birinchi-parol-1');
  await login.chooseOwnPassword('Nazorat-parol-2026');
  await page.goto(url);
  await page.getByTestId('tab-assessment').click();
  await page.getByTestId('assessment-approve').click();
  await page.getByTestId('assessment-note').fill('Maʼqul: avval maktab masalasi.');
  await page.getByTestId('assessment-approve-confirm').click();
  await expect(page.getByTestId('assessment-approval')).toContainText('Olimova Zarina');
  await expect(page.getByTestId('assessment-version-1')).toContainText('tasdiqlangan');
  await logout(page);
  await login.login(ADMIN.username, ADMIN.password);
  await page.goto(url);
  await page.getByTestId('tab-assessment').click();
  const firstPicture = await trianglePicture(page, 'assessment-tab');

  // The reassessment: Hamza's needs are better now; the approved version stays as it was. Children keep their order, the eldest first.
  await page.getByTestId('assessment-start').click();
  await expect(page.getByTestId('assessment-version-2')).toContainText('qoralama');
  await expect(parts.nth(0)).toHaveText('Toirov Hamza');
  await parts.nth(0).click();
  await rateAll(page, CHILD_DOMAINS, 4);
  await page.getByTestId('assessment-conclusion').fill('Hamza maktabga qaytdi.');
  await page.getByTestId('assessment-save').click();
  await expect(page.getByTestId('notice')).toContainText('Baholash saqlandi.');
  await screenshot(page, 'assessment-reassessment-uz-Latn');
  await page.locator('[data-testid^="triangle-"]').first().scrollIntoViewIfNeeded();
  await screenshot(page, 'assessment-triangles-uz-Latn');
  const secondPicture = await trianglePicture(page, 'assessment-tab');
  expect(secondPicture.length).toBeGreaterThan(firstPicture.length);
  expect(secondPicture).not.toEqual(firstPicture);
  await page.getByTestId('assessment-version-1').click();
  await expect(page.getByTestId('assessment-view')).toContainText('Maʼqul');
  await expect(page.getByTestId('assessment-conclusion-text')).toHaveText('Onasiga ish kerak; Hamzaga maktabda yordam kerak.');
});
