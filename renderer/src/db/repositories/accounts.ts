import type { Table } from 'dexie';
import type { Credential, HamkorlikDb } from '../db';
import type { WriteSession } from '../auditMiddleware';
import { grant, type Grant } from '../grants';
import { canDo } from '../../domain/access';
import { DomainError } from '../../domain/errors';
import { loginDelayMs, needsRehash, passwordProblem } from '../../domain/password';
import { newRecordMeta, touched } from '../../domain/record';
import { accountDraftSchema, usernameSchema, type AccountDraft, type User } from '../../domain/user';
import { issuesByPath } from '../../domain/validation';
import { hashPassword, verifyPassword } from '../passwords';

/**
 * Accounts and passwords. The only module that touches the credentials table, each time in a
 * transaction granted for it (grants.ts): hashes are made, compared and stored here and never
 * returned, so nothing above the data layer — screens, logs, exports, the audit — can see one.
 */

/** The session a user works in after logging in: their roles and mahallas as they are now. */
export function sessionFor(user: User, installationId: string): WriteSession {
  return { userId: user.id, roles: [...user.roles], mahallaIds: [...user.mahallaIds], installationId };
}

/**
 * The session with the mahallas the user reads through the directory too: those a linked specialist
 * serves and those whose team has them as a member (a school psychologist in two mahalla teams
 * reads both). Read with the user as actor, since nobody is logged in yet.
 */
export async function sessionOf(db: HamkorlikDb, user: User, installationId = db.installationId): Promise<WriteSession> {
  const session = sessionFor(user, installationId);
  // A database opened at a schema before the directory (migration tests) has no teams to add.
  if (!db.tables.some((table) => table.name === 'specialists')) return session;
  const fromTeams = await db.transaction('r', [db.specialists, db.teams], async (tx) => {
    grant(tx, { actor: session });
    const specialist = await db.specialists.where('userId').equals(user.id).filter((s) => s.deletedAt === null).first();
    if (!specialist) return [];
    const teams = await db.teams.filter((team) => team.deletedAt === null && team.members.some((member) => member.specialistId === specialist.id)).toArray();
    return [...specialist.mahallaIds, ...teams.map((team) => team.mahallaId)];
  });
  return { ...session, mahallaIds: [...new Set([...session.mahallaIds, ...fromTeams])] };
}

/** A session with every role, for loading generated offices (demo seeding, benchmarks) and tests. */
export function fullAccessSession(userId: string, installationId: string): WriteSession {
  return { userId, installationId, roles: ['administrator', 'supervisor', 'caseManager'], mahallaIds: [] };
}

