import { expect, screenshot, test } from '../fixtures';
import { ADMIN, OFFICE } from '../data';
import { AppShell } from '../pages/AppShell';
import { LoginPage } from '../pages/LoginPage';
import { SetupPage } from '../pages/SetupPage';

test('first-run setup in uz-Cyrl survives a reload, and the UI speaks all three languages', async ({ page, openApp, host }) => {
  await openApp();
  const setup = new SetupPage(page);
  await expect(page.getByTestId('setup-title')).toBeVisible();
  await setup.chooseLanguage('uz-Cyrl');
  await expect(page.getByTestId('setup-title')).toHaveText('Hamkorlik дастурига хуш келибсиз');
  await setup.next();

  await setup.fillOffice(OFFICE);
  // The Cyrillic spelling of the Latin office name was suggested, the Latin one of the hokim's name too.
  await setup.page.getByTestId('setup-back').click();
  await expect(page.getByTestId('office-name-uzCyrl')).toHaveValue('Янгийўл тумани оилани қўллаб-қувватлаш бўлими');
  await expect(page.getByTestId('office-hokim-latn')).toHaveValue('Yoqubov Sherzod Toʻxtayevich');
  await page.getByTestId('office-submit').click();

  await setup.addMahalla('Navroʻz');
  await setup.addMahalla("Bog'ishamol");
  await expect(page.getByTestId('mahalla-row')).toHaveCount(2);
  await expect(page.getByTestId('mahalla-table')).toContainText('Боғишамол');
  await setup.next();

  await setup.fillAdministrator(ADMIN);
  await screenshot(page, 'setup-administrator-uz-Cyrl');
  await setup.finish();

  const shell = new AppShell(page);
  await expect(shell.pageTitle()).toHaveText('Кейслар');
  await expect(shell.officeName()).toHaveText('Янгийўл тумани оилани қўллаб-қувватлаш бўлими');
  expect(host.languages).toContain('uz-Cyrl');

  // After a restart nobody is logged in: the login screen, in the office's language.
  await page.reload();
  const login = new LoginPage(page);
  await expect(login.title()).toHaveText('Кириш');
  await screenshot(page, 'login-uz-Cyrl');
  await login.attempt(ADMIN.username, 'wrong password');
  await expect(login.error()).toHaveText('Фойдаланувчи номи ёки парол нотўғри.');
  await login.login(ADMIN.username, ADMIN.password);
  await expect(shell.pageTitle()).toHaveText('Кейслар');
  await expect(shell.officeName()).toHaveText('Янгийўл тумани оилани қўллаб-қувватлаш бўлими');
  await expect(page).toHaveURL(/#\/cases$/);
  await screenshot(page, 'main-uz-Cyrl');

  await shell.go('settings');
  await expect(page.getByTestId('office-hokim-cyrl')).toHaveValue('Ёқубов Шерзод Тўхтаевич');
  await expect(page.getByTestId('mahalla-row')).toHaveCount(2);
  await screenshot(page, 'settings-uz-Cyrl');

  await shell.switchLanguage('ru');
  await expect(shell.pageTitle()).toHaveText('Настройки');
  await expect(shell.officeName()).toHaveText('Отдел поддержки семьи Янгиюльского района');
  await expect(page.getByTestId('office-region')).toHaveText('Ташкентская область');
  await screenshot(page, 'settings-ru');

  await shell.switchLanguage('uz-Latn');
  await expect(shell.pageTitle()).toHaveText('Sozlamalar');
  await expect(shell.officeName()).toHaveText('Yangiyoʻl tumani oilani qoʻllab-quvvatlash boʻlimi');
  await expect(page.getByTestId('office-district')).toHaveText('Yangiyoʻl tumani');
  await shell.go('cases');
  await screenshot(page, 'main-uz-Latn');

  await page.reload();
  await expect(login.title()).toHaveText('Kirish');
  await login.login(ADMIN.username, ADMIN.password);
  await expect(shell.pageTitle()).toHaveText('Keyslar');
  expect(host.languages.at(-1)).toBe('uz-Latn');
});
