import type { Credential, HamkorlikDb } from '../db';
import type { WriteSession } from '../auditMiddleware';
import { canDo } from '../../domain/access';
import { DomainError } from '../../domain/errors';
import { loginDelayMs, needsRehash, passwordProblem } from '../../domain/password';
import { newRecordMeta, touched } from '../../domain/record';
import { accountDraftSchema, usernameSchema, type AccountDraft, type User } from '../../domain/user';
import { issuesByPath } from '../../domain/validation';
import { hashPassword, verifyPassword } from '../passwords';

/**
 * Accounts and passwords. The only module that touches the credentials table: hashes are made,
 * compared and stored here and never returned, so nothing above the data layer — screens, logs,
 * exports, the audit — can see one.
 */

/** The session a user works in after logging in: their roles and mahallas as they are now. */
export function sessionFor(user: User, installationId: string): WriteSession {
  return { userId: user.id, roles: [...user.roles], mahallaIds: [...user.mahallaIds], installationId };
}

/** A session with every role, for loading generated offices (demo seeding, benchmarks) and tests. */
export function fullAccessSession(userId: string, installationId: string): WriteSession {
  return { userId, installationId, roles: ['administrator', 'supervisor', 'caseManager'], mahallaIds: [] };
}

/** Runs `work` with the credentials table open, as `actor` (the session, or the account being logged into). */
function withCredentials<T>(db: HamkorlikDb, actor: WriteSession, work: () => Promise<T>): Promise<T> {
  return db.withSession((session) => ({ ...session, credentialAccess: true }), work, actor);
}

function requireManager(db: HamkorlikDb): WriteSession {
  const session = db.session;
  if (!session) throw new DomainError('noSession');
  if (!canDo(session, 'manageAccounts')) {
    db.logLater('refused', { table: 'users', recordId: '*', detail: 'manageAccounts' });
    throw new DomainError('forbidden', 'manageAccounts');
  }
  return session;
}

function checkPassword(password: string, repeat: string, username: string): void {
  const problem = passwordProblem(password, repeat, username);
  if (problem) throw new DomainError('passwordRules', problem);
}

function validAccount(draft: AccountDraft) {
  const parsed = accountDraftSchema.safeParse(draft);
  if (!parsed.success) {
    throw new DomainError('invalid', Object.entries(issuesByPath(parsed.error)).map(([path, code]) => `${path}:${code}`).join(' '));
  }
  return parsed.data;
}

async function assertUsernameFree(db: HamkorlikDb, username: string, exceptId?: string): Promise<void> {
  const other = await db.users.where('username').equals(username).first();
  if (other && other.id !== exceptId) throw new DomainError('invalid', 'username:duplicate');
}

async function newCredential(db: HamkorlikDb, userId: string, password: string, mustChange: boolean): Promise<Credential> {
  return { id: userId, hash: await hashPassword(password), changedAt: db.clock().toISOString(), mustChange, failedAttempts: 0, lastFailedAt: null };
}

export function listAccounts(db: HamkorlikDb): Promise<User[]> {
  return db.users.orderBy('username').toArray();
}

/** The administrator opens an account with a first password the user must change at their first login. */
export async function createAccount(db: HamkorlikDb, draft: AccountDraft, password: string, repeat: string): Promise<User> {
  const session = requireManager(db);
  const data = validAccount(draft);
  checkPassword(password, repeat, data.username);
  const context = db.writeContext();
  const user: User = { ...newRecordMeta(context), ...data, active: true };
  const credential = await newCredential(db, user.id, password, true);
  await withCredentials(db, session, () =>
    db.transaction('rw', [db.users, db.credentials], async () => {
      await assertUsernameFree(db, user.username);
      await db.users.add(user);
      await db.credentials.add(credential);
    }),
  );
  return user;
}

