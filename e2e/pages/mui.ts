import type { Page } from '@playwright/test';

/** Opens an MUI select, picks the option and waits for the menu to close, so the next step starts from a settled page. */
export async function selectOption(page: Page, testId: string, value: string): Promise<void> {
  await page.getByTestId(testId).click();
  const listbox = page.getByRole('listbox');
  await listbox.waitFor();
  await listbox.locator(`li[data-value="${value}"]`).click();
  await listbox.waitFor({ state: 'detached' });
}
