import type { DexieOptions } from 'dexie';
import { beforeAll, describe, expect, it } from 'vitest';
import { DatabaseDirectory, META_DATABASE } from '../activeDatabase';
import { HamkorlikDb } from '../db';
import { memoryDexieOptions } from '../testing';
import { SCHEMA_VERSIONS } from '../versions';
import { addMonths } from '../../domain/monitoring';
import type { FamilyCase } from '../../domain/familyCase';
import { createPackageWriter, generateRecoveryKey, type PackageWriterOptions } from '../../exchange';
import { layoutOf, SOURCE } from '../../exchange/testing';
import { writeBackup, type ExchangeProgress } from './backup';
import { changeExchangePassphrase, keysOf, unlockExchange } from './exchangeKeys';
import { inspectPackage, restoreBackup } from './restore';
import { chunksOf, databaseNames, memoryFile, PASSPHRASE, seedOffice, snapshot, TEST_KDF } from './testing';

/**
 * An office with its live database behind the pointer, and a backup of it in memory. Restores go into
 * the same directory; each test that succeeds gets its own office (the pointer moves).
 */
async function office(options: { versions?: typeof SCHEMA_VERSIONS; includeDocumentBytes?: boolean } = {}) {
  const dexie: DexieOptions = memoryDexieOptions();
  const directory = new DatabaseDirectory(dexie);
  // Created at the versions asked for (an older office), then pointed at as the active one.
  const live = new HamkorlikDb('hamkorlik-data-live', dexie, options.versions);
  live.clock = () => new Date('2026-06-01T10:00:00Z');
  await live.open();
  await directory.activate(live.name);
  const { recoveryKey } = await seedOffice(live);
  const file = memoryFile();
  const keys = await unlockExchange(live, { passphrase: PASSPHRASE });
  await writeBackup(live, keys, file, { includeDocumentBytes: options.includeDocumentBytes ?? true });
  return { dexie, directory, live, bytes: file.bytes(), recoveryKey, keys, session: live.session! };
}

type Office = Awaited<ReturnType<typeof office>>;
let shared: Office;

beforeAll(async () => {
  shared = await office();
});

const open = (bytes: Uint8Array) => () => chunksOf(bytes);

/** Restores that fail must leave the pointer where it was and no staged database behind. */
async function expectUntouched(o: Office, before: Record<string, unknown[]>) {
  expect(await o.directory.activeName()).toBe(o.live.name);
  expect(await databaseNames(o.dexie)).toEqual([META_DATABASE, o.live.name].sort());
  expect(await snapshot(o.live)).toEqual(before);
}

describe('inspecting a file', () => {
  it('reads what it is from the header alone', async () => {
    const info = await inspectPackage(open(shared.bytes));
    // A backup's counts are those taken when it began (an office may go on working while it is written).
    expect(info).toMatchObject({ kind: 'backup', schemaVersion: SCHEMA_VERSIONS.length, createdAt: '2026-06-01T10:00:00.000Z', counts: expect.objectContaining({ cases: 30 }), countedAtStart: true });
    expect(info.officeName.uzLatn).toContain('oila boʻlimi');
  });
});

