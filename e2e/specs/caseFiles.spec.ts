import type { Page } from '@playwright/test';
import { expect, screenshot, test } from '../fixtures';
import { ADMIN, OFFICE } from '../data';
import { AppShell } from '../pages/AppShell';
import { startCase, type MemberInput } from '../pages/CaseFormPage';
import { reloadAndLogin } from '../pages/LoginPage';
import { setUpOffice } from '../pages/SetupPage';

const RUSTAM_PINFL = '30203849990014';
const FAMILY: MemberInput[] = [
  { relation: 'head', surname: 'Хўжаев', firstName: 'Рустам', patronymic: 'Алиевич', sex: 'male', birthDate: '02.03.1984', pinfl: RUSTAM_PINFL },
  { relation: 'spouse', surname: 'Хўжаева', firstName: 'Дилноза', sex: 'female', birthDate: '15.07.1988', pinfl: '41507889990024' },
  { relation: 'child', surname: 'Хўжаев', firstName: 'Сардор', sex: 'male', birthDate: '20.01.2012', pinfl: '52001129990039' },
  { relation: 'child', surname: 'Хўжаева', firstName: 'Мадина', sex: 'female', birthDate: '09.09.2015' },
  { relation: 'child', surname: 'Хўжаев', firstName: 'Жасур', sex: 'male', birthDate: '11.04.2019' },
];

async function search(page: Page, text: string) {
  await page.getByTestId('case-search').fill(text);
  return page.locator('.case-row');
}

test.beforeEach(async ({ page, openApp, host }) => {
  await setUpOffice(page, host, openApp, { language: 'uz-Cyrl', office: OFFICE, mahallas: ['Navroʻz'], admin: ADMIN });
});

test('a family of 2 adults and 3 children entered in uz-Cyrl is found in every spelling and survives a reload', async ({ page }) => {
  const form = await startCase(page);
  for (let i = 2; i < FAMILY.length; i += 1) await form.addMemberRow();
  for (const [index, member] of FAMILY.entries()) await form.fillMember(index, member);
  await expect(page.getByTestId('member-0-surname-latn')).toHaveValue('Xoʻjayev');

  // A wrong PINFL is refused with a translated message, and nothing is saved.
  await page.getByTestId('member-3-pinfl').fill('123');
  await form.submit();
  await expect(page.getByTestId('member-3').getByText('ЖШШИР 14 та рақамдан иборат ва 1–6 билан бошланади')).toBeVisible();
  await screenshot(page, 'case-form-invalid-pinfl-uz-Cyrl');
  await page.getByTestId('member-3-pinfl').fill('');
  await form.submit();

  await expect(page.getByTestId('case-title')).toHaveText('Хўжаев Рустам');
  await expect(page.getByTestId('member-row')).toHaveCount(5);
  await expect(page.getByTestId('member-row').nth(0)).toContainText('Оила бошлиғи');
  await expect(page.getByTestId('member-row').nth(1)).toContainText('Турмуш ўртоғи');
  await screenshot(page, 'case-card-uz-Cyrl');

  await page.getByTestId('nav-cases').click();
  await expect(await search(page, 'Xojayev')).toHaveCount(1);
  await expect(await search(page, 'Ходжаев')).toHaveCount(1);
  await expect(await search(page, 'Жасур')).toHaveCount(1);
  await expect(await search(page, 'rustam xoʻjayev')).toHaveCount(1);
  await reloadAndLogin(page, ADMIN);
  await expect(await search(page, 'Jasur')).toHaveCount(1);
  await screenshot(page, 'case-search-uz-Cyrl');

  // The same PINFL in a new case: a blocking warning with a link to the first case.
  const second = await startCase(page);
  await second.fillMember(0, { relation: 'head', surname: 'Бошқа', firstName: 'Одам', sex: 'male', birthDate: '02.03.1984', pinfl: RUSTAM_PINFL });
  await expect(page.getByTestId('member-0-duplicate-pinfl')).toContainText('Бу ЖШШИРга эга шахс');
  await second.submit();
  await expect(page.getByTestId('member-0-duplicate-pinfl')).toBeVisible();
  await page.getByTestId('member-0-duplicate-link').first().click();
  await expect(page.getByTestId('case-title')).toHaveText('Хўжаев Рустам');

  // The Latin spelling suggested from the Cyrillic entry is what the uz-Latn UI shows.
  await new AppShell(page).switchLanguage('uz-Latn');
  await expect(page.getByTestId('case-title')).toHaveText('Xoʻjayev Rustam');
  await expect(page.getByTestId('members-table')).toContainText('Xoʻjayeva Madina');
  await screenshot(page, 'case-card-uz-Latn');
});

