import { expect, screenshot, test } from '../fixtures';
import { ADMIN, OFFICE } from '../data';
import { AppShell } from '../pages/AppShell';
import { LoginPage } from '../pages/LoginPage';
import { completeSetup } from '../pages/SetupPage';

test('idle for the configured time locks the screen; a half-filled form is intact after unlocking; Ctrl+L locks at once', async ({ page, openApp }) => {
  await page.clock.install({ time: new Date('2026-11-23T09:00:00+05:00') });
  await openApp();
  await completeSetup(page, { language: 'uz-Latn', office: OFFICE, mahallas: ['Navroʻz'], admin: ADMIN });
  const shell = new AppShell(page);
  const login = new LoginPage(page);

  // The administrator sets the office's idle time to 3 minutes.
  await shell.go('settings');
  await page.getByTestId('idle-minutes').fill('0');
  await expect(page.getByText('1 dan 120 gacha butun son')).toBeVisible();
  await expect(page.getByTestId('idle-save')).toBeDisabled();
  await page.getByTestId('idle-minutes').fill('3');
  await page.getByTestId('idle-save').click();
  await expect(shell.notice()).toContainText('Qulflash vaqti saqlandi');

  // Half a new case typed, then the user walks away.
  await shell.go('cases');
  await page.getByTestId('case-new').click();
  await page.getByTestId('case-street').fill('Navoiy koʻchasi');
  await page.getByTestId('case-referral-reason').fill('Bola maktabga kelmayapti');
  await page.clock.fastForward('02:00');
  await expect(page.getByTestId('lock-screen')).toHaveCount(0);
  await page.clock.fastForward('01:10');
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await expect(page.getByTestId('lock-user')).toHaveText('Karimova Dilnoza Hasanovna');
  await screenshot(page, 'locked-uz-Latn');

  // Only the same user's password unlocks; the form is as it was.
  await page.getByTestId('unlock-password').fill('not the password');
  await page.getByTestId('unlock-submit').click();
  await expect(page.getByTestId('login-error')).toHaveText('Foydalanuvchi nomi yoki parol notoʻgʻri.');
  await login.unlock(ADMIN.password);
  await expect(page.getByTestId('case-street')).toHaveValue('Navoiy koʻchasi');
  await expect(page.getByTestId('case-referral-reason')).toHaveValue('Bola maktabga kelmayapti');

  // Ctrl+L locks at once, even over an open dialog, and the password goes to the lock screen, not the dialog.
  await page.getByTestId('user-menu').click();
  await page.getByTestId('change-password').click();
  await expect(page.getByTestId('current-password')).toBeFocused();
  await page.keyboard.press('Control+l');
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await expect(page.getByTestId('unlock-password')).toBeFocused();
  await login.unlock(ADMIN.password);
  await expect(page.getByTestId('current-password')).toHaveValue('');
  await page.keyboard.press('Escape');

  // Someone else at the PC logs the user out first; the user's draft waits for them, not for others.
  await page.getByTestId('case-house').click();
  await page.keyboard.press('Control+l');
  await page.getByTestId('lock-switch-user').click();
  await expect(login.title()).toHaveText('Kirish');
  await login.login(ADMIN.username, ADMIN.password);
  await shell.go('cases');
  await page.getByTestId('case-new').click();
  await expect(page.getByTestId('draft-restored')).toBeVisible();
  await expect(page.getByTestId('case-street')).toHaveValue('Navoiy koʻchasi');
});
