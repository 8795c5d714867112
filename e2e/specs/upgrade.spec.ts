import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from '../fixtures';
import { ADMIN, OFFICE } from '../data';
import { ExchangePage } from '../pages/ExchangePage';
import { LoginPage } from '../pages/LoginPage';
import { setUpOffice } from '../pages/SetupPage';

const PASSPHRASE = 'Yangiyoʻl bogʻida olma pishdi';

const automaticBackupsIn = async (dataFolder: string) => (await readdir(join(dataFolder, 'backups')).catch(() => [] as string[])).filter((name) => name.endsWith('.hmk'));

/**
 * Plays "the app was updated": the office database copied, store for store and record for record,
 * into a new one declared one schema version below this app's (same stores: the newest version
 * changes no index), and made the active one. The next start finds it older than the app.
 */
async function makeDatabaseOlder(page: Page): Promise<{ from: number; to: number }> {
  return page.evaluate(async () => {
    const opened = (name: string, version?: number, upgrade?: (db: IDBDatabase) => void) =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const request = version === undefined ? indexedDB.open(name) : indexedDB.open(name, version);
        request.onupgradeneeded = () => upgrade?.(request.result);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const done = (request: IDBRequest) => new Promise<unknown>((resolve, reject) => ((request.onsuccess = () => resolve(request.result)), (request.onerror = () => reject(request.error))));
    const meta = await opened('hamkorlik-meta');
    const pointers = meta.transaction('pointers', 'readwrite').objectStore('pointers');
    const active = (await done(pointers.get('active'))) as { key: string; name: string; since: string };
    const current = await opened(active.name);
    const stores = Array.from(current.objectStoreNames);
    const older = `${active.name}-older`;
    // Dexie stores version n as IndexedDB version 10 n.
    const from = current.version;
    const copy = await opened(older, from - 10, (db) => {
      const tx = current.transaction(stores);
      for (const name of stores) {
        const source = tx.objectStore(name);
        const target = db.createObjectStore(name, { keyPath: source.keyPath, autoIncrement: source.autoIncrement });
        for (const index of Array.from(source.indexNames)) {
          const { keyPath, unique, multiEntry } = source.index(index);
          target.createIndex(index, keyPath, { unique, multiEntry });
        }
      }
    });
    for (const name of stores) {
      const rows = (await done(current.transaction(name).objectStore(name).getAll())) as unknown[];
      const target = copy.transaction(name, 'readwrite').objectStore(name);
      for (const row of rows) target.put(row);
      await new Promise((resolve, reject) => ((target.transaction.oncomplete = resolve), (target.transaction.onerror = reject)));
    }
    current.close();
    copy.close();
    await done(meta.transaction('pointers', 'readwrite').objectStore('pointers').put({ ...active, name: older }));
    meta.close();
    return { from: from / 10 - 1, to: from / 10 };
  });
}

test('after an update, the copy before the upgrade fails on a full disk: the person is told why, tries again, and the copy is made before the data is upgraded', async ({ page, openApp, host }) => {
  test.setTimeout(90_000);
  await setUpOffice(page, host, openApp, { language: 'uz-Latn', office: OFFICE, mahallas: ['Navroʻz'], admin: ADMIN });
  // Exchange set up here: this PC keeps the office key, so it backs itself up without a passphrase.
  const exchange = new ExchangePage(page);
  await exchange.open();
  await exchange.setUp(PASSPHRASE);
  await exchange.closeRecoveryKey();
  const before = await automaticBackupsIn(host.dataFolder);

  const versions = await makeDatabaseOlder(page);
  expect(versions.to).toBeGreaterThan(versions.from);
  // The disk is full for the next two tries at an automatic backup.
  host.faults.push({ step: 'open', code: 'ENOSPC', pathIncludes: 'backups', times: 2 });
  await page.reload();

  const failed = page.getByTestId('startup-backup-failed');
  await expect(failed).toContainText('Boʻlim maʼlumotlarini yangilashdan oldin ularning zaxira nusxasini saqlab boʻlmadi.');
  await expect(page.getByTestId('startup-backup-failure')).toContainText('Diskda boʻsh joy yetarli emas');
  await screenshot(page, 'startup-backup-failed-uz-Latn');
  // Still full: told again.
  await page.getByTestId('startup-backup-retry').click();
  await expect(failed).toBeVisible();
  await expect(page.getByTestId('startup-backup-retry')).toBeEnabled();
  expect(await automaticBackupsIn(host.dataFolder)).toEqual(before);
  // Space freed: the copy is made, then the data upgraded, and the office logs in as before.
  await page.getByTestId('startup-backup-retry').click();
  await expect(new LoginPage(page).title()).toBeVisible({ timeout: 30_000 });
  const made = (await automaticBackupsIn(host.dataFolder)).filter((name) => !before.includes(name));
  expect(made).toHaveLength(1);
  const upgraded = await page.evaluate(async () => {
    const meta = await new Promise<IDBDatabase>((resolve) => (indexedDB.open('hamkorlik-meta').onsuccess = (event) => resolve((event.target as IDBOpenDBRequest).result)));
    const active = await new Promise<{ name: string }>((resolve) => (meta.transaction('pointers').objectStore('pointers').get('active').onsuccess = (event) => resolve((event.target as IDBRequest).result as { name: string })));
    return (await indexedDB.databases()).find((info) => info.name === active.name)?.version;
  });
  expect(upgraded).toBe(versions.to * 10);
  await new LoginPage(page).attempt(ADMIN.username, ADMIN.password);
  await expect(page.getByTestId('nav-exchange')).toBeVisible();
});