describe('restoring a backup', () => {
  it('round trip: a new database equal to the source table by table, the audit unchanged but for one restore entry, then made active', async () => {
    const o = await office();
    const before = await snapshot(o.live);
    const events: ExchangeProgress[] = [];
    const actor = { ...o.session, roles: ['administrator' as const] };
    const result = await restoreBackup(o.directory, open(o.bytes), { passphrase: PASSPHRASE }, { actor, fileName: 'Hamkorlik-2026-06-01.hmkx', onProgress: (p) => events.push(p) });
    expect(result.databaseName).not.toBe(o.live.name);
    expect(await o.directory.activeName()).toBe(result.databaseName);
    expect(result.counts.cases).toBe(30);

    const restored = await new DatabaseDirectory(o.dexie).openActive();
    restored.session = o.session;
    const after = await snapshot(restored);
    const { audit: auditAfter, caseStats: statsAfter, ...restAfter } = after;
    const { audit: auditBefore, caseStats: statsBefore, ...restBefore } = before;
    expect(restAfter).toEqual(restBefore);
    expect(after.documentFiles!.length).toBe(5);
    expect((after.documentFiles![0] as { bytes: unknown }).bytes).toBeInstanceOf(Uint8Array);
    expect(after.credentials).toHaveLength(1);
    expect(Object.is((after.services![0] as { result: unknown }).result, -0)).toBe(true);
    // The filter counters are rebuilt from the cases: the same, but for counters that went down to 0.
    const live = (stats: unknown[]) => stats.filter((stat) => (stat as { count: number }).count !== 0);
    expect(live(statsAfter!)).toEqual(live(statsBefore!));
    const added = auditAfter!.filter((entry) => !auditBefore!.some((old) => (old as { id: string }).id === (entry as { id: string }).id));
    expect(added).toEqual([
      expect.objectContaining({ op: 'bulk', userId: o.session.userId, bulk: { kind: 'restore', count: Object.values(result.counts).reduce((a, b) => a + b, 0), recordIds: [] }, detail: 'Hamkorlik-2026-06-01.hmkx (2026-06-01T10:00:00.000Z)' }),
    ]);
    expect(auditAfter!.length).toBe(auditBefore!.length + 1);
    // The source is kept as it was.
    expect(await snapshot(o.live)).toEqual(before);

    // Progress: the whole file is verified before anything is restored; each table's count only grows to its total.
    const verifying = events.filter((event) => event.phase === 'verifying');
    const restoring = events.filter((event) => event.phase === 'restoring');
    expect(events).toEqual([...verifying, ...restoring]);
    const last = new Map<string, number>();
    for (const event of restoring) {
      expect(event.done).toBeGreaterThanOrEqual(last.get(event.table) ?? 0);
      expect(event.total).toBe(result.counts[event.table]);
      last.set(event.table, event.done);
    }
    for (const [table, count] of Object.entries(result.counts)) if (count > 0) expect(last.get(table), table).toBe(count);
  });

  it('opens with the recovery key, and with the PC’s key holder — which keeps the current passphrase over the backup’s', async () => {
    const o = await office();
    await changeExchangePassphrase(o.live, { passphrase: PASSPHRASE }, 'the newer passphrase', TEST_KDF);
    const byRecovery = await restoreBackup(o.directory, open(o.bytes), { recoveryKey: o.recoveryKey }, {});
    const first = o.directory.reopenStaged(byRecovery.databaseName);
    first.session = o.session;
    // Restored as backed up: the passphrase of the day of the backup.
    await expect(unlockExchange(first, { passphrase: PASSPHRASE })).resolves.toBeTruthy();
    first.close();

    const holder = await unlockExchange(o.live, { passphrase: 'the newer passphrase' });
    const byHolder = await restoreBackup(o.directory, open(o.bytes), { dataKey: holder }, {});
    const second = o.directory.reopenStaged(byHolder.databaseName);
    second.session = o.session;
    expect(keysOf(await unlockExchange(second, { passphrase: 'the newer passphrase' })).dataKey).toEqual(keysOf(holder).dataKey);
    second.close();
  });

  it('restores a backup without document bytes: the register stays, the bytes are missing', async () => {
    const o = await office({ includeDocumentBytes: false });
    const { databaseName, counts } = await restoreBackup(o.directory, open(o.bytes), { passphrase: PASSPHRASE }, {});
    expect(counts).not.toHaveProperty('documentFiles');
    const restored = o.directory.reopenStaged(databaseName);
    restored.session = o.session;
    expect(await restored.documents.count()).toBe(5);
    expect(await restored.documentFiles.count()).toBe(0);
    restored.close();
  });

  it('stages an older backup at its own schema version and upgrades it there', async () => {
    const o = await office({ versions: SCHEMA_VERSIONS.slice(0, 5) });
    expect(o.live.verno).toBe(5);
    expect((await inspectPackage(open(o.bytes))).schemaVersion).toBe(5);
    const { databaseName } = await restoreBackup(o.directory, open(o.bytes), { passphrase: PASSPHRASE }, {});
    const restored = await new DatabaseDirectory(o.dexie).openActive();
    expect(restored.name).toBe(databaseName);
    expect(restored.verno).toBe(SCHEMA_VERSIONS.length);
    restored.session = o.session;
    const cases: FamilyCase[] = await restored.cases.toArray();
    expect(cases).toHaveLength(30);
    // v006's upgrade ran on the restored records.
    const active = cases.filter((kase) => kase.agreement && kase.stage !== 'closed' && !kase.deletedAt);
    expect(active.length).toBeGreaterThan(0);
    for (const kase of cases) expect(kase.monitoringDue ?? null, kase.caseNumber).toBe(active.includes(kase) ? addMonths(kase.agreement!.signedDate, 1) : null);
    expect(await restored.assessments.count()).toBe(0);
    expect((await snapshot(restored)).persons).toEqual((await snapshot(o.live)).persons);
  });
});

