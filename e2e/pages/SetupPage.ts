import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import type { E2eHost } from '../host/e2eHost';
import { LoginPage } from './LoginPage';
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
export async function completeSetup(page: Page, options: SetupOptions): Promise<void> {
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

export interface SetupOptions {
  language: string;
  office: OfficeInput;
  mahallas: string[];
  admin: AdminInput;
  /** Tells apart offices set up with the same answers that must not be one office (another PC, another district). */
  pc?: string;
}

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

/** What first-run setup left: the browser's storage (IndexedDB included) and the files in the data folder. */
interface SetupSnapshot {
  /** The page's date when setup ran (a test's fake clock included). */
  day: string;
  storage: StorageState;
  files: { path: string; bytes: Buffer }[];
}

/**
 * Per worker process: the state each set of setup answers left the first time. The renderer
 * server is per worker too, so the snapshots are of the origin the later tests are served from.
 */
const snapshots = new Map<string, SetupSnapshot>();

/**
 * An office set up with these answers, the administrator logged in, for a test about something
 * after setup. The first test of a worker with these answers goes through setup in the UI
 * (`completeSetup`); later ones start from the IndexedDB, localStorage and data-folder files it
 * left and log in, as after a restart: the same office, users and ids, without the five seconds of
 * typing each time (CI's e2e time, 06.12.2026). Setup itself is the subject of firstRun.spec.
 *
 * `open` navigates the page to the app; it must not have been called yet, since the stored
 * databases are put in place before the app opens them. A test that installs a fake clock goes
 * through setup in the UI instead (`completeSetup`): a snapshot would carry another day's dates,
 * and one made on another day than the page's is refused.
 */
export async function setUpOffice(page: Page, host: E2eHost, open: () => Promise<unknown>, options: SetupOptions): Promise<void> {
  const key = JSON.stringify(options);
  const snapshot = snapshots.get(key);
  if (!snapshot) {
    await open();
    await completeSetup(page, options);
    snapshots.set(key, { day: await pageDay(page), storage: await page.context().storageState({ indexedDB: true }), files: await readDataFolder(host) });
    return;
  }
  await page.context().setStorageState(snapshot.storage);
  for (const file of snapshot.files) {
    const path = join(host.dataFolder, file.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.bytes);
  }
  await open();
  const day = await pageDay(page);
  if (day !== snapshot.day) throw new Error(`setUpOffice: the stored setup is of ${snapshot.day} and the page's clock says ${day}; a test with a fake clock sets up with completeSetup`);
  await new LoginPage(page).login(options.admin.username, options.admin.password);
  await page.getByTestId('office-name').waitFor();
}

const pageDay = (page: Page) => page.evaluate(() => new Date().toDateString());

/** The data folder's files, the dialogs' folder left out (nothing is in it right after setup). */
async function readDataFolder(host: E2eHost): Promise<SetupSnapshot['files']> {
  const dialogs = relative(host.dataFolder, host.folder);
  const entries = await readdir(host.dataFolder, { recursive: true, withFileTypes: true });
  const files: SetupSnapshot['files'] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = relative(host.dataFolder, join(entry.parentPath, entry.name));
    if (path === dialogs || path.startsWith(`${dialogs}/`)) continue;
    files.push({ path, bytes: await readFile(join(host.dataFolder, path)) });
  }
  return files;
}