test('a case moves from identification through eligibility to a signed agreement, with history; illegal steps are refused', async ({ page }) => {
  const form = await startCase(page, { consent: true });
  await form.fillMember(0, FAMILY[0]!);
  await form.fillMember(1, FAMILY[2]!);
  await form.submit();
  await expect(page.getByTestId('case-title')).toHaveText('Хўжаев Рустам');

  await page.getByTestId('advance-primaryAssessment').click();
  await page.getByTestId('event-reason').fill('Оилага ташриф буюрилди');
  await page.getByTestId('event-confirm').click();
  await expect(page.getByTestId('case-card').getByTestId('stage-chip')).toHaveText('Дастлабки баҳолаш');

  // No agreement before the eligibility decision: nothing offers it, and no step leads around signing.
  await expect(page.getByTestId('stage-actions')).toBeVisible();
  await expect(page.getByTestId('sign-agreement')).toHaveCount(0);
  await expect(page.getByTestId('advance-agreement')).toHaveCount(0);

  await page.getByTestId('decide-eligibility').click();
  await page.getByTestId('event-reason').fill('Мезонларга мос');
  await page.getByTestId('event-confirm').click();
  // A signed agreement needs its number: refused without one, in the user's language.
  await page.getByTestId('sign-agreement').click();
  await page.getByTestId('event-confirm').click();
  await expect(page.getByTestId('event-error')).toHaveText('Келишув рақамини киритинг.');
  await page.getByTestId('event-number').fill('17/2026');
  await page.getByTestId('event-confirm').click();
  await expect(page.getByTestId('case-card').getByTestId('stage-chip')).toHaveText('Келишув тузиш');
  await page.getByTestId('tab-agreement').click();
  await expect(page.getByTestId('agreement-tab')).toContainText('№ 17/2026');

  await page.getByTestId('tab-history').click();
  const history = page.getByTestId('history-entry');
  await expect(history).toHaveCount(4);
  await expect(history.nth(0)).toContainText('Келишув имзоланди');
  await expect(history.nth(0)).toContainText('Дастлабки баҳолаш → Келишув тузиш');
  await expect(history.nth(3)).toContainText('Кейс очилди');
  await screenshot(page, 'case-history-uz-Cyrl');
});

test('the emergency path records an urgent action before any agreement', async ({ page }) => {
  const form = await startCase(page);
  await form.fillMember(0, FAMILY[0]!);
  await form.fillMember(1, FAMILY[4]!);
  await form.submit();
  await page.getByTestId('urgent-action').click();
  await page.getByTestId('event-description').fill('Болани бувисининг уйига жойлаштириш');
  await page.getByTestId('event-responsible').fill('Вояга етмаганлар инспектори');
  await page.getByTestId('event-confirm').click();
  await expect(page.getByTestId('event-error')).toHaveText('Сабабини кўрсатинг.');
  await page.getByTestId('event-reason').fill('Бола уйда ёлғиз, овқат йўқ');
  await page.getByTestId('event-confirm').click();
  await page.getByTestId('tab-referral').click();
  await expect(page.getByTestId('urgent-actions')).toContainText('Болани бувисининг уйига жойлаштириш');
  await expect(page.getByTestId('case-card').getByTestId('stage-chip')).toHaveText('Оилани аниқлаш');
});

test('a half-filled new case survives a reload as a draft', async ({ page }) => {
  const form = await startCase(page);
  await form.fillMember(0, FAMILY[0]!);
  await page.waitForTimeout(600); // the draft is saved shortly after typing stops
  await reloadAndLogin(page, ADMIN);
  await expect(page.getByTestId('draft-restored')).toBeVisible();
  await expect(page.getByTestId('case-street')).toHaveValue('Навоий кўчаси');
  await expect(page.getByTestId('member-0-surname-cyrl')).toHaveValue('Хўжаев');
  await expect(page.getByTestId('member-0-pinfl')).toHaveValue(RUSTAM_PINFL);
  await form.fillMember(1, FAMILY[2]!);
  await form.submit();
  await expect(page.getByTestId('case-title')).toHaveText('Хўжаев Рустам');
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('case-new').click();
  await expect(page.getByTestId('draft-restored')).toHaveCount(0);
});
