import { describe, expect, it } from 'vitest';
import { HamkorlikDb } from '../db';
import { fullAccessSession } from '../repositories/accounts';
import { grant } from '../grants';
import { memoryDexieOptions } from '../testing';
import { loadRecordSet } from '../bulkLoad';
import { RETIRED_FIELDS, unknownField } from '../recordFields';
import { GENERATOR_TODAY } from '../../devtools/generator';
import { demoOffice } from '../../devtools/demoOffice';
import { SCHEMA_VERSIONS } from '.';

/** Every `table.field` of `db` that the current record types do not have. */
async function unknownFields(db: HamkorlikDb): Promise<string[]> {
  const found = new Set<string>();
  await db.transaction('r', db.tables, async (tx) => {
    grant(tx, { credentials: true });
    for (const table of db.tables) {
      await table.each((record: object) => {
        const field = unknownField(table.name, record);
        if (field !== undefined) found.add(`${table.name}.${field}`);
      });
    }
  });
  return [...found].sort();
}

const meta = { installationId: 'i1', createdAt: 'x', createdBy: 'a1', updatedAt: 'x', updatedBy: 'a1', rev: 1, deletedAt: null };

describe('v008: fields no record type has are removed', () => {
  it('users upgraded from before accounts lose the specialistId v003 gave them; the rest of each user stays as it was', async () => {
    const options = memoryDexieOptions();
    const old = new HamkorlikDb('upgrade', options, SCHEMA_VERSIONS.slice(0, 2));
    old.session = { userId: 'a1', installationId: 'i1', roles: ['administrator'], mahallaIds: [] };
    await old.users.bulkPut([
      { id: 'a1', ...meta, fullName: { latn: 'Karimova Dilnoza', cyrl: 'Каримова Дилноза', typed: 'latn' }, position: 'Boshliq', roles: ['administrator'], active: true },
      { id: 'm1', ...meta, fullName: { latn: 'Aliyev Bobur', cyrl: 'Алиев Бобур', typed: 'latn' }, position: 'Keys-menejer', roles: ['caseManager'], active: true },
    ] as never);
    old.close();

    const v7 = new HamkorlikDb('upgrade', options, SCHEMA_VERSIONS.slice(0, 7));
    await v7.open();
    v7.session = fullAccessSession('a1', 'i1');
    const before = await v7.users.toArray();
    expect(before.map((user) => (user as unknown as Record<string, unknown>).specialistId)).toEqual([null, null]);
    expect(await unknownFields(v7)).toEqual(['users.specialistId']);
    v7.close();

    const db = new HamkorlikDb('upgrade', options);
    await db.open();
    db.session = fullAccessSession('a1', 'i1');
    expect(db.verno).toBe(8);
    const after = await db.users.toArray();
    expect(after).toEqual(before.map(({ ...user }) => {
      delete (user as unknown as Record<string, unknown>).specialistId;
      return user;
    }));
    expect(await unknownFields(db)).toEqual([]);
    db.close();
  });

  it('an office generated at v005 and upgraded through every later version holds only fields its record types have', async () => {
    const options = memoryDexieOptions();
    const { set, userId, installationId } = demoOffice({ families: 40, seed: 8 });
    const old = new HamkorlikDb('generated', options, SCHEMA_VERSIONS.slice(0, 5));
    old.session = fullAccessSession(userId, installationId);
    await loadRecordSet(old, set, GENERATOR_TODAY);
    old.close();

    const db = new HamkorlikDb('generated', options);
    await db.open();
    db.session = fullAccessSession(userId, installationId);
    expect(await db.cases.count()).toBe(40);
    expect(await unknownFields(db)).toEqual([]);
    db.close();
  });

  it('a retired field is accepted only in data older than the version that removes it', () => {
    for (const { table, field, removedIn } of RETIRED_FIELDS) {
      expect(unknownField(table, { [field]: null }, removedIn - 1)).toBeUndefined();
      expect(unknownField(table, { [field]: null }, removedIn)).toBe(field);
      expect(unknownField(table, { [field]: null })).toBe(field);
    }
  });

  it('a write of a field no record type has is refused, so no later backup of the office is refused by a restore', async () => {
    const db = new HamkorlikDb('writes', memoryDexieOptions());
    db.session = fullAccessSession('a1', 'i1');
    await db.open();
    await expect(db.settings.put({ key: 'x', value: 1, note: 'typed by hand' } as never)).rejects.toThrow(/settings\.note/);
    await expect(db.users.put({ id: 'u', ...meta, specialistId: null } as never)).rejects.toThrow(/users\.specialistId/);
    expect(await db.settings.get('x')).toBeUndefined();
    db.close();
  });
});
