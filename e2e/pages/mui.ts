import type { Page } from '@playwright/test';

/**
 * Opens an MUI select, picks the option and waits for the menu to close, so the next step starts from a settled page.
 * Under CI load a click can land while the menu is still growing in and be swallowed by the transition;
 * a person would click again, and so does this helper (at most three times) before failing.
 */
export async function selectOption(page: Page, testId: string, value: string): Promise<void> {
  await page.getByTestId(testId).click();
  const listbox = page.getByRole('listbox');
  await listbox.waitFor();
  const option = listbox.locator(`li[data-value="${value}"]`);
  for (let attempt = 1; ; attempt++) {
    await option.click();
    try {
      await listbox.waitFor({ state: 'detached', timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}