/** Runs `work` in a transaction on the credentials (and `others`) with the credentials opened. */
function inCredentials<T>(db: HamkorlikDb, mode: 'r' | 'rw', work: () => Promise<T>, extra: Omit<Grant, 'credentials'> = {}, others: Table[] = []): Promise<T> {
  return db.transaction(mode, [db.credentials, ...others], (tx) => {
    grant(tx, { ...extra, credentials: true });
    return work();
  });
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

/** A new credential; the hash is made before any transaction (IndexedDB commits one that waits on anything else). */
async function newCredential(db: HamkorlikDb, userId: string, password: string, mustChange: boolean): Promise<Credential> {
  return { id: userId, hash: await hashPassword(password), changedAt: db.clock().toISOString(), mustChange, failedAttempts: 0, lastFailedAt: null };
}

export function listAccounts(db: HamkorlikDb): Promise<User[]> {
  return db.users.orderBy('username').toArray();
}

/** The administrator opens an account with a first password the user must change at their first login. */
export async function createAccount(db: HamkorlikDb, draft: AccountDraft, password: string, repeat: string): Promise<User> {
  requireManager(db);
  const data = validAccount(draft);
  checkPassword(password, repeat, data.username);
  const user: User = { ...newRecordMeta(db.writeContext()), ...data, active: true };
  const credential = await newCredential(db, user.id, password, true);
  await inCredentials(
    db,
    'rw',
    async () => {
      await assertUsernameFree(db, user.username);
      await db.users.add(user);
      await db.credentials.add(credential);
    },
    {},
    [db.users],
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

/** Accounts are disabled, never deleted: history points at them. The administrator cannot disable themselves. */
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
  requireManager(db);
  const user = await db.users.get(userId);
  if (!user) throw new DomainError('notFound', userId);
  checkPassword(password, repeat, user.username);
  const credential = await newCredential(db, userId, password, options.mustChange ?? true);
  await inCredentials(db, 'rw', () => db.credentials.put(credential));
}

async function findUser(db: HamkorlikDb, username: string): Promise<User | undefined> {
  const parsed = usernameSchema.safeParse(username);
  return parsed.success ? db.users.where('username').equals(parsed.data).first() : undefined;
}

/**
 * Checks an account's password under the throttle. The attempt is counted before the password is
 * checked, so attempts in parallel cannot slip past the count; after five failures in a row each
 * further attempt must wait (30 s, doubling, at most 15 min) and is refused unchecked until then
 * (`loginThrottled` with the time of the next allowed attempt). A right password resets the count
 * and redoes a hash cheaper than required now. Returns whether the password was set by an administrator.
 */
async function checkCredential(db: HamkorlikDb, user: User, password: string): Promise<{ mustChange: boolean }> {
  // Writes before anyone is logged in are by the account being tried, with no roles.
  const actor: WriteSession = { userId: user.id, roles: [], mahallaIds: [], installationId: db.session?.installationId ?? db.installationId };
  const now = db.clock();
  const counted = await inCredentials(
    db,
    'rw',
    async () => {
      const stored = await db.credentials.get(user.id);
      if (!stored) return null;
      const delay = loginDelayMs(stored.failedAttempts);
      if (delay && stored.lastFailedAt && now.getTime() < Date.parse(stored.lastFailedAt) + delay) {
        return { stored, throttledUntil: new Date(Date.parse(stored.lastFailedAt) + delay).toISOString() };
      }
      const failedAttempts = stored.failedAttempts + 1;
      await db.credentials.put({ ...stored, failedAttempts, lastFailedAt: now.toISOString() });
      return { stored, throttledUntil: null, failedAttempts };
    },
    { actor },
  );
  const fail = async (code: 'badCredentials' | 'loginThrottled', until: string | null) => {
    await db.logEvent('loginFailed', { table: 'users', recordId: user.id, detail: user.username, userId: user.id });
    throw new DomainError(code, until ?? undefined);
  };
  if (!counted) return fail('badCredentials', null);
  if (counted.throttledUntil) return fail('loginThrottled', counted.throttledUntil);
  if (!(await verifyPassword(password, counted.stored.hash))) {
    const next = loginDelayMs(counted.failedAttempts ?? 0);
    return fail('badCredentials', next ? new Date(now.getTime() + next).toISOString() : null);
  }
  const rehashed = needsRehash(counted.stored.hash) ? await hashPassword(password) : null;
  await inCredentials(
    db,
    'rw',
    async () => {
      const current = await db.credentials.get(user.id);
      if (!current) return;
      // A password reset or changed meanwhile stays: the new hash replaces only the one just checked.
      const hash = rehashed && current.hash === counted.stored.hash ? rehashed : current.hash;
      await db.credentials.put({ ...current, hash, failedAttempts: 0, lastFailedAt: null });
    },
    { actor },
  );
  return { mustChange: counted.stored.mustChange };
}

export interface LoginResult {
  user: User;
  /**
   * The password was set by an administrator: nobody is logged in yet, and the user must choose
   * their own with `changePasswordAtLogin` first.
   */
  mustChange: boolean;
}

/**
 * Offline login. A wrong username and a wrong password get the same answer, and the audit keeps
 * nothing of what was typed for an unknown username (it may be a password typed in the wrong field).
 */
export async function login(db: HamkorlikDb, username: string, password: string): Promise<LoginResult> {
  const user = await findUser(db, username);
  if (!user) {
    await db.logEvent('loginFailed', { table: 'users', recordId: '*', userId: 'unknown' });
    throw new DomainError('badCredentials');
  }
  const { mustChange } = await checkCredential(db, user, password);
  if (!user.active) throw new DomainError('accountDisabled');
  if (mustChange) return { user, mustChange: true };
  db.session = await sessionOf(db, user);
  await db.logEvent('login', { table: 'users', recordId: user.id });
  return { user, mustChange: false };
}

async function replacePassword(db: HamkorlikDb, user: User, current: string, password: string, repeat: string, actor: WriteSession): Promise<void> {
  checkPassword(password, repeat, user.username);
  if (password === current) throw new DomainError('passwordRules', 'sameAsCurrent');
  await checkCredential(db, user, current);
  // Said only to someone who proved the password, as login does.
  if (!user.active) throw new DomainError('accountDisabled');
  const credential = await newCredential(db, user.id, password, false);
  await inCredentials(db, 'rw', () => db.credentials.put(credential), { actor });
}

/** A user whose password an administrator set chooses their own, and is then logged in. */
export async function changePasswordAtLogin(db: HamkorlikDb, username: string, current: string, password: string, repeat: string): Promise<LoginResult> {
  const user = await findUser(db, username);
  if (!user) throw new DomainError('badCredentials');
  const session = await sessionOf(db, user);
  await replacePassword(db, user, current, password, repeat, session);
  db.session = session;
  await db.logEvent('login', { table: 'users', recordId: user.id });
  return { user, mustChange: false };
}

/** A logged-in user changes their own password, proving they know the current one (under the same throttle). */
export async function changeOwnPassword(db: HamkorlikDb, current: string, password: string, repeat: string): Promise<void> {
  const session = db.session;
  if (!session) throw new DomainError('noSession');
  const user = await db.users.get(session.userId);
  if (!user) throw new DomainError('notFound', session.userId);
  await replacePassword(db, user, current, password, repeat, session);
}

/** True while no account of the office has a password: only then may the administrator set the first one at the login screen. */
export async function needsFirstPassword(db: HamkorlikDb): Promise<boolean> {
  return inCredentials(db, 'r', async () => (await db.credentials.count()) === 0);
}

/** Sets the first password of an office whose data predates passwords, and logs the administrator in. */
export async function setFirstPassword(db: HamkorlikDb, username: string, password: string, repeat: string): Promise<LoginResult> {
  const user = await findUser(db, username);
  if (!user || !user.active || !user.roles.includes('administrator')) throw new DomainError('badCredentials');
  checkPassword(password, repeat, user.username);
  const session = sessionFor(user, db.installationId);
  const credential = await newCredential(db, user.id, password, false);
  await inCredentials(
    db,
    'rw',
    async () => {
      if ((await db.credentials.count()) > 0) throw new DomainError('forbidden', 'firstPassword');
      await db.credentials.add(credential);
    },
    { actor: session },
  );
  db.session = session;
  await db.logEvent('login', { table: 'users', recordId: user.id });
  return { user, mustChange: false };
}

/** Ends the session; the next person logs in. */
export async function logout(db: HamkorlikDb): Promise<void> {
  if (db.session) await db.logEvent('logout', { table: 'users', recordId: db.session.userId });
  db.session = null;
}

/**
 * Unlocks the screen: the locked session's own user proves it is still them (same throttle as
 * login). The session is rebuilt from the account as it is now (an administrator may have changed
 * its roles meanwhile). If the administrator reset the password meanwhile, nobody stays logged in:
 * `mustChange` sends the user to the login screen to choose their own.
 */
export async function unlock(db: HamkorlikDb, password: string): Promise<LoginResult> {
  const session = db.session;
  if (!session) throw new DomainError('noSession');
  const user = await db.users.get(session.userId);
  if (!user) throw new DomainError('notFound', session.userId);
  const { mustChange } = await checkCredential(db, user, password);
  if (!user.active || mustChange) {
    db.session = null;
    if (!user.active) throw new DomainError('accountDisabled');
    return { user, mustChange: true };
  }
  db.session = await sessionOf(db, user, session.installationId);
  return { user, mustChange: false };
}
