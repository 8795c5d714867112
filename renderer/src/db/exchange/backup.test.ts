import { beforeAll, describe, expect, it } from 'vitest';
import { HamkorlikDb } from '../db';
import { memoryDexieOptions } from '../testing';
import { openPackage } from '../../exchange';
import { BACKUP_TABLES, recordBackupMade, writeBackup, type ExchangeProgress } from './backup';
import { exchangeStatus, unlockExchange, type OfficeKeys } from './exchangeKeys';
import { chunksOf, memoryFile, PASSPHRASE, seedOffice } from './testing';

let db: HamkorlikDb;
let keys: OfficeKeys;
let session: NonNullable<HamkorlikDb['session']>;

beforeAll(async () => {
  db = new HamkorlikDb('backup', memoryDexieOptions());
  db.clock = () => new Date('2026-06-01T10:00:00Z');
  await db.open();
  await seedOffice(db);
  session = db.session!;
  keys = await unlockExchange(db, { passphrase: PASSPHRASE });
});

describe('what a backup covers', () => {
  it('names every table of the current schema: a new table fails here until it is included or its exclusion explained', () => {
    const schema = new HamkorlikDb('coverage', memoryDexieOptions());
    expect(Object.keys(BACKUP_TABLES).sort()).toEqual(schema.tables.map((table) => table.name).sort());
    for (const table of schema.tables) expect(table.schema.primKey.keyPath, `${table.name} needs inbound keys to be paged and restored`).toBeTruthy();
    for (const [table, rule] of Object.entries(BACKUP_TABLES)) if (typeof rule === 'object') expect(rule.excluded.length, table).toBeGreaterThan(10);
    expect(BACKUP_TABLES.credentials).toBe('included');
    expect(BACKUP_TABLES.audit).toBe('included');
    expect(BACKUP_TABLES.documentFiles).toBe('optional');
  });
});

describe('writing a backup', () => {
  it('streams every included table in pages, with totals, the schema version in the header, and flat progress per table', async () => {
    const file = memoryFile();
    const events: ExchangeProgress[] = [];
    const { counts } = await writeBackup(db, keys, file, { includeDocumentBytes: true, onProgress: (p) => events.push(p), verify: () => chunksOf(file.bytes()), pageSize: 40 });
    const expected = Object.fromEntries(
      await Promise.all(db.tables.filter((table) => BACKUP_TABLES[table.name] !== undefined && typeof BACKUP_TABLES[table.name] !== 'object').map(async (table) => [table.name, table.name === 'credentials' ? 1 : await table.count()] as const)),
    );
    expect(counts).toEqual(expected);
    expect(counts.cases).toBe(30);
    expect(counts.persons).toBeGreaterThan(100); // several pages
    expect(counts).not.toHaveProperty('caseStats');

    const opened = await openPackage(chunksOf(file.bytes()));
    expect(opened.header).toMatchObject({ kind: 'backup', schemaVersion: db.verno, createdAt: '2026-06-01T10:00:00.000Z', source: { installationId: session.installationId } });
    // What it holds, readable before the passphrase; nothing changed while it was written, so exactly its totals.
    expect(opened.header.countsAtStart).toEqual(counts);
    await opened.close();

    const writing = events.filter((event) => event.phase === 'writing');
    const verifying = events.filter((event) => event.phase === 'verifying');
    expect(events.indexOf(verifying[0]!)).toBeGreaterThan(events.indexOf(writing[writing.length - 1]!));
    for (const phase of [writing, verifying]) {
      const last = new Map<string, number>();
      for (const event of phase) {
        expect(event.done, `${event.phase} ${event.table}`).toBeGreaterThanOrEqual(last.get(event.table) ?? 0);
        expect(event.done).toBeLessThanOrEqual(event.total);
        last.set(event.table, event.done);
      }
      for (const [table, done] of last) expect(done, `${table} reaches its total`).toBe(counts[table]);
    }
    expect(writing.filter((event) => event.table === 'persons').length).toBeGreaterThan(2);
  });

  it('a record added while the backup is written goes into the file; the counts taken at its start are a few short and the file still verifies', async () => {
    const file = memoryFile();
    const source = (await db.persons.toCollection().first())!;
    let added = false;
    const { counts } = await writeBackup(db, keys, file, {
      includeDocumentBytes: false,
      pageSize: 40,
      verify: () => chunksOf(file.bytes()),
      onProgress: (p) => {
        if (added || p.phase !== 'writing' || p.table !== 'persons' || p.done === 0) return;
        added = true;
        // After the first page: a key above every generated id, so a later page reads it.
        void db.persons.put({ ...source, id: '~added-while-writing' });
      },
    });
    const opened = await openPackage(chunksOf(file.bytes()));
    await opened.close();
    expect(counts.persons).toBe(opened.header.countsAtStart!.persons! + 1);
    await db.persons.delete('~added-while-writing');
  });

  it('leaves the document bytes out when asked, keeping the register', async () => {
    const file = memoryFile();
    const { counts } = await writeBackup(db, keys, file, { includeDocumentBytes: false });
    expect(counts).not.toHaveProperty('documentFiles');
    expect(counts.documents).toBe(5);
  });

  it('stops between pages when aborted, leaving an incomplete file', async () => {
    const file = memoryFile();
    const controller = new AbortController();
    const written = writeBackup(db, keys, file, { includeDocumentBytes: true, signal: controller.signal, pageSize: 40, onProgress: (p) => p.table === 'persons' && p.done > 0 && controller.abort() });
    await expect(written).rejects.toMatchObject({ name: 'AbortError' });
    const opened = await openPackage(chunksOf(file.bytes()));
    const unlocked = await opened.unlock({ passphrase: PASSPHRASE });
    const read = async () => {
      for await (const block of unlocked.tables()) void block;
    };
    await expect(read()).rejects.toMatchObject({ code: 'truncated' });
  });

  it('is for administrators and supervisors, who also note when it was made; not for case managers', async () => {
    try {
      db.session = { ...session, roles: ['supervisor'] };
      await writeBackup(db, keys, memoryFile(), { includeDocumentBytes: false });
      await recordBackupMade(db, 'Hamkorlik-2026-06-01.hmkx');
      expect(await exchangeStatus(db)).toMatchObject({ lastBackupAt: '2026-06-01T10:00:00.000Z', lastBackupFile: 'Hamkorlik-2026-06-01.hmkx' });
      db.session = { ...session, roles: ['caseManager'] };
      await expect(writeBackup(db, keys, memoryFile(), { includeDocumentBytes: false })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(recordBackupMade(db, 'x.hmkx')).rejects.toMatchObject({ code: 'forbidden' });
    } finally {
      db.session = session;
    }
  });
});
