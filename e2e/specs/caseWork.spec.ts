import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from '../fixtures';
import { ADMIN, OFFICE } from '../data';
import { AccountsPage, logout } from '../pages/AccountsPage';
import { AppShell } from '../pages/AppShell';
import { CHILD_DOMAINS, FAMILY_DOMAINS, pickAt, rateAll, trianglePicture, typeDateAt } from '../pages/caseWork';
import { makeEligible, signAgreement, startCase } from '../pages/CaseFormPage';
import { LoginPage, reloadAndLogin } from '../pages/LoginPage';
import { selectOption } from '../pages/mui';
import { completeSetup } from '../pages/SetupPage';
import { TeamsPage } from '../pages/TeamsPage';

const SUPERVISOR = { username: 'nazorat', first: 'Birinchi-parol-1', password: 'Nazorat-parol-2026' };

/** The second supervisor logs in, does `work` on the case, and the administrator comes back. */
async function asSupervisor(page: Page, url: string, firstTime: boolean, work: () => Promise<void>) {
  await logout(page);
  const login = new LoginPage(page);
  if (firstTime) {
    await login.attempt(SUPERVISOR.username, SUPERVISOR.first);
    await login.chooseOwnPassword(SUPERVISOR.password);
  } else await login.login(SUPERVISOR.username, SUPERVISOR.password);
  await page.goto(url);
  await work();
  await logout(page);
  await login.login(ADMIN.username, ADMIN.password);
  await page.goto(url);
}

/** Prepares the document behind a print button in the screen's language and saves it; returns the new file's name. */
async function printDocument(page: Page, folder: string, kind: string): Promise<string> {
  const before = new Set(await readdir(folder));
  await page.getByTestId(`print-${kind}`).first().click();
  await expect(page.getByTestId('document-preview')).toHaveAttribute('lang', 'uz-Latn');
  await page.getByTestId('generate-save').click();
  await expect(page.getByTestId('generate-dialog')).toHaveCount(0);
  const added = (await readdir(folder)).filter((name) => !before.has(name));
  expect(added).toHaveLength(1);
  return added[0]!;
}