describe('a restore that fails leaves the current database active and untouched', () => {
  it('wrong passphrase, wrong recovery key', async () => {
    const before = await snapshot(shared.live);
    await expect(restoreBackup(shared.directory, open(shared.bytes), { passphrase: 'not the passphrase' }, {})).rejects.toMatchObject({ code: 'wrongPassphrase' });
    await expect(restoreBackup(shared.directory, open(shared.bytes), { recoveryKey: generateRecoveryKey() }, {})).rejects.toMatchObject({ code: 'wrongRecoveryKey' });
    await expect(restoreBackup(shared.directory, open(shared.bytes), { recoveryKey: '0000-0000-0000-0000-0000-0000-0000-0000' }, {})).rejects.toMatchObject({ code: 'recoveryKeyMalformed' });
    const otherOffice = await office();
    await expect(restoreBackup(shared.directory, open(shared.bytes), { dataKey: otherOffice.keys }, {})).rejects.toMatchObject({ code: 'wrongKey' });
    await expectUntouched(shared, before);
  });

  it('the safety copy step runs once the whole file has verified, before anything is staged, and its failure stops the restore', async () => {
    const before = await snapshot(shared.live);
    const calls: string[][] = [];
    const beforeWriting = async () => void calls.push(await databaseNames(shared.dexie));
    const damaged = shared.bytes.slice();
    const { blocks } = layoutOf(shared.bytes);
    damaged[blocks[2]!.start + 40] = damaged[blocks[2]!.start + 40]! ^ 0x55;
    await expect(restoreBackup(shared.directory, open(shared.bytes), { passphrase: 'not the passphrase' }, { beforeWriting })).rejects.toMatchObject({ code: 'wrongPassphrase' });
    await expect(restoreBackup(shared.directory, open(damaged), { passphrase: PASSPHRASE }, { beforeWriting })).rejects.toMatchObject({ code: 'damagedAt' });
    expect(calls).toEqual([]);
    const failing = async () => {
      await beforeWriting();
      throw new Error('the disk is full');
    };
    await expect(restoreBackup(shared.directory, open(shared.bytes), { passphrase: PASSPHRASE }, { beforeWriting: failing })).rejects.toThrow('the disk is full');
    // Called with only the live database there: nothing staged yet.
    expect(calls).toEqual([[META_DATABASE, shared.live.name].sort()]);
    await expectUntouched(shared, before);
  });

  it('a damaged header, a damaged block k, a file cut short', async () => {
    const before = await snapshot(shared.live);
    const { blocks } = layoutOf(shared.bytes);
    expect(blocks.length).toBeGreaterThan(3);
    const header = shared.bytes.slice();
    header[20] = header[20]! ^ 1;
    await expect(restoreBackup(shared.directory, open(header), { passphrase: PASSPHRASE }, {})).rejects.toMatchObject({ code: 'damaged' });
    const damaged = shared.bytes.slice();
    const k = 2;
    damaged[blocks[k]!.start + 40] = damaged[blocks[k]!.start + 40]! ^ 0x55;
    await expect(restoreBackup(shared.directory, open(damaged), { passphrase: PASSPHRASE }, {})).rejects.toMatchObject({ code: 'damagedAt', details: { blockIndex: k } });
    const cut = shared.bytes.slice(0, blocks[blocks.length - 1]!.start);
    await expect(restoreBackup(shared.directory, open(cut), { passphrase: PASSPHRASE }, {})).rejects.toMatchObject({ code: 'truncated' });
    await expectUntouched(shared, before);
  });

  it('a file that changes between the check and the write: the staged database is deleted', async () => {
    const before = await snapshot(shared.live);
    const { blocks } = layoutOf(shared.bytes);
    const damaged = shared.bytes.slice();
    damaged[blocks[3]!.start + 20] = damaged[blocks[3]!.start + 20]! ^ 1;
    let opens = 0;
    const flaky = () => chunksOf(opens++ === 0 ? shared.bytes : damaged);
    let during: Promise<string[]> | undefined;
    const failed = restoreBackup(shared.directory, flaky, { passphrase: PASSPHRASE }, {
      onProgress: (p) => {
        if (p.phase === 'restoring') during ??= databaseNames(shared.dexie);
      },
    });
    await expect(failed).rejects.toMatchObject({ code: 'damagedAt', details: { blockIndex: 3 } });
    expect(opens).toBe(2);
    expect(await during, 'the staged database existed while restoring').toHaveLength(3);
    await expectUntouched(shared, before);
  });

  it('aborted while restoring: stops, deletes the staged database', async () => {
    const before = await snapshot(shared.live);
    const controller = new AbortController();
    let restoring = 0;
    let during: Promise<string[]> | undefined;
    const aborted = restoreBackup(shared.directory, open(shared.bytes), { passphrase: PASSPHRASE }, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase !== 'restoring') return;
        during ??= databaseNames(shared.dexie);
        if (++restoring === 2) controller.abort();
      },
    });
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    expect(restoring).toBe(2);
    expect(await during).toHaveLength(3);
    await expectUntouched(shared, before);
  });

  it('not an administrator, not a package, not a backup, a newer or unknown schema, a table or record the schema does not have', async () => {
    const before = await snapshot(shared.live);
    const supervisor = { ...shared.session, roles: ['supervisor' as const] };
    await expect(restoreBackup(shared.directory, open(shared.bytes), { passphrase: PASSPHRASE }, { actor: supervisor })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(restoreBackup(shared.directory, open(new Uint8Array([1, 2, 3])), { passphrase: PASSPHRASE }, {})).rejects.toMatchObject({ code: 'notAPackage' });
    const made = async (options: Partial<PackageWriterOptions>, tables: Record<string, unknown[]> = { cases: [] }) => {
      const file = memoryFile();
      const writer = await createPackageWriter({ kind: 'backup', source: SOURCE, keys: keysOf(shared.keys), schemaVersion: SCHEMA_VERSIONS.length, ...options }, file);
      for (const [table, records] of Object.entries(tables)) await writer.writeTable(table, records);
      await writer.finish();
      return open(file.bytes());
    };
    const secret = { dataKey: shared.keys };
    await expect(restoreBackup(shared.directory, await made({ kind: 'transfer' }), secret, {})).rejects.toMatchObject({ code: 'wrongKind', details: { reason: 'transfer' } });
    await expect(restoreBackup(shared.directory, await made({ schemaVersion: SCHEMA_VERSIONS.length + 1 }), secret, {})).rejects.toMatchObject({ code: 'unsupportedVersion', details: { reason: 'schema' } });
    await expect(restoreBackup(shared.directory, await made({ schemaVersion: undefined }), secret, {})).rejects.toMatchObject({ code: 'unsupportedVersion', details: { reason: 'schema' } });
    await expect(restoreBackup(shared.directory, await made({}, { cases: [{ id: 'c1' }], notes: [{ id: 'n1' }] }), secret, {})).rejects.toMatchObject({ code: 'damagedAt', details: { blockIndex: 1, reason: 'table' } });
    await expect(restoreBackup(shared.directory, await made({}, { cases: [{ id: 'c1' }, { caseNumber: 'no id' }] }), secret, {})).rejects.toMatchObject({ code: 'damagedAt', details: { blockIndex: 0, reason: 'record' } });
    await expect(restoreBackup(shared.directory, await made({ schemaVersion: 5 }, { assessments: [{ id: 'a1' }] }), secret, {})).rejects.toMatchObject({ code: 'damagedAt', details: { reason: 'table' } });
    // A field this version's records do not have (a newer version's, another program's): named, never written and kept unseen.
    const income = { cases: [{ id: 'c1', caseNumber: '1' }], persons: [{ id: 'p1' }, { id: 'p2', surname: {}, income: 1200 }] };
    await expect(restoreBackup(shared.directory, await made({}, income), secret, {})).rejects.toMatchObject({ code: 'damagedAt', details: { blockIndex: 1, reason: 'field', field: 'persons.income' } });
    // The same primary key twice: written once, one record would be lost unseen. Refused, nothing kept.
    await expect(restoreBackup(shared.directory, await made({}, { cases: [{ id: 'c1', caseNumber: '1' }, { id: 'c1', caseNumber: '2' }] }), secret, {})).rejects.toMatchObject({ code: 'damaged', details: { reason: 'duplicateKey' } });
    // A field a later version removed is still known in a backup of the version before.
    await expect(restoreBackup(shared.directory, await made({}, { users: [{ id: 'u1', specialistId: null }] }), secret, {})).rejects.toMatchObject({ code: 'damagedAt', details: { reason: 'field', field: 'users.specialistId' } });
    await expectUntouched(shared, before);
  });

  it("a backup of the version before, its users carrying the field v003 gave them, restores; the upgrade removes the field", async () => {
    const file = memoryFile();
    const writer = await createPackageWriter({ kind: 'backup', source: SOURCE, keys: keysOf(shared.keys), schemaVersion: 7 }, file);
    const user = { id: 'u-old', installationId: 'i0', createdAt: 'x', createdBy: 'u-old', updatedAt: 'x', updatedBy: 'u-old', rev: 1, deletedAt: null, username: 'old', fullName: { latn: 'Aliyev Bobur', cyrl: 'Алиев Бобур', typed: 'latn' }, position: '', phone: null, roles: ['administrator'], mahallaIds: [], active: true };
    await writer.writeTable('users', [{ ...user, specialistId: null }]);
    await writer.finish();
    const result = await restoreBackup(shared.directory, open(file.bytes()), { dataKey: shared.keys }, {});
    expect(result.counts).toEqual({ users: 1 });
    const restored = await new DatabaseDirectory(shared.dexie).openActive();
    restored.session = shared.session;
    expect(restored.verno).toBe(SCHEMA_VERSIONS.length);
    expect(await restored.users.toArray()).toEqual([user]);
    restored.close();
    await shared.directory.activate(shared.live.name);
  });
});
