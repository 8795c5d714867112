import type { Page } from '@playwright/test';

/** The Settings page's mahalla list and its import and export. */
export class SettingsPage {
  constructor(readonly page: Page) {}

  mahallaRows() {
    return this.page.getByTestId('mahalla-row');
  }

  async addMahalla(uzLatn: string): Promise<void> {
    await this.page.getByTestId('mahalla-new-uzLatn').fill(uzLatn);
    await this.page.getByTestId('mahalla-add').click();
  }

  async exportMahallas(): Promise<void> {
    await this.page.getByTestId('mahalla-export').click();
  }

  async startImport(): Promise<void> {
    await this.page.getByTestId('mahalla-import').click();
  }

  importDialog() {
    return this.page.getByTestId('mahalla-import-dialog');
  }

  async confirmImport(): Promise<void> {
    await this.page.getByTestId('mahalla-import-confirm').click();
  }
}
