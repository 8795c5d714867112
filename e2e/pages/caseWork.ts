import type { Page } from '@playwright/test';

export const CHILD_DOMAINS = ['health', 'education', 'emotionalBehavioural', 'identity', 'familySocialRelationships', 'socialPresentation', 'selfCare'];
export const FAMILY_DOMAINS = ['basicCare', 'ensuringSafety', 'emotionalWarmth', 'stimulation', 'guidanceBoundaries', 'stability', 'familyHistoryFunctioning', 'housing', 'employment', 'income', 'socialIntegration', 'communityResources'];

/** Rates every domain of the open part of the assessment with `rating`. */
export async function rateAll(page: Page, domains: string[], rating: number): Promise<void> {
  for (const domain of domains) await page.getByTestId(`rate-${domain}-${rating}`).click();
}

/** The first polygon-like path of each radar series, as drawn: the picture a user sees. */
export async function trianglePicture(page: Page, containerTestId: string): Promise<string[]> {
  return page.getByTestId(containerTestId).locator('svg path').evaluateAll((paths) => paths.map((path) => path.getAttribute('d') ?? '').filter((d) => d.length > 40));
}

/** Types a date (dd.mm.yyyy) into the `index`-th date field with this test id. */
export async function typeDateAt(page: Page, testId: string, index: number, ddmmyyyy: string): Promise<void> {
  await page.getByTestId(testId).nth(index).locator('[role="spinbutton"]').first().click();
  await page.keyboard.type(ddmmyyyy.replace(/\D/g, ''));
}

/** Opens the `index`-th select with this test id and picks the option whose text is `name` (or whose value is `value`). */
export async function pickAt(page: Page, testId: string, index: number, option: { name?: string; value?: string }): Promise<void> {
  await page.getByTestId(testId).nth(index).click();
  const listbox = page.getByRole('listbox');
  await listbox.waitFor();
  const choice = option.value !== undefined ? listbox.locator(`li[data-value="${option.value}"]`) : listbox.getByRole('option', { name: option.name!, exact: true });
  for (let attempt = 1; ; attempt++) {
    await choice.click();
    try {
      await listbox.waitFor({ state: 'detached', timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}
