import type { Page } from '@playwright/test';

export interface AccountInput {
  username: string;
  fullNameLatn: string;
  position: string;
  roles: string[];
  mahallas: string[];
  password: string;
}

/** The administrator's accounts page. */
export class AccountsPage {
  constructor(readonly page: Page) {}

  row(username: string) {
    return this.page.getByTestId(`account-row-${username}`);
  }

  async create(account: AccountInput): Promise<void> {
    await this.page.getByTestId('account-new').click();
    await this.page.getByTestId('account-username').fill(account.username);
    await this.page.getByTestId('account-name-latn').fill(account.fullNameLatn);
    await this.page.getByTestId('account-position').fill(account.position);
    for (const role of account.roles) await this.page.getByTestId(`account-role-${role}`).click();
    const dialog = this.page.getByRole('dialog');
    for (const mahalla of account.mahallas) await dialog.getByLabel(mahalla).check();
    await this.page.getByTestId('account-password').fill(account.password);
    await this.page.getByTestId('account-repeat').fill(account.password);
    await this.page.getByTestId('account-save').click();
    await dialog.waitFor({ state: 'detached' });
  }
}

/** Logs the current user out through the user menu. */
export async function logout(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await page.getByTestId('login-title').waitFor();
}
