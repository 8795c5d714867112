import { beforeAll, describe, expect, it } from 'vitest';
import { KDF_MIN, createPackageWriter, type PackageWriterOptions } from '../../exchange';
import { writeBackup } from './backup';
import { setUpExchange, unlockExchange } from './exchangeKeys';
import { importReceipt } from './receipt';
import { previewTransfer } from './receive';
import { chunksOf, memoryFile, snapshot, transferOffice } from './testing';
import { collectTransfer, officeSource, writeTransfer } from './transfer';
import { MAX_TRANSFER_RECORDS } from './transferTables';
import { SCHEMA_VERSIONS } from '../versions';

const CURRENT = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
const KEYS = { passphrase: 'Buxoro–Gʻijduvon 2026', kdf: KDF_MIN };
const SECRET = { passphrase: KEYS.passphrase };
const open = (bytes: Uint8Array) => () => chunksOf(bytes);

let a: Awaited<ReturnType<typeof transferOffice>>;
let b: Awaited<ReturnType<typeof transferOffice>>;
let good: Uint8Array;
let caseId: string;

beforeAll(async () => {
  a = await transferOffice('A', 11);
  b = await transferOffice('B', 12);
  caseId = (await a.db.cases.toCollection().first())!.id;
  const file = memoryFile();
  await writeTransfer(a.db, KEYS, file, { caseIds: [caseId], mode: 'copy' });
  good = file.bytes();
});

/** A transfer written by hand from A's records for `caseId`, with `edit` changing its body; `counts` as written unless given. */
async function crafted(edit: (tables: [string, unknown[]][]) => [string, unknown[]][], header: Partial<PackageWriterOptions> = {}): Promise<Uint8Array> {
  const contents = await collectTransfer(a.db, [caseId], 'copy');
  const manifest = { transferId: 't-1', mode: 'copy', caseIds: [caseId], sentAt: '2026-11-24T10:00:00.000Z', includesDocumentBytes: false };
  const body = edit([['transfer', [manifest]], ...Object.entries(contents.tables), ...Object.entries(contents.refs).map(([table, records]) => [`ref_${table}`, records] as [string, unknown[]])]);
  const file = memoryFile();
  const counts = Object.fromEntries(body.map(([table, records]) => [table, records.length]));
  const writer = await createPackageWriter({ kind: 'transfer', source: await officeSource(a.db), keys: { ...KEYS, recoveryKey: null }, counts, transfer: { id: 't-1', mode: 'copy' }, ...header }, file);
  for (const [table, records] of body) await writer.writeTable(table, records);
  await writer.finish().catch(() => undefined); // counts that disagree on purpose leave the file without its end
  return file.bytes();
}

/** Every refusal: the code, and B's database exactly as it was. */
async function expectRefused(bytes: Uint8Array, expected: Record<string, unknown>, secret: Parameters<typeof previewTransfer>[2] = SECRET) {
  const before = await snapshot(b.db);
  await expect(previewTransfer(b.db, open(bytes), secret)).rejects.toMatchObject(expected);
  expect(await snapshot(b.db)).toEqual(before);
}

