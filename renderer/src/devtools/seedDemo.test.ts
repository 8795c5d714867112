import { describe, expect, it } from 'vitest';
import { HamkorlikDb } from '../db/db';
import { login } from '../db/repositories/accounts';
import { queryCases } from '../db/repositories/caseQueries';
import { memoryDexieOptions } from '../db/testing';
import { DEMO_LOGIN, seedDemo } from './seedDemo';

describe('demo seeding (npm run seed)', () => {
  it('fills an empty database, ends logged out, and the README’s demo login opens it', async () => {
    const db = new HamkorlikDb('demo', memoryDexieOptions());
    db.installationId = 'demo-pc';
    await db.open();
    await seedDemo(db, 40);
    expect(db.session).toBeNull();
    await expect(login(db, DEMO_LOGIN.username, DEMO_LOGIN.password)).resolves.toMatchObject({ mustChange: false, user: { username: 'admin' } });
    expect((await queryCases(db, {}, { field: 'updatedAt', direction: 'desc' }, 0, 100)).total).toBe(40);
  });
});