export async function updateAccount(db: HamkorlikDb, userId: string, draft: AccountDraft): Promise<User> {
  const session = requireManager(db);
  const data = validAccount(draft);
  return db.transaction('rw', db.users, async () => {
    const user = await db.users.get(userId);
    if (!user) throw new DomainError('notFound', userId);
    await assertUsernameFree(db, data.username, userId);
    if (userId === session.userId && !data.roles.includes('administrator')) throw new DomainError('invalid', 'roles:ownAdministrator');
    const next = touched(user, data, db.writeContext());
    await db.users.put(next);
    return next;
  });
}

/** Accounts are disabled, never deleted: history points at them. The last active administrator stays. */
export async function setAccountActive(db: HamkorlikDb, userId: string, active: boolean): Promise<void> {
  const session = requireManager(db);
  if (!active && userId === session.userId) throw new DomainError('invalid', 'active:self');
  await db.transaction('rw', db.users, async () => {
    const user = await db.users.get(userId);
    if (!user) throw new DomainError('notFound', userId);
    await db.users.put(touched(user, { active }, db.writeContext()));
  });
}

/**
 * The administrator sets a new password for a user who forgot theirs; the user changes it at the
 * next login (`mustChange: false` only for generated demo offices).
 */
export async function resetPassword(db: HamkorlikDb, userId: string, password: string, repeat: string, options: { mustChange?: boolean } = {}): Promise<void> {
  const session = requireManager(db);
  const user = await db.users.get(userId);
  if (!user) throw new DomainError('notFound', userId);
  checkPassword(password, repeat, user.username);
  const credential = await newCredential(db, userId, password, options.mustChange ?? true);
  await withCredentials(db, session, () => db.transaction('rw', db.credentials, () => db.credentials.put(credential)));
}

/** A user changes their own password, proving they know the current one. */
export async function changeOwnPassword(db: HamkorlikDb, current: string, password: string, repeat: string): Promise<void> {
  const session = db.session;
  if (!session) throw new DomainError('noSession');
  const user = await db.users.get(session.userId);
  if (!user) throw new DomainError('notFound', session.userId);
  checkPassword(password, repeat, user.username);
  if (password === current) throw new DomainError('passwordRules', 'sameAsCurrent');
  await withCredentials(db, session, async () => {
    const stored = await db.credentials.get(user.id);
    if (!stored || !(await verifyPassword(current, stored.hash))) throw new DomainError('badCredentials');
    // Hashed before the transaction: IndexedDB commits a transaction that waits on anything else.
    const credential = await newCredential(db, user.id, password, false);
    await db.transaction('rw', db.credentials, () => db.credentials.put(credential));
  });
}

/** True while no account of the office has a password: only then may the administrator set the first one at the login screen. */
export async function needsFirstPassword(db: HamkorlikDb): Promise<boolean> {
  const nobody: WriteSession = { userId: '', roles: [], mahallaIds: [], installationId: db.installationId };
  return withCredentials(db, nobody, async () => (await db.credentials.count()) === 0);
}

/** Sets the first password of an office whose data predates passwords, and logs the administrator in. */
export async function setFirstPassword(db: HamkorlikDb, username: string, password: string, repeat: string): Promise<LoginResult> {
  const user = await findUser(db, username);
  if (!user || !user.active || !user.roles.includes('administrator')) throw new DomainError('badCredentials');
  checkPassword(password, repeat, user.username);
  const session = sessionFor(user, db.installationId);
  const credential = await newCredential(db, user.id, password, false);
  await withCredentials(db, session, () =>
    db.transaction('rw', db.credentials, async () => {
      if ((await db.credentials.count()) > 0) throw new DomainError('forbidden', 'firstPassword');
      await db.credentials.add(credential);
    }),
  );
  db.session = session;
  await db.logEvent('login', { table: 'users', recordId: user.id });
  return { user, mustChange: false };
}

/** Sets the first administrator's password during first-run setup (the setup's own session). */
export async function setSetupPassword(db: HamkorlikDb, password: string, repeat: string): Promise<void> {
  const session = db.session;
  if (!session) throw new DomainError('noSession');
  const user = await db.users.get(session.userId);
  if (!user) throw new DomainError('notFound', session.userId);
  checkPassword(password, repeat, user.username);
  const credential = await newCredential(db, user.id, password, false);
  await withCredentials(db, session, () => db.transaction('rw', db.credentials, () => db.credentials.put(credential)));
}

