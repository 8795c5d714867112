import type { Page } from '@playwright/test';
import { selectOption } from './mui';

export interface OfficeInput {
  regionCode: string;
  districtCode: string;
  name: { uzLatn: string; uzCyrl?: string; ru?: string };
  head: string;
  hokim: string;
  deputyHokim: string;
}

export interface AdminInput {
  fullNameCyrl: string;
  position: string;
  username: string;
  password: string;
}

/** First-run setup, step by step, as a user goes through it. */
export class SetupPage {
  constructor(readonly page: Page) {}

  async chooseLanguage(language: string): Promise<void> {
    await this.page.getByTestId('language-switcher').click();
    await this.page.getByTestId(`language-${language}`).click();
  }

  async next(): Promise<void> {
    await this.page.getByTestId('setup-next').click();
  }

  select(testId: string, value: string): Promise<void> {
    return selectOption(this.page, testId, value);
  }

  /** Types each name in the script given; the other spellings are left to the suggestions unless given. */
  async fillOffice(office: OfficeInput): Promise<void> {
    await this.select('office-region', office.regionCode);
    await this.select('office-district', office.districtCode);
    await this.page.getByTestId('office-name-uzLatn').fill(office.name.uzLatn);
    if (office.name.uzCyrl) await this.page.getByTestId('office-name-uzCyrl').fill(office.name.uzCyrl);
    if (office.name.ru) await this.page.getByTestId('office-name-ru').fill(office.name.ru);
    await this.page.getByTestId('office-head-cyrl').fill(office.head);
    await this.page.getByTestId('office-hokim-cyrl').fill(office.hokim);
    await this.page.getByTestId('office-deputyHokim-cyrl').fill(office.deputyHokim);
    await this.page.getByTestId('office-submit').click();
  }

  async addMahalla(uzLatn: string): Promise<void> {
    await this.page.getByTestId('mahalla-new-uzLatn').fill(uzLatn);
    await this.page.getByTestId('mahalla-add').click();
  }

  async fillAdministrator(admin: AdminInput): Promise<void> {
    await this.page.getByTestId('admin-name-cyrl').fill(admin.fullNameCyrl);
    await this.page.getByTestId('admin-position').fill(admin.position);
    await this.page.getByTestId('admin-username').fill(admin.username);
    await this.page.getByTestId('admin-password').fill(admin.password);
    await this.page.getByTestId('admin-repeat').fill(admin.password);
  }

  async finish(): Promise<void> {
    await this.page.getByTestId('setup-finish').click();
  }
}

/** Goes through first-run setup with the given language, office, mahallas and administrator. */
export async function completeSetup(
  page: Page,
  options: { language: string; office: OfficeInput; mahallas: string[]; admin: AdminInput },
): Promise<void> {
  const setup = new SetupPage(page);
  await setup.chooseLanguage(options.language);
  await setup.next();
  await setup.fillOffice(options.office);
  for (const mahalla of options.mahallas) await setup.addMahalla(mahalla);
  await setup.next();
  await setup.fillAdministrator(options.admin);
  await setup.finish();
  await page.getByTestId('office-name').waitFor();
}
