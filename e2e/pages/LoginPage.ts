import type { Page } from '@playwright/test';

/** The login screen and the lock screen, as a user meets them. */
export class LoginPage {
  constructor(readonly page: Page) {}

  title() {
    return this.page.getByTestId('login-title');
  }

  error() {
    return this.page.getByTestId('login-error');
  }

  async attempt(username: string, password: string): Promise<void> {
    await this.page.getByTestId('login-username').fill(username);
    await this.page.getByTestId('login-password').fill(password);
    await this.page.getByTestId('login-submit').click();
  }

  /** Logs in and waits until the app is there. */
  async login(username: string, password: string): Promise<void> {
    await this.attempt(username, password);
    await this.title().waitFor({ state: 'detached' });
  }

  /** First login with a password the administrator set: the user chooses their own. */
  async chooseOwnPassword(password: string): Promise<void> {
    await this.page.getByTestId('login-new-password').fill(password);
    await this.page.getByTestId('login-new-repeat').fill(password);
    await this.page.getByTestId('login-submit').click();
    await this.title().waitFor({ state: 'detached' });
  }

  async unlock(password: string): Promise<void> {
    await this.page.getByTestId('unlock-password').fill(password);
    await this.page.getByTestId('unlock-submit').click();
    await this.page.getByTestId('lock-screen').waitFor({ state: 'detached' });
  }
}

/** Reloads the page and logs in again, as a user whose app restarted. */
export async function reloadAndLogin(page: Page, admin: { username: string; password: string }): Promise<void> {
  await page.reload();
  await new LoginPage(page).login(admin.username, admin.password);
}
