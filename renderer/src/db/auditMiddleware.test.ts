import { describe, expect, it } from 'vitest';
import type { Table } from 'dexie';
import { HamkorlikDb } from './db';
import { grant, type Grant } from './grants';
import { memoryDexieOptions } from './testing';

async function openDb() {
  const db = new HamkorlikDb('audit', memoryDexieOptions());
  // The audit is tested on records of any shape: the check of each table's fields (fieldsMiddleware.ts) is another layer's.
  db.unuse({ stack: 'dbcore', name: 'recordFields' });
  db.clock = () => new Date('2026-11-23T08:00:00Z');
  await db.open();
  db.session = { userId: 'user-1', installationId: 'inst-1', roles: ['administrator', 'supervisor'], mahallaIds: [] };
  return db;
}

/** Runs `work` in a transaction on `table` granted what the repositories grant (grants.ts). */
function granted<T>(db: HamkorlikDb, table: Table, value: Grant, work: () => Promise<T>): Promise<T> {
  return db.transaction('rw', table, (tx) => {
    grant(tx, value);
    return work();
  });
}

describe('audit trail below the repositories', () => {
  it('every table: create, update and delete each leave an entry with field changes', async () => {
    const db = await openDb();
    const tables = db.tables.filter((table) => !['audit', 'caseStats', 'exchangeBases'].includes(table.name));
    expect(tables.map((t) => t.name).sort()).toEqual([
      'agencies', 'assessments', 'caseHistory', 'cases', 'conferences', 'credentials', 'documentFiles', 'documentTexts', 'documents', 'exchangeLog', 'mahallas', 'memberships', 'monitorings',
      'officeProfile', 'persons', 'placements', 'planRevisions', 'plans', 'services', 'settings', 'specialists', 'teams', 'users', 'workingGroup',
    ]);
    for (const table of tables) {
      const keyPath = table.schema.primKey.keyPath as string;
      const key = `${table.name}-1`;
      // The credentials table opens only to transactions granted it.
      const write = (work: () => Promise<unknown>) => (table.name === 'credentials' ? granted(db, table, { credentials: true }, work) : work());
      await write(() => table.add({ [keyPath]: key, note: 'first', rev: 1 }));
      await write(() => table.put({ [keyPath]: key, note: 'second', rev: 2 }));
      await write(() => table.update(key, { note: 'third', extra: 42 }));
      await write(() => table.delete(key));
      const entries = await db.audit.where('[table+recordId]').equals([table.name, key]).toArray();
      entries.sort((a, b) => (a.id < b.id ? -1 : 1));
      const byOp = Object.fromEntries(['create', 'update', 'delete'].map((op) => [op, entries.filter((e) => e.op === op)]));
      expect(byOp.create, table.name).toHaveLength(1);
      expect(byOp.update, table.name).toHaveLength(2);
      expect(byOp.delete, table.name).toHaveLength(1);
      expect(byOp.create![0]!.changes).toContainEqual({ field: 'note', from: null, to: 'first' });
      expect(byOp.update!.flatMap((e) => e.changes)).toEqual(
        expect.arrayContaining([
          { field: 'note', from: 'first', to: 'second' },
          { field: 'note', from: 'second', to: 'third' },
          { field: 'extra', from: null, to: 42 },
        ]),
      );
      expect(byOp.delete![0]!.changes).toContainEqual({ field: 'note', from: 'third', to: null });
      for (const entry of entries) expect(entry).toMatchObject({ userId: 'user-1', installationId: 'inst-1', at: '2026-11-23T08:00:00.000Z' });
    }
  });

  it('only grows: entries are changed or deleted by an administrator’s purge alone', async () => {
    const db = await openDb();
    await db.settings.put({ key: 'k', value: 1 });
    const [entry] = await db.audit.toArray();
    db.session = { userId: 'cm', installationId: 'inst-1', roles: ['caseManager', 'supervisor'], mahallaIds: [] };
    await expect(db.audit.update(entry!.id, { userId: 'someone-else' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(db.audit.delete(entry!.id)).rejects.toMatchObject({ code: 'forbidden' });
    await db.logEvent('view', { table: 'cases', recordId: 'c1' });
    await new Promise((resolve) => setTimeout(resolve, 10)); // refusals are written a moment later
    db.session = { userId: 'user-1', installationId: 'inst-1', roles: ['administrator'], mahallaIds: [] };
    expect((await db.audit.get(entry!.id))?.userId).toBe('user-1');
    expect((await db.audit.toArray()).map((e) => e.op).sort()).toEqual(['create', 'refused', 'refused', 'view']);
  });

  it('records that a password hash changed, never the hash', async () => {
    const db = await openDb();
    await granted(db, db.credentials, { credentials: true }, () => db.credentials.put({ id: 'user-1', hash: '$argon2id$secret-one', changedAt: 'a', mustChange: true, failedAttempts: 0, lastFailedAt: null }));
    await granted(db, db.credentials, { credentials: true }, () => db.credentials.put({ id: 'user-1', hash: '$argon2id$secret-two', changedAt: 'b', mustChange: false, failedAttempts: 0, lastFailedAt: null }));
    // Outside a granted transaction the table stays shut, even to an administrator.
    await expect(db.credentials.toArray()).rejects.toMatchObject({ code: 'forbidden' });
    const entries = await db.audit.where('[table+recordId]').equals(['credentials', 'user-1']).toArray();
    expect(entries.map((entry) => entry.op).sort()).toEqual(['create', 'update']);
    expect(entries.flatMap((entry) => entry.changes)).toContainEqual({ field: 'hash', from: null, to: null });
    expect(JSON.stringify(entries)).not.toContain('secret');
  });

  it('leaves derived and bookkeeping fields out, and skips rewrites that change nothing', async () => {
    const db = await openDb();
    await db.settings.put({ key: 'k', value: 1, updatedAt: 'a', rev: 1, searchKeys: ['x'] } as never);
    await db.settings.put({ key: 'k', value: 1, updatedAt: 'b', rev: 2, searchKeys: ['y'] } as never);
    const entries = await db.audit.where('[table+recordId]').equals(['settings', 'k']).toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.changes).toEqual([
      { field: 'key', from: null, to: 'k' },
      { field: 'value', from: null, to: 1 },
    ]);
  });

  it('refuses a write without a session, and writes nothing', async () => {
    const db = await openDb();
    db.session = null;
    // The access middleware stops it first (nobody logged in may write); the audit would too.
    await expect(db.settings.put({ key: 'k', value: 1 })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await db.settings.count()).toBe(0);
    db.session = { userId: 'user-1', installationId: 'inst-1', roles: ['administrator'], mahallaIds: [] };
    expect(await db.audit.count()).toBe(0);
  });

  it('a failed transaction leaves neither the write nor its audit entry', async () => {
    const db = await openDb();
    await expect(
      db.transaction('rw', db.settings, async () => {
        await db.settings.put({ key: 'k', value: 1 });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await db.settings.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it('bulk writes (imports, restores) leave one entry per batch listing the records', async () => {
    const db = await openDb();
    await granted(db, db.mahallas, { bulk: { kind: 'import' } }, () => db.mahallas.bulkPut([{ id: 'a' }, { id: 'b' }, { id: 'c' }] as never[]));
    const entries = await db.audit.toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ table: 'mahallas', op: 'bulk', bulk: { kind: 'import', count: 3, recordIds: ['a', 'b', 'c'] } });
  });
});
