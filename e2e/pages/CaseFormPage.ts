import { expect, type Page } from '@playwright/test';
import { selectOption } from './mui';

export interface MemberInput {
  relation: string;
  surname: string;
  firstName: string;
  patronymic?: string;
  sex: 'male' | 'female';
  birthDate: string; // dd.mm.yyyy
  pinfl?: string;
}

/** The new-case form, filled as a user does: selects, typed names in one script, dates typed as digits. */
export class CaseFormPage {
  constructor(readonly page: Page) {}

  select(testId: string, value: string): Promise<void> {
    return selectOption(this.page, testId, value);
  }

  async typeDate(testId: string, ddmmyyyy: string): Promise<void> {
    const field = this.page.getByTestId(testId);
    await field.locator('[role="spinbutton"]').first().click();
    await this.page.keyboard.type(ddmmyyyy.replace(/\D/g, ''));
  }

  async fillCase(options: { mahallaId: string; street: string; house: string; referralSource: string; referralWho: string; referralDate: string; reason: string }): Promise<void> {
    await this.select('case-mahalla', options.mahallaId);
    await this.page.getByTestId('case-street').fill(options.street);
    await this.page.getByTestId('case-house').fill(options.house);
    await this.select('case-referral-source', options.referralSource);
    await this.page.getByTestId('case-referral-who').fill(options.referralWho);
    await this.typeDate('case-referral-date', options.referralDate);
    await this.page.getByTestId('case-referral-reason').fill(options.reason);
  }

  async fillMember(index: number, member: MemberInput, script: 'latn' | 'cyrl' = 'cyrl'): Promise<void> {
    const id = `member-${index}`;
    await this.select(`${id}-relation`, member.relation);
    await this.page.getByTestId(`${id}-surname-${script}`).fill(member.surname);
    await this.page.getByTestId(`${id}-firstName-${script}`).fill(member.firstName);
    if (member.patronymic) await this.page.getByTestId(`${id}-patronymic-${script}`).fill(member.patronymic);
    await this.select(`${id}-sex`, member.sex);
    await this.typeDate(`${id}-birthDate`, member.birthDate);
    if (member.pinfl) await this.page.getByTestId(`${id}-pinfl`).fill(member.pinfl);
  }

  async addMemberRow(): Promise<void> {
    await this.page.getByTestId('member-add').click();
  }

  async submit(): Promise<void> {
    await this.page.getByTestId('case-submit').click();
  }
}

/** Opens the new-case form and fills the address, referral and (optionally) criteria and consent, in Uzbek Cyrillic. */
export async function startCase(page: Page, options: { consent?: boolean } = {}): Promise<CaseFormPage> {
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('case-new').click();
  const form = new CaseFormPage(page);
  await page.getByTestId('case-mahalla').click();
  await page.locator('li[role="option"]').first().click();
  await page.getByTestId('case-street').fill('Навоий кўчаси');
  await page.getByTestId('case-house').fill('12');
  await form.select('case-referral-source', 'school');
  await page.getByTestId('case-referral-who').fill('12-мактаб');
  await form.typeDate('case-referral-date', '01.11.2026');
  await page.getByTestId('case-referral-reason').fill('Сардор дарсларга келмаяпти');
  if (options.consent) {
    await page.getByTestId('case-vulnerability').click();
    await page.locator('li[role="option"]').first().click();
    await page.keyboard.press('Escape');
    await page.getByTestId('case-consent').click();
    await page.getByTestId('case-consent-by').fill('Каримова Д.');
    await page.getByTestId('case-consent-paper').fill('3-жилд');
  }
  return form;
}

/** From a new case's card: on to primary assessment, then found eligible (the criteria recorded at identification confirmed). */
export async function makeEligible(page: Page, reasons: { visit: string; eligible: string }): Promise<void> {
  await page.getByTestId('advance-primaryAssessment').click();
  await page.getByTestId('event-reason').fill(reasons.visit);
  await page.getByTestId('event-confirm').click();
  await page.getByTestId('decide-eligibility').click();
  await page.getByTestId('event-reason').fill(reasons.eligible);
  await page.getByTestId('event-confirm').click();
}

/** Enters the agreement's signed date (today) and number, which brings the case to the agreement stage. */
export async function signAgreement(page: Page, number: string): Promise<void> {
  await page.getByTestId('sign-agreement').click();
  await page.getByTestId('event-number').fill(number);
  await page.getByTestId('event-confirm').click();
  // The dialog closes once the agreement is written: a reload before that would lose it.
  await expect(page.getByTestId('event-confirm')).toHaveCount(0);
}
