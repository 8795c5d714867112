import type { HamkorlikDb } from '../db/db';
import { loadRecordSet } from '../db/bulkLoad';
import { demoOffice } from './demoOffice';
import { GENERATOR_TODAY } from './generator';

/**
 * Fills an empty database with a generated office for demos (`npm run seed -- --families N`,
 * development server only): the office, its mahallas and users, and N families with their history.
 * Returns the user to work as.
 */
export async function seedDemo(db: HamkorlikDb, families: number): Promise<string> {
  const { set, userId, installationId } = demoOffice({ families, seed: 7 });
  db.session = { userId, installationId };
  await loadRecordSet(db, set, GENERATOR_TODAY, { kind: 'demo' });
  await db.settings.bulkPut([
    { key: 'setupCompletedAt', value: new Date().toISOString() },
    { key: 'currentUserId', value: userId },
  ]);
  return userId;
}