async function findUser(db: HamkorlikDb, username: string): Promise<User | undefined> {
  const parsed = usernameSchema.safeParse(username);
  return parsed.success ? db.users.where('username').equals(parsed.data).first() : undefined;
}

export interface LoginResult {
  user: User;
  /** The password was set by an administrator: the user must choose their own now. */
  mustChange: boolean;
}

/**
 * Offline login. A wrong username and a wrong password get the same answer. After five failures
 * in a row each further attempt must wait (30 s, doubling, at most 15 min; `loginThrottled` with the
 * time of the next allowed attempt), the wait checked before the password so guessing cannot go on.
 * Success starts the user's session and resets the count; a hash cheaper than required is redone.
 */
export async function login(db: HamkorlikDb, username: string, password: string): Promise<LoginResult> {
  const user = await findUser(db, username);
  if (!user) {
    await db.logEvent('loginFailed', { table: 'users', recordId: '*', detail: username.trim().slice(0, 64), userId: 'unknown' });
    throw new DomainError('badCredentials');
  }
  const asUser = sessionFor(user, db.installationId);
  // While the password is checked the session holds no roles: only the credentials are open.
  const outcome = await withCredentials(db, { ...asUser, roles: [], mahallaIds: [] }, async () => {
    const stored = await db.credentials.get(user.id);
    if (!stored) return { ok: false as const, waitUntil: null };
    const now = db.clock();
    const delay = loginDelayMs(stored.failedAttempts);
    if (delay && stored.lastFailedAt && now.getTime() < Date.parse(stored.lastFailedAt) + delay) {
      return { ok: false as const, throttled: true, waitUntil: new Date(Date.parse(stored.lastFailedAt) + delay).toISOString() };
    }
    if (!(await verifyPassword(password, stored.hash))) {
      const failedAttempts = stored.failedAttempts + 1;
      await db.transaction('rw', db.credentials, () => db.credentials.put({ ...stored, failedAttempts, lastFailedAt: now.toISOString() }));
      const next = loginDelayMs(failedAttempts);
      return { ok: false as const, waitUntil: next ? new Date(now.getTime() + next).toISOString() : null };
    }
    if (stored.failedAttempts || needsRehash(stored.hash)) {
      const hash = needsRehash(stored.hash) ? await hashPassword(password) : stored.hash;
      await db.transaction('rw', db.credentials, () => db.credentials.put({ ...stored, hash, failedAttempts: 0, lastFailedAt: null }));
    }
    return { ok: true as const, mustChange: stored.mustChange };
  });
  if (!outcome.ok) {
    await db.logEvent('loginFailed', { table: 'users', recordId: user.id, detail: user.username, userId: user.id });
    if ('throttled' in outcome) throw new DomainError('loginThrottled', outcome.waitUntil ?? undefined);
    throw new DomainError('badCredentials', outcome.waitUntil ?? undefined);
  }
  if (!user.active) throw new DomainError('accountDisabled');
  db.session = asUser;
  await db.logEvent('login', { table: 'users', recordId: user.id });
  return { user, mustChange: outcome.mustChange };
}

/** Ends the session; the next person logs in. */
export async function logout(db: HamkorlikDb): Promise<void> {
  if (db.session) await db.logEvent('logout', { table: 'users', recordId: db.session.userId });
  db.session = null;
}

/** Unlocks the screen: the locked session's own user proves it is still them (same throttle as login). */
export async function unlock(db: HamkorlikDb, password: string): Promise<LoginResult> {
  const session = db.session;
  if (!session) throw new DomainError('noSession');
  const user = await db.users.get(session.userId);
  if (!user) throw new DomainError('notFound', session.userId);
  return login(db, user.username, password);
}
