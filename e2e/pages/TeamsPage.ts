import type { Locator, Page } from '@playwright/test';
import { selectOption } from './mui';

export type TeamRole = 'mahallaRepresentative' | 'ministrySpecialist' | 'juvenileInspector' | 'medicalWorker' | 'schoolPsychologist' | 'other';
export type WorkingGroupRole = 'chair' | 'deputyChair' | 'secretary' | 'member';
export type TeamsTabKey = 'specialists' | 'agencies' | 'teams' | 'workingGroup' | 'workload';

export interface SpecialistInput {
  /** Typed in the script it is written in (Latin or Cyrillic); the other spelling is left to the suggestion. */
  fullName: string;
  /** The agency's name in any of its three spellings. */
  agencyName: string;
  position: { uzLatn: string; uzCyrl: string; ru: string };
  phone?: string;
  /** Mahalla names in any spelling. */
  mahallaNames?: string[];
  /** dd.mm.yyyy; ticks "trained in case management". */
  trainedOn?: string;
  /** The username of the app account to link. */
  accountUsername?: string;
}

export interface MemberInput<R extends string> {
  /** The specialist's full name in either script. */
  specialistName: string;
  role: R;
}

/**
 * A CSS selector for the elements whose `data-names` (every spelling of a name, joined by `|`)
 * holds `name` exactly: rows, cards and options are found by a name in any script or language.
 */
function named(name: string): string {
  const value = name.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  return `:is([data-names="${value}"], [data-names^="${value}|"], [data-names$="|${value}"], [data-names*="|${value}|"])`;
}

/** Clicks an option of the open listbox, again if a transition swallowed the click (as mui.ts does), until the list closes. */
async function clickOption(page: Page, option: (listbox: Locator) => Locator): Promise<void> {
  const listbox = page.getByRole('listbox');
  await listbox.waitFor();
  for (let attempt = 1; ; attempt++) {
    await option(listbox).click();
    try {
      await listbox.waitFor({ state: 'detached', timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** The Teams page: the interagency directory of specialists, agencies, mahalla teams and the working group. */
export class TeamsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-teams').click();
    await this.page.getByTestId('teams-tab-specialists').waitFor();
  }

  async tab(key: TeamsTabKey): Promise<void> {
    await this.page.getByTestId(`teams-tab-${key}`).click();
    await this.page.getByTestId(`teams-panel-${key}`).waitFor();
  }

  specialistRow(name: string): Locator {
    return this.page.locator(`[data-testid="specialist-row"]${named(name)}`);
  }

  agencyRow(name: string): Locator {
    return this.page.locator(`[data-testid="agency-row"]${named(name)}`);
  }

  teamCard(mahallaName: string): Locator {
    return this.page.locator(`[data-testid="team-card"]${named(mahallaName)}`);
  }

  workingGroupRow(specialistName: string): Locator {
    return this.page.locator(`[data-testid="workingGroup-row"]${named(specialistName)}`);
  }

  /** A row of the workload tables: by case manager (username or name) or by mahalla; its open-cases cell is `open-cases`. */
  workloadRow(table: 'caseManagers' | 'mahallas', name: string): Locator {
    return this.page.locator(`[data-testid="workload-${table}-row"]${named(name)}`);
  }

  /** Picks in an MUI select the option whose `data-names` holds `name`. */
  private async selectNamed(testId: string, name: string): Promise<void> {
    await this.page.getByTestId(testId).click();
    await clickOption(this.page, (listbox) => listbox.locator(`li${named(name)}`));
  }

  /** Types a name into an MUI autocomplete and picks the option of that name. */
  private async autocompleteNamed(testId: string, name: string): Promise<void> {
    const input = this.page.getByTestId(testId);
    await input.click();
    await input.fill(name);
    await clickOption(this.page, (listbox) => listbox.locator(`li${named(name)}`));
  }

  async addSpecialist(specialist: SpecialistInput): Promise<void> {
    await this.tab('specialists');
    await this.page.getByTestId('specialist-new').click();
    const dialog = this.page.getByRole('dialog');
    const script = /[\u0400-\u04FF]/u.test(specialist.fullName) ? 'cyrl' : 'latn';
    await this.page.getByTestId(`specialist-fullName-${script}`).fill(specialist.fullName);
    await this.selectNamed('specialist-agency', specialist.agencyName);
    // In this order, so each typed spelling replaces the suggestion the previous one made.
    await this.page.getByTestId('specialist-position-uzLatn').fill(specialist.position.uzLatn);
    await this.page.getByTestId('specialist-position-uzCyrl').fill(specialist.position.uzCyrl);
    await this.page.getByTestId('specialist-position-ru').fill(specialist.position.ru);
    if (specialist.phone) await this.page.getByTestId('specialist-phone').fill(specialist.phone);
    for (const mahalla of specialist.mahallaNames ?? []) await this.autocompleteNamed('specialist-mahallas', mahalla);
    if (specialist.trainedOn) {
      await this.page.getByTestId('specialist-trained').click();
      await this.page.getByTestId('specialist-trainedOn').locator('[role="spinbutton"]').first().click();
      await this.page.keyboard.type(specialist.trainedOn.replace(/\D/g, ''));
    }
    if (specialist.accountUsername) await this.selectNamed('specialist-account', specialist.accountUsername);
    await this.page.getByTestId('specialist-save').click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** Replaces the members of an open team or working-group dialog with the given ones, in order. */
  private async replaceMembers(prefix: 'team' | 'workingGroup', members: MemberInput<string>[]): Promise<void> {
    const firstRemove = this.page.getByTestId(`${prefix}-member-remove-0`);
    while (await firstRemove.count()) await firstRemove.click();
    for (const member of members) {
      await this.autocompleteNamed(`${prefix}-member-specialist`, member.specialistName);
      await selectOption(this.page, `${prefix}-member-new-role`, member.role);
      await this.page.getByTestId(`${prefix}-member-add`).click();
      await this.page.locator(`[data-testid="${prefix}-member-row"]${named(member.specialistName)}`).waitFor();
    }
  }

  /**
   * Sets the interagency team of a mahalla (found by any spelling of its name): exactly these
   * members, and the coordinator (a case manager's username or name) when one is given.
   */
  async setTeam(mahallaName: string, members: MemberInput<TeamRole>[], coordinatorName?: string): Promise<void> {
    await this.tab('teams');
    await this.teamCard(mahallaName).locator('[data-testid^="team-edit-"]').click();
    const dialog = this.page.getByRole('dialog');
    await this.replaceMembers('team', members);
    if (coordinatorName) await this.selectNamed('team-coordinator', coordinatorName);
    await this.page.getByTestId('team-save').click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** Sets the district working group to exactly these members with their roles. */
  async setWorkingGroup(members: MemberInput<WorkingGroupRole>[]): Promise<void> {
    await this.tab('workingGroup');
    await this.page.getByTestId('workingGroup-edit').click();
    const dialog = this.page.getByRole('dialog');
    await this.replaceMembers('workingGroup', members);
    await this.page.getByTestId('workingGroup-save').click();
    await dialog.waitFor({ state: 'detached' });
  }
}
