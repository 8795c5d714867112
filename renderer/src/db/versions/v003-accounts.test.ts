import { describe, expect, it } from 'vitest';
import { HamkorlikDb } from '../db';
import { login, needsFirstPassword, setFirstPassword } from '../repositories/accounts';
import { memoryDexieOptions } from '../testing';
import { SCHEMA_VERSIONS } from '.';

describe('v003: accounts', () => {
  it('upgrades v002 users to accounts: usernames, no phone or mahallas, the administrator also supervises; nobody has a password yet', async () => {
    const options = memoryDexieOptions();
    const old = new HamkorlikDb('upgrade', options, SCHEMA_VERSIONS.slice(0, 2));
    old.session = { userId: 'a1', installationId: 'i1', roles: ['administrator'], mahallaIds: [] };
    const meta = { installationId: 'i1', createdAt: 'x', createdBy: 'a1', updatedAt: 'x', updatedBy: 'a1', rev: 1, deletedAt: null };
    await old.users.bulkPut([
      { id: 'a1', ...meta, fullName: { latn: 'Karimova Dilnoza', cyrl: 'Каримова Дилноза', typed: 'latn' }, position: 'Boshliq', roles: ['administrator'], active: true },
      { id: 'm1', ...meta, fullName: { latn: 'Aliyev Bobur', cyrl: 'Алиев Бобур', typed: 'latn' }, position: 'Keys-menejer', roles: ['caseManager'], active: true },
      { id: 'm2', ...meta, fullName: { latn: 'Olimova Zarina', cyrl: 'Олимова Зарина', typed: 'latn' }, position: 'Keys-menejer', roles: ['caseManager'], active: true },
    ] as never);
    await old.settings.bulkPut([
      { key: 'setupCompletedAt', value: '2026-01-01T00:00:00.000Z' },
      { key: 'currentUserId', value: 'a1' },
    ]);
    old.close();

    const db = new HamkorlikDb('upgrade', options, SCHEMA_VERSIONS.slice(0, 3));
    db.installationId = 'i1';
    await db.open();
    expect(db.verno).toBe(3);
    const users = await db.users.orderBy('username').toArray();
    expect(users.map((u) => [u.id, u.username, u.roles, u.phone, u.mahallaIds])).toEqual([
      ['a1', 'admin', ['administrator', 'supervisor'], null, []],
      ['m1', 'user', ['caseManager'], null, []],
      ['m2', 'user2', ['caseManager'], null, []],
    ]);
    expect(await db.settings.get('currentUserId')).toBeUndefined();
    expect((await db.settings.get('setupCompletedAt'))?.value).toBe('2026-01-01T00:00:00.000Z');

    // Nobody has a password: the administrator sets the first one, then logs in with it.
    expect(await needsFirstPassword(db)).toBe(true);
    await expect(setFirstPassword(db, 'user', 'pass-word-1', 'pass-word-1')).rejects.toMatchObject({ code: 'badCredentials' });
    await setFirstPassword(db, 'admin', 'pass-word-1', 'pass-word-1');
    expect(db.session).toMatchObject({ userId: 'a1', roles: ['administrator', 'supervisor'] });
    expect(await needsFirstPassword(db)).toBe(false);
    await expect(setFirstPassword(db, 'admin', 'other-pass-2', 'other-pass-2')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(login(db, 'admin', 'pass-word-1')).resolves.toMatchObject({ user: { id: 'a1' } });
  });
});
