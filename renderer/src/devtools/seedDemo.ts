import type { HamkorlikDb } from '../db/db';
import { loadRecordSet } from '../db/bulkLoad';
import { fullAccessSession, resetPassword } from '../db/repositories/accounts';
import { demoOffice } from './demoOffice';
import { GENERATOR_TODAY } from './generator';

/** The demo administrator's login; printed in the README, never used outside the development server. */
export const DEMO_LOGIN = { username: 'admin', password: 'hamkorlik-demo' } as const;

/**
 * Fills an empty database with a generated office for demos (`npm run seed -- --families N`,
 * development server only): the office, its mahallas and users, and N families with their history.
 * The office's first user becomes `admin` with the demo password. Ends logged out.
 */
export async function seedDemo(db: HamkorlikDb, families: number): Promise<void> {
  const { set, userId, installationId } = demoOffice({ families, seed: 7 });
  db.session = fullAccessSession(userId, installationId);
  await loadRecordSet(db, set, GENERATOR_TODAY, { kind: 'demo' });
  await makeDemoAdministrator(db, userId);
  await db.settings.put({ key: 'setupCompletedAt', value: new Date().toISOString() });
  db.session = null;
}

/** Gives a generated office's first user the demo login (needs a session that manages accounts). */
export async function makeDemoAdministrator(db: HamkorlikDb, userId: string): Promise<void> {
  await db.users.update(userId, { username: DEMO_LOGIN.username, roles: ['administrator', 'supervisor', 'caseManager'] });
  await resetPassword(db, userId, DEMO_LOGIN.password, DEMO_LOGIN.password, { mustChange: false });
}