/** The text LibreOffice shows of each file: converted to PDF headless, read back with pdftotext, spaces folded. */
async function openedInLibreOffice(folder: string, files: string[]): Promise<string[]> {
  const out = await mkdtemp(join(tmpdir(), 'hamkorlik-lo-'));
  execFileSync('soffice', [`-env:UserInstallation=file://${out}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', out, ...files.map((file) => join(folder, file))], { stdio: 'pipe', timeout: 120_000 });
  return files.map((file) => execFileSync('pdftotext', [join(out, file.replace(/\.docx$/u, '.pdf')), '-'], { encoding: 'utf8' }).replace(/\s+/gu, ' '));
}

/** Fills the `index`-th action of the plan editor. */
async function fillAction(page: Page, index: number, action: { text: string; responsible: string; deadline: string }) {
  await page.getByTestId('action-text').nth(index).fill(action.text);
  await pickAt(page, 'action-responsible', index, { name: action.responsible });
  await typeDateAt(page, 'action-deadline', index, action.deadline);
}

test('a family goes from eligibility through a triangle assessment of two children, a plan of four actions for three people and two monitorings to closure as self-sufficient', async ({ page, openApp, host }) => {
  test.setTimeout(240_000);
  await page.clock.install({ time: new Date('2026-09-15T10:00:00+05:00') });
  await openApp();
  await completeSetup(page, { language: 'uz-Latn', office: OFFICE, mahallas: ['Navroʻz'], admin: ADMIN });
  await page.getByTestId('nav-accounts').click();
  await new AccountsPage(page).create({ username: SUPERVISOR.username, fullNameLatn: 'Olimova Zarina', position: 'Supervayzer', roles: ['supervisor'], mahallas: [], password: SUPERVISOR.first });
  const teams = new TeamsPage(page);
  await teams.open();
  await teams.addSpecialist({ fullName: 'Ergasheva Dilnoza Yoʻldoshevna', agencyName: 'Tuman maktabgacha va maktab taʼlimi boʻlimi', position: { uzLatn: 'maktab psixologi', uzCyrl: 'мактаб психологи', ru: 'школьный психолог' } });
  await teams.addSpecialist({ fullName: 'Xolmatov Shavkat Oʻrinovich', agencyName: 'Tuman ichki ishlar boʻlimi', position: { uzLatn: 'profilaktika inspektori', uzCyrl: 'профилактика инспектори', ru: 'инспектор профилактики' } });

  // Identification, eligibility, the agreement.
  const form = await startCase(page, { consent: true });
  await form.typeDate('case-referral-date', '01.09.2026');
  await form.addMemberRow();
  await form.fillMember(0, { relation: 'head', surname: 'Тоирова', firstName: 'Дилбар', sex: 'female', birthDate: '12.03.1990' });
  await form.fillMember(1, { relation: 'child', surname: 'Тоиров', firstName: 'Ҳамза', sex: 'male', birthDate: '04.06.2016' });
  await form.fillMember(2, { relation: 'child', surname: 'Тоирова', firstName: 'Мубина', sex: 'female', birthDate: '13.05.2019' });
  await form.submit();
  await makeEligible(page, { visit: 'Oilaga tashrif', eligible: 'Mezonlarga mos' });
  await signAgreement(page, 'K-7/2026');
  const url = page.url();

  // The triangle: both children and the family, every domain rated.
  await page.getByTestId('tab-assessment').click();
  await page.getByTestId('assessment-start').click();
  const parts = page.locator('[data-testid^="assessment-part-"]');
  await parts.nth(0).click();
  await rateAll(page, CHILD_DOMAINS, 2);
  await parts.nth(1).click();
  await rateAll(page, CHILD_DOMAINS, 3);
  await page.getByTestId('assessment-part-family').click();
  await rateAll(page, FAMILY_DOMAINS, 2);
  await page.getByTestId('assessment-conclusion').fill('Onasiga ish kerak; Hamzaga maktabda yordam kerak.');
  await page.getByTestId('assessment-complete').click();
  await expect(page.getByTestId('assessment-version-1')).toContainText('tasdiqlashni kutmoqda');
  const firstPicture = await trianglePicture(page, 'assessment-tab');

  // The plan: two goals, four actions for the psychologist, the inspector and the mother.
  await page.getByTestId('tab-plan').click();
  await page.getByTestId('goal-text').first().fill('Hamza har kuni maktabga boradi');
  await page.getByTestId('goal-domains').first().click();
  await page.getByRole('option', { name: 'Taʼlim', exact: true }).click();
  await page.keyboard.press('Escape');
  await page.getByTestId('action-add').first().click();
  await page.getByTestId('action-add').first().click();
  await fillAction(page, 0, { text: 'Hamza bilan haftalik suhbat', responsible: 'Ergasheva Dilnoza Yoʻldoshevna', deadline: '30.10.2026' });
  await fillAction(page, 1, { text: 'Hamzani maktabga olib borish', responsible: 'Toirova Dilbar', deadline: '30.11.2026' });
  await page.getByTestId('goal-add').click();
  await page.getByTestId('goal-text').nth(1).fill('Onasi ishga joylashadi');
  await page.getByTestId('goal-domains').nth(1).click();
  await page.getByRole('option', { name: 'Bandlik', exact: true }).click();
  await page.keyboard.press('Escape');
  await page.getByTestId('action-add').nth(1).click();
  await page.getByTestId('action-add').nth(1).click();
  await fillAction(page, 2, { text: 'Oilaga haftalik profilaktik tashrif', responsible: 'Xolmatov Shavkat Oʻrinovich', deadline: '15.11.2026' });
  await fillAction(page, 3, { text: 'Bandlik markaziga murojaat qilish', responsible: 'Toirova Dilbar', deadline: '01.10.2026' });
  await expect(page.getByTestId('plan-problems')).toContainText('Qatnashgan oila aʼzolarini belgilang.');
  await page.getByTestId('plan-editor').getByLabel('Toirova Dilbar').check();
  await expect(page.getByTestId('plan-problems')).toHaveCount(0);
  await screenshot(page, 'plan-editor-uz-Latn');
  await page.getByTestId('plan-save-complete').click();
  await expect(page.getByTestId('plan-status')).toHaveText('tasdiqlashni kutmoqda');
  await expect(page.getByTestId('plan-action')).toHaveCount(4);
  await expect(page.getByTestId('plan-approve')).toHaveCount(0); // the administrator wrote it

  // Another supervisor approves the assessment and the plan; the case moves to implementation.
  await asSupervisor(page, url, true, async () => {
    await page.getByTestId('tab-assessment').click();
    await page.getByTestId('assessment-approve').click();
    await page.getByTestId('assessment-approve-confirm').click();
    await expect(page.getByTestId('assessment-version-1')).toContainText('tasdiqlangan');
    await page.getByTestId('tab-plan').click();
    await page.getByTestId('plan-approve').click();
    await page.getByTestId('plan-note').fill('Maʼqul.');
    await page.getByTestId('plan-approve-confirm').click();
    await expect(page.getByTestId('plan-status')).toHaveText('tasdiqlangan');
  });
  await expect(page.getByTestId('case-card').getByTestId('stage-chip')).toContainText('Rejani amalga oshirish');

  // The approved plan is printed for the family and the team.
  await page.getByTestId('tab-plan').click();
  const planFile = await printDocument(page, host.folder, 'familyPlan');

  // A service delivered against the psychologist's action completes it.
  await page.getByTestId('service-add').click();
  await page.getByTestId('service-description').fill('Hamza bilan toʻrtta suhbat');
  await page.getByTestId('service-dialog').getByLabel('Toirov Hamza').check();
  await page.getByTestId('service-dialog').getByLabel('Ushbu xizmat bilan tadbir bajarildi').check();
  await page.getByTestId('service-save').click();
  await expect(page.getByTestId('service-row')).toHaveCount(1);
  await expect(page.getByTestId('plan-action').first()).toContainText('Bajarildi');

  // The first monthly monitoring reviews the three open actions.
  await page.clock.setSystemTime(new Date('2026-10-15T10:00:00+05:00'));
  await reloadAndLogin(page, ADMIN);
  await page.getByTestId('tab-monitoring').click();
  await page.getByTestId('monitoring-new').click();
  await expect(page.getByTestId('monitoring-review')).toHaveCount(3);
  await pickAt(page, 'review-status', 0, { value: 'inProgress' });
  await page.getByTestId('review-note').nth(0).fill('Onasi har kuni olib boryapti');
  await pickAt(page, 'review-status', 2, { value: 'done' });
  await page.getByTestId('monitoring-changes').fill('Hamza maktabga qatnayapti.');
  await screenshot(page, 'monitoring-review-uz-Latn');
  await page.getByTestId('monitoring-save').click();
  await expect(page.getByTestId('monitoring-entry')).toHaveCount(1);
  await expect(page.getByTestId('case-card').getByTestId('stage-chip')).toContainText('Monitoring');

  // The second revises the plan: the mother found work elsewhere, the inspector's visits are no longer needed.
  await page.clock.setSystemTime(new Date('2026-11-16T10:00:00+05:00'));
  await reloadAndLogin(page, ADMIN);
  await page.getByTestId('tab-monitoring').click();
  await page.getByTestId('monitoring-new').click();
  await expect(page.getByTestId('monitoring-review')).toHaveCount(2);
  await pickAt(page, 'review-status', 0, { value: 'done' });
  await page.getByTestId('monitoring-changes').fill('Onasi tikuvchilik sexiga ishga kirdi.');
  await page.getByTestId('monitoring-revise').check();
  await page.getByTestId('monitoring-revise-reason').fill('Profilaktik tashriflar endi kerak emas');
  await page.getByTestId('monitoring-save').click();
  await expect(page.getByTestId('monitoring-entry').first()).toContainText('2-tahrir');
  // The inspector has left the district's directory meanwhile: the plan being revised still names
  // him as responsible for his action, instead of an empty choice.
  await teams.open();
  await page.getByTestId('specialist-row').filter({ hasText: 'Xolmatov' }).getByTestId('specialist-delete').click();
  await page.getByTestId('confirm-delete').click();
  await expect(page.getByTestId('specialist-row').filter({ hasText: 'Xolmatov' })).toHaveCount(0);
  await page.goto(url);
  await page.getByTestId('tab-plan').click();
  await expect(page.getByTestId('plan-editor')).toBeVisible();
  await expect(page.getByTestId('action-responsible').nth(2)).toHaveText('Xolmatov Shavkat Oʻrinovich');
  await pickAt(page, 'action-status', 2, { value: 'dropped' });
  await page.getByTestId('action-dropped-reason').fill('Oila xavfsiz, tashriflar kerak emas');
  await page.getByTestId('plan-save-complete').click();
  await expect(page.getByTestId('plan-status')).toHaveText('tasdiqlashni kutmoqda');
  await expect(page.getByTestId('plan-history')).toContainText('Profilaktik tashriflar endi kerak emas');
  await expect(page.getByTestId('plan-history')).toContainText('Holati: Rejalashtirilgan → Bekor qilindi');
  await expect(page.getByTestId('plan-action').nth(2)).toContainText('Xolmatov Shavkat Oʻrinovich');

  // The reassessment: Hamza is doing better; its picture differs from the first.
  await page.getByTestId('tab-assessment').click();
  await page.getByTestId('assessment-start').click();
  await parts.nth(0).click();
  await rateAll(page, CHILD_DOMAINS, 4);
  await page.getByTestId('assessment-conclusion').fill('Hamza maktabga qaytdi, onasi ishlayapti.');
  await page.getByTestId('assessment-complete').click();
  await expect(page.getByTestId('assessment-version-2')).toContainText('tasdiqlashni kutmoqda');
  const secondPicture = await trianglePicture(page, 'assessment-tab');
  expect(secondPicture).not.toEqual(firstPicture);

  await asSupervisor(page, url, false, async () => {
    await page.getByTestId('tab-plan').click();
    await page.getByTestId('plan-approve').click();
    await page.getByTestId('plan-approve-confirm').click();
    await expect(page.getByTestId('plan-status')).toHaveText('tasdiqlangan');
  });

  // Closure: self-sufficient, each goal achieved. The administrator is a supervisor and closes it.
  await page.getByTestId('close-case').click();
  await selectOption(page, 'event-outcome', 'selfSufficient');
  await expect(page.getByTestId('goal-outcome')).toHaveCount(2);
  await pickAt(page, 'goal-result', 0, { value: 'achieved' });
  await page.getByTestId('event-reason').fill('Oila mustaqil: onasi ishlaydi, Hamza maktabda');
  await page.getByTestId('event-confirm').click();
  await expect(page.getByTestId('event-error')).toContainText('Rejaning har bir maqsadi boʻyicha natijani koʻrsating.');
  await pickAt(page, 'goal-result', 1, { value: 'achieved' });
  await page.getByTestId('event-confirm').click();
  await expect(page.getByTestId('case-card').getByTestId('stage-chip')).toContainText('Yopilgan');
  await page.getByTestId('tab-referral').click();
  await expect(page.getByTestId('closure')).toContainText('Kelishuv 16.11.2026 kuni tugatildi.');
  await expect(page.getByTestId('closure')).toContainText('Onasi ishga joylashadi: Erishildi');
  await expect(page.getByTestId('closure')).toContainText('Yakuniy baholash (2-versiya, 16.11.2026)');

  const actFile = await printDocument(page, host.folder, 'closureAct');
  const [planText, actText] = await openedInLibreOffice(host.folder, [planFile, actFile]);
  for (const expected of ['Hamza har kuni maktabga boradi', 'Hamza bilan haftalik suhbat', 'Ergasheva Dilnoza Yoʻldoshevna', 'Xolmatov Shavkat Oʻrinovich', 'Toirova Dilbar', '30.11.2026']) expect(planText).toContain(expected);
  for (const expected of ['Onasi ishga joylashadi', 'erishildi', '16.11.2026', 'K-7/2026', 'Toirova Dilbar']) expect(actText).toContain(expected);

  // The history shows every step.
  await page.getByTestId('tab-history').click();
  const history = page.getByTestId('history-entry');
  for (const step of ['Keys ochildi', 'Muvofiqlik haqida qaror', 'Kelishuv imzolandi', 'Baholash yakunlandi', 'Baholash tasdiqlandi', 'Reja tasdiqlashga yuborildi', 'Reja tasdiqlandi', 'Xizmat koʻrsatildi', 'Oylik monitoring', 'Keys yopildi']) {
    await expect(history.filter({ hasText: step }).first()).toBeVisible();
  }
  await expect(history.filter({ hasText: 'Oylik monitoring' })).toHaveCount(2);
  await screenshot(page, 'case-work-history-uz-Latn');

  // The plan as Russian and Cyrillic screens show it: names in Cyrillic, the words translated.
  const shell = new AppShell(page);
  await page.getByTestId('tab-plan').click();
  await shell.switchLanguage('ru');
  await expect(page.getByTestId('plan-status')).toHaveText('утверждён');
  await expect(page.getByTestId('plan-action').nth(1)).toContainText('Тоирова Дилбар');
  await screenshot(page, 'plan-ru');
  await shell.switchLanguage('uz-Cyrl');
  await expect(page.getByTestId('plan-action').nth(2)).toContainText('Бекор қилинди');
  await screenshot(page, 'plan-uz-Cyrl');
});
