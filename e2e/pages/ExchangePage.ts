import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Page } from '@playwright/test';

/** The exchange page: setting up the office keys, backing up, restoring, as a user does it. */
export class ExchangePage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-exchange').click();
    await this.page.getByTestId('exchange-keys-card').waitFor();
  }

  /** Sets up exchange with a passphrase and returns the recovery key as shown once; leaves the key dialog open. */
  async setUp(passphrase: string): Promise<string> {
    await this.page.getByTestId('exchange-setup').click();
    await this.page.getByTestId('exchange-setup-passphrase').fill(passphrase);
    await this.page.getByTestId('exchange-setup-repeat').fill(passphrase);
    await this.page.getByTestId('exchange-setup-submit').click();
    const key = this.page.getByTestId('recovery-key');
    await key.waitFor();
    return (await key.getAttribute('aria-label')) ?? '';
  }

  async closeRecoveryKey(): Promise<void> {
    await this.page.getByTestId('recovery-key-kept').check();
    await this.page.getByTestId('recovery-key-close').click();
    await this.page.getByTestId('recovery-key-dialog').waitFor({ state: 'detached' });
  }

  async backUp(passphrase: string): Promise<void> {
    await this.page.getByTestId('exchange-backup').click();
    await this.page.getByTestId('backup-secret-input').fill(passphrase);
    await this.page.getByTestId('backup-start').click();
  }

  restoreDialog() {
    return this.page.getByTestId('restore-dialog');
  }

  /** Opens the restore dialog and picks `path` (the e2e host's open dialog answers with it). */
  async pickForRestore(openQueue: string[], path: string): Promise<void> {
    await this.page.getByTestId('exchange-restore').click();
    openQueue.push(path);
    await this.page.getByTestId('restore-pick').click();
  }

  /**
   * The required copy of the current data, saved to a file with the current passphrase. Where this
   * PC keeps the office key the restore would make one by itself; a copy to a file is then asked for too.
   */
  async saveSafetyCopy(passphrase: string): Promise<void> {
    const automatic = this.page.getByTestId('restore-copy-automatic');
    const field = this.page.getByTestId('restore-copy-secret-input');
    await automatic.or(field).waitFor();
    if (await automatic.isVisible()) await this.page.getByTestId('restore-copy-to-file').click();
    await field.fill(passphrase);
    await this.page.getByTestId('restore-copy-save').click();
    await this.page.getByTestId('restore-copy-saved').waitFor();
  }

  async restoreWith(secret: { passphrase: string } | { recoveryKey: string }): Promise<void> {
    if ('recoveryKey' in secret) {
      await this.page.getByTestId('restore-secret-use-recovery-key').click();
      await this.page.getByTestId('restore-secret-input').fill(secret.recoveryKey);
    } else {
      await this.page.getByTestId('restore-secret-use-passphrase').click();
      await this.page.getByTestId('restore-secret-input').fill(secret.passphrase);
    }
    await this.page.getByTestId('restore-start').click();
  }
}

/**
 * Drags the files at `paths` (one, or the volumes of one backup) onto the app's window and drops
 * them, as from a file manager: the page gets a DataTransfer holding the files. `whileOver` runs
 * while the files hang over the window.
 */
export async function dropFile(page: Page, paths: string | string[], whileOver?: () => Promise<void>): Promise<void> {
  const files = await Promise.all([paths].flat().map(async (path) => ({ name: basename(path), base64: (await readFile(path)).toString('base64') })));
  const transfer = await page.evaluateHandle((dropped) => {
    const dataTransfer = new DataTransfer();
    for (const { name, base64 } of dropped) dataTransfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name));
    return dataTransfer;
  }, files);
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
  await whileOver?.();
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
  await transfer.dispose();
}
