import type { HamkorlikDb } from '../db';
import { DomainError } from '../../domain/errors';
import { defaultAgencies } from '../../domain/directoryDefaults';
import { mahallaKey, mahallaNameSchema, type Mahalla } from '../../domain/mahalla';
import type { TriLingualText } from '../../domain/names';
import { OFFICE_PROFILE_ID, officeDraftSchema, type OfficeDraft, type OfficeProfile } from '../../domain/office';
import { newId, newRecordMeta, type WriteContext } from '../../domain/record';
import { passwordProblem } from '../../domain/password';
import { usernameSchema, type FirstUserDraft, type User } from '../../domain/user';
import { grant } from '../grants';
import { hashPassword } from '../passwords';
import { sessionFor } from './accounts';
import { newUser } from './users';

export interface FirstRunInput {
  office: OfficeDraft;
  mahallas: TriLingualText[];
  administrator: FirstUserDraft & { username: string };
  password: string;
  repeatPassword: string;
}

export interface FirstRunResult {
  office: OfficeProfile;
  administrator: User;
  mahallas: Mahalla[];
}

/**
 * Finishes first-run setup in one transaction: the administrator (who is also the author of
 * everything setup writes), the office profile and its mahallas. Half a setup is never stored.
 */
export async function completeFirstRun(db: HamkorlikDb, input: FirstRunInput, installationId: string): Promise<FirstRunResult> {
  const adminId = newId();
  const context: WriteContext = { userId: adminId, installationId, now: db.clock() };
  const username = usernameSchema.safeParse(input.administrator.username);
  if (!username.success) throw new DomainError('invalid', `username:${username.error.issues[0]?.message}`);
  const problem = passwordProblem(input.password, input.repeatPassword, username.data);
  if (problem) throw new DomainError('passwordRules', problem);
  // The head of a small office both administers and supervises; more accounts come later.
  const administrator = newUser(input.administrator, username.data, ['administrator', 'supervisor'], context, adminId);
  const officeDraft = officeDraftSchema.safeParse(input.office);
  if (!officeDraft.success) throw new DomainError('invalid', JSON.stringify(officeDraft.error.issues));
  const office: OfficeProfile = { ...newRecordMeta(context, OFFICE_PROFILE_ID), ...officeDraft.data };
  const keys = new Set<string>();
  const mahallas = input.mahallas.map((name) => {
    const parsed = mahallaNameSchema.safeParse(name);
    if (!parsed.success) throw new DomainError('invalid', JSON.stringify(parsed.error.issues));
    const key = mahallaKey(parsed.data.uzLatn);
    if (keys.has(key)) throw new DomainError('duplicate', parsed.data.uzLatn);
    keys.add(key);
    return { ...newRecordMeta(context), name: parsed.data };
  });

  const hash = await hashPassword(input.password);

  // Everything setup stores is the administrator's, who is logged in once it is stored.
  const session = sessionFor(administrator, installationId);
  await db.transaction('rw', [db.users, db.officeProfile, db.mahallas, db.settings, db.credentials, db.agencies], async (tx) => {
    grant(tx, { actor: session, credentials: true });
    if (await db.officeProfile.get(OFFICE_PROFILE_ID)) throw new DomainError('setupDone');
    await db.users.add(administrator);
    await db.credentials.add({ id: adminId, hash, changedAt: context.now.toISOString(), mustChange: false, failedAttempts: 0, lastFailedAt: null });
    await db.officeProfile.add(office);
    await db.mahallas.bulkAdd(mahallas);
    await db.agencies.bulkAdd(defaultAgencies(context));
    await db.settings.put({ key: 'setupCompletedAt', value: context.now.toISOString() });
  });
  db.session = session;
  return { office, administrator, mahallas };
}
