import { readdir } from 'node:fs/promises';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from '../fixtures';
import { ADMIN, OFFICE } from '../data';
import { attachE2eHost } from '../host/e2eHost';
import { AppShell } from '../pages/AppShell';
import { startCase } from '../pages/CaseFormPage';
import { completeSetup } from '../pages/SetupPage';

const AGREED = 'Navroʻz bogʻida uchrashamiz 2026';
const SARDOR = { relation: 'child' as const, surname: 'Хўжаев', firstName: 'Сардор', sex: 'male' as const, birthDate: '20.01.2012', pinfl: '52001129990039' };

async function newCase(page: Page, members: Parameters<Awaited<ReturnType<typeof startCase>>['fillMember']>[1][]): Promise<void> {
  const form = await startCase(page);
  for (const [index, member] of members.entries()) await form.fillMember(index, member);
  await form.submit();
  await expect(page.getByTestId('case-title')).toBeVisible();
}

const packageIn = async (folder: string, part: string) => (await readdir(folder)).filter((name) => name.includes(part) && name.endsWith('.hmk'));

test('two offices: A sends a case in custody to B, who previews it, merges a child already known by PINFL, and sends back a receipt that marks it received at A', async ({ page, openApp, host, browser, server }) => {
  test.setTimeout(150_000);
  // Office A, with the Xoʻjayev family.
  await openApp();
  await completeSetup(page, { language: 'uz-Latn', office: OFFICE, mahallas: ['Navroʻz'], admin: ADMIN });
  await newCase(page, [{ relation: 'head', surname: 'Хўжаев', firstName: 'Алишер', sex: 'male', birthDate: '02.03.1984' }, SARDOR]);
  const shellA = new AppShell(page);

  // Office B, on another PC: Sardor is already known there, in his aunt's case, under B's own record
  // and with his first name spelt differently.
  const root = await mkdtemp(join(tmpdir(), 'hamkorlik-e2e-b-'));
  await mkdir(join(root, 'files'));
  const contextB = await browser.newContext();
  const pageB = await contextB.newPage();
  const hostB = await attachE2eHost(pageB, { folder: join(root, 'files'), dataFolder: root, origin: server.origin });
  await pageB.goto(`${server.origin}/index.html#/`);
  await completeSetup(pageB, { language: 'uz-Latn', office: OFFICE, mahallas: ['Navroʻz'], admin: ADMIN });
  await newCase(pageB, [{ relation: 'head', surname: 'Каримова', firstName: 'Нилуфар', sex: 'female', birthDate: '11.11.1979' }, { ...SARDOR, firstName: 'Сардорбек', relation: 'otherRelative' as const }]);
  const shellB = new AppShell(pageB);

  // A sends the case in custody, under a passphrase agreed with B.
  await shellA.go('exchange');
  await page.getByTestId('send-cases').click();
  await page.getByTestId('send-case-search').fill('Xoʻjayev');
  await page.getByTestId('send-case-option').first().click();
  await page.getByTestId('send-mode-custody').check();
  await page.getByTestId('send-passphrase').fill(AGREED);
  await page.getByTestId('send-passphrase-repeat').fill(AGREED);
  await page.getByTestId('send-confirm').click();
  await expect(page.getByTestId('send-done')).toBeVisible({ timeout: 30_000 });
  await screenshot(page, 'transfer-sent-uz-Latn');
  await page.getByTestId('send-close').click();
  const [sent] = await packageIn(host.folder, 'transfer');
  expect(sent).toBeTruthy();
  // A's copy is read-only now, waiting for the receipt.
  await shellA.go('cases');
  await page.getByTestId('cases-transferred').click();
  await expect(page.getByTestId('case-selection')).toContainText('boshqa idoralarga yuborilgan keyslar');
  await page.locator('.case-row').first().click();
  await expect(page.getByTestId('case-transferred-alert')).toBeVisible();
  await screenshot(page, 'transfer-read-only-uz-Latn');

  // B opens the file: a preview first, then Sardor's two records to reconcile field by field.
  await shellB.go('exchange');
  await pageB.getByTestId('receive-cases').click();
  hostB.openQueue.push(join(host.folder, sent!));
  await pageB.getByTestId('receive-pick').click();
  await pageB.getByTestId('receive-passphrase').fill(AGREED);
  await pageB.getByTestId('receive-open').click();
  await expect(pageB.getByTestId('receive-preview')).toBeVisible({ timeout: 30_000 });
  await expect(pageB.getByTestId('receive-mode')).toBeVisible();
  await expect(pageB.getByTestId('receive-same-persons')).toContainText('Xoʻjayev Sardor');
  await screenshot(pageB, 'transfer-preview-uz-Latn');
  // The other office's user and mahalla have namesakes here: the same people and place.
  for (const box of await pageB.getByTestId('receive-ref-accept').all()) await box.check();
  await pageB.getByTestId('receive-continue').click();
  const conflicts = pageB.getByTestId('conflict-row');
  await expect(conflicts.first()).toBeVisible();
  await expect(pageB.getByTestId('receive-apply')).toBeDisabled();
  await expect(pageB.getByTestId('conflict-field')).toHaveText(['Ism — lotin', 'Ism — kirill']);
  await pageB.getByTestId('conflict-all-incoming').click();
  await screenshot(pageB, 'transfer-conflicts-uz-Latn');
  await pageB.getByTestId('receive-apply').click();
  await expect(pageB.getByTestId('receive-done')).toBeVisible({ timeout: 30_000 });
  await pageB.getByTestId('receipt-save').click();
  await expect(pageB.getByTestId('receipt-saved')).toBeVisible();
  const [receipt] = await packageIn(hostB.folder, 'receipt');
  expect(receipt).toBeTruthy();
  await pageB.getByTestId('receive-close').click();
  await shellB.go('cases');
  await expect(pageB.locator('.case-row')).toHaveCount(2);
  await shellB.go('exchange');
  await expect(pageB.getByTestId('exchange-log-row')).toHaveCount(2);

  // A imports the receipt: the case is marked received.
  await shellA.go('exchange');
  await expect(page.getByTestId('pending-transfer')).toHaveCount(1);
  await page.getByTestId('receipt-import').click();
  host.openQueue.push(join(hostB.folder, receipt!));
  await page.getByTestId('receipt-pick').click();
  await page.getByTestId('receipt-passphrase').fill(AGREED);
  await page.getByTestId('receipt-import-start').click();
  await expect(page.getByTestId('receipt-imported')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('receipt-close').click();
  await expect(page.getByTestId('pending-transfer')).toHaveCount(0);
  await screenshot(page, 'transfer-log-uz-Latn');

  await contextB.close();
  await rm(root, { recursive: true, force: true });
});
