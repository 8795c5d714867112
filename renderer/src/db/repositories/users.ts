import type { HamkorlikDb } from '../db';
import { DomainError } from '../../domain/errors';
import { newRecordMeta, type WriteContext } from '../../domain/record';
import { firstUserDraftSchema, type FirstUserDraft, type Role, type User } from '../../domain/user';

export function getUser(db: HamkorlikDb, id: string): Promise<User | undefined> {
  return db.users.get(id);
}

export function listUsers(db: HamkorlikDb): Promise<User[]> {
  return db.users.toArray();
}

/** Builds a validated user record; `context.userId` is the creator (the user itself on first run). */
export function newUser(draft: FirstUserDraft, username: string, roles: Role[], context: WriteContext, id?: string): User {
  const parsed = firstUserDraftSchema.safeParse(draft);
  if (!parsed.success) throw new DomainError('invalid', JSON.stringify(parsed.error.issues));
  return { ...newRecordMeta(context, id), ...parsed.data, username, phone: null, mahallaIds: [], roles, active: true };
}