describe('a transfer file that must be refused, with nothing written', () => {
  it('reads a good file (the control)', async () => {
    const preview = await previewTransfer(b.db, open(good), SECRET);
    expect(preview.cases.map((kase) => kase.id)).toEqual([caseId]);
    // The sender's schema travels with the records.
    expect(preview.package.header.schemaVersion).toBe(CURRENT);
  });

  it("made at a newer schema version: refused from the header, before the passphrase is tried", async () => {
    const newer = await crafted((body) => body, { schemaVersion: CURRENT + 1 });
    await expectRefused(newer, { code: 'unsupportedVersion', details: { reason: 'schema', version: CURRENT + 1 } }, { passphrase: 'anything' });
  });

  it("made at an older schema version: a field that version had and a later one retired is removed as it is read; at the current version it is refused", async () => {
    // users.specialistId: written by v003's upgrade, removed by v008's.
    const withRetired = (body: [string, unknown[]][]) => body.map(([table, records]) => [table, table === 'ref_users' ? records.map((r) => ({ ...(r as object), specialistId: null })) : records] as [string, unknown[]]);
    const preview = await previewTransfer(b.db, open(await crafted(withRetired, { schemaVersion: 7 })), SECRET);
    expect(preview.package.refs.users.length).toBeGreaterThan(0);
    for (const user of preview.package.refs.users) expect(Object.keys(user)).not.toContain('specialistId');
    await expectRefused(await crafted(withRetired, { schemaVersion: CURRENT }), { code: 'damagedAt', details: { reason: 'field', field: 'users.specialistId' } });
    // A file that does not name its schema (written before transfers did) is read as the current one.
    await expectRefused(await crafted(withRetired), { code: 'damagedAt', details: { reason: 'field', field: 'users.specialistId' } });
  });

  it('not our file, truncated, bit-flipped, wrong passphrase', async () => {
    await expectRefused(new TextEncoder().encode('PK\u0003\u0004 a spreadsheet'), { code: 'notAPackage' });
    await expectRefused(good.subarray(0, good.length - 20), { code: 'truncated' });
    await expectRefused(good.subarray(0, 100), { code: 'truncated' });
    const flipped = good.slice();
    flipped[flipped.length - 40]! ^= 0x04;
    await expectRefused(flipped, { code: 'damagedAt' });
    const header = good.slice();
    header[30]! ^= 0x01;
    await expectRefused(header, { code: 'damaged', details: { reason: 'checksum' } });
    await expectRefused(good, { code: 'wrongPassphrase' }, { passphrase: 'not the passphrase at all' });
  });

  it('made by a newer format version (its checksum intact)', async () => {
    const newer = good.slice();
    const view = new DataView(newer.buffer);
    view.setUint16(8, 2, true);
    const headerEnd = 14 + view.getUint32(10, true);
    newer.set(new Uint8Array(await crypto.subtle.digest('SHA-256', newer.subarray(0, headerEnd))), headerEnd);
    await expectRefused(newer, { code: 'unsupportedVersion', details: { version: 2 } });
  });

  it('another kind of file: a backup, a receipt', async () => {
    const { recoveryKey } = await setUpExchange(b.db, 'B office passphrase 2026', { kdf: KDF_MIN });
    expect(recoveryKey).toBeTruthy();
    const keys = await unlockExchange(b.db, { passphrase: 'B office passphrase 2026' });
    const backup = memoryFile();
    await writeBackup(b.db, keys, backup, { includeDocumentBytes: false });
    await expectRefused(backup.bytes(), { code: 'wrongKind', details: { reason: 'backup' } });
    // A raw office key that is not the file's: another office's file.
    await expectRefused(good, { code: 'wrongKey' }, { dataKey: keys });
    const before = await snapshot(a.db);
    await expect(importReceipt(a.db, open(good), SECRET)).rejects.toMatchObject({ code: 'wrongKind', details: { reason: 'transfer' } });
    expect(await snapshot(a.db)).toEqual(before);
  });

  it('unknown tables, fields or codes, records failing their schema, ids twice or clashing with another record here, a wrong manifest', async () => {
    await expectRefused(await crafted((body) => [...body, ['secrets', [{ id: 'x' }]]]), { code: 'damagedAt', details: { reason: 'table' } });
    const badRevision = (body: [string, unknown[]][]) => body.map(([table, records]) => [table, table === 'cases' ? records.map((r) => ({ ...(r as object), rev: 'one' })) : records] as [string, unknown[]]);
    await expectRefused(await crafted(badRevision), { code: 'damagedAt', details: { reason: 'record' } });
    // A field this version's records do not have, in a case record or in a reference entry: named.
    const withField = (target: string) => (body: [string, unknown[]][]) => body.map(([table, records]) => [table, table === target ? records.map((r, i) => (i === 0 ? { ...(r as object), income: 1200 } : r)) : records] as [string, unknown[]]);
    await expectRefused(await crafted(withField('persons')), { code: 'damagedAt', details: { reason: 'field', field: 'persons.income' } });
    await expectRefused(await crafted(withField('ref_users')), { code: 'damagedAt', details: { reason: 'field', field: 'users.income' } });
    // A code this version does not know (a stage, a kind a newer version added without a schema change): named, with the value.
    const recoded = (target: string, change: (record: Record<string, unknown>) => object) => (body: [string, unknown[]][]) =>
      body.map(([table, records]) => [table, table === target ? records.map((r, i) => (i === 0 ? change(r as Record<string, unknown>) : r)) : records] as [string, unknown[]]);
    await expectRefused(await crafted(recoded('cases', (kase) => ({ ...kase, stage: 'aftercare' }))), { code: 'damagedAt', details: { reason: 'value', field: 'cases.stage', unknownValue: 'aftercare' } });
    await expectRefused(await crafted(recoded('persons', (person) => ({ ...person, birthDate: '31.12.2015' }))), { code: 'damagedAt', details: { reason: 'value', field: 'persons.birthDate', unknownValue: '31.12.2015' } });
    await expectRefused(await crafted(recoded('caseHistory', (entry) => ({ ...entry, kind: 'courtHearing' }))), { code: 'damagedAt', details: { reason: 'value', field: 'caseHistory.kind' } });
    const twice = (body: [string, unknown[]][]) => body.map(([table, records]) => [table, table === 'persons' ? [...records, records[0]] : records] as [string, unknown[]]);
    await expectRefused(await crafted(twice), { code: 'damaged', details: { reason: 'duplicateId' } });
    // A case of A's under the id of one of B's own cases: the same id cannot be two records.
    const bCase = (await b.db.cases.toCollection().first())!;
    const clash = (body: [string, unknown[]][]) =>
      body.map(([table, records]) => {
        if (table === 'transfer') return [table, [{ ...(records[0] as object), caseIds: [bCase.id] }]] as [string, unknown[]];
        if (table === 'cases') return [table, [{ ...(records[0] as object), id: bCase.id }]] as [string, unknown[]];
        if (table === 'memberships' || table === 'persons') return [table, []] as [string, unknown[]];
        return [table, records.map((r) => ((r as { caseId?: string }).caseId ? { ...(r as object), caseId: bCase.id } : r))] as [string, unknown[]];
      });
    await expectRefused(await crafted(clash), { code: 'damaged', details: { reason: 'idClash' } });
    const otherCase = (body: [string, unknown[]][]) => body.map(([table, records]) => [table, table === 'caseHistory' ? records.map((r) => ({ ...(r as object), caseId: 'elsewhere' })) : records] as [string, unknown[]]);
    await expectRefused(await crafted(otherCase), { code: 'damaged', details: { reason: 'otherCase' } });
    const noManifest = (body: [string, unknown[]][]) => body.filter(([table]) => table !== 'transfer');
    await expectRefused(await crafted(noManifest), { code: 'damaged', details: { reason: 'manifest' } });
  });

  it('absurd counts are refused from the header, before the passphrase is tried', async () => {
    const absurd = await crafted((body) => body, { counts: { cases: MAX_TRANSFER_RECORDS + 1 } });
    await expectRefused(absurd, { code: 'damaged', details: { reason: 'tooManyRecords' } }, { passphrase: 'anything' });
  });
});
