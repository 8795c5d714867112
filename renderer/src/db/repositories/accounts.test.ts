import { beforeEach, describe, expect, it } from 'vitest';
import { argon2id } from 'hash-wasm';
import { biScriptFrom } from '../../domain/names';
import { argon2ParamsOf, ARGON2_PARAMS } from '../../domain/password';
import { HamkorlikDb, type Credential } from '../db';
import { grant } from '../grants';
import { memoryDexieOptions } from '../testing';
import { changeOwnPassword, changePasswordAtLogin, createAccount, updateAccount, fullAccessSession, listAccounts, login, logout, resetPassword, setAccountActive, unlock } from './accounts';
import { queryAudit } from './auditLog';

const INSTALLATION = '9a9b9c9d-0000-4000-8000-000000000002';
let db: HamkorlikDb;
let now: Date;

beforeEach(async () => {
  db = new HamkorlikDb('accounts', memoryDexieOptions());
  now = new Date('2026-11-23T08:00:00Z');
  db.clock = () => now;
  db.installationId = INSTALLATION;
  await db.open();
  db.session = fullAccessSession('admin-1', INSTALLATION);
  await db.users.add({
    id: 'admin-1', installationId: INSTALLATION, createdAt: now.toISOString(), createdBy: 'admin-1', updatedAt: now.toISOString(), updatedBy: 'admin-1', rev: 1, deletedAt: null,
    username: 'head', fullName: biScriptFrom('Karimova Dilnoza'), position: 'Boshliq', phone: null, roles: ['administrator', 'supervisor'], mahallaIds: [], active: true,
  });
});

const newAccount = (username: string) =>
  createAccount(db, { username, fullName: biScriptFrom('Aliyev Bobur'), position: 'Keys-menejer', phone: '+998 90 123 45 67', roles: ['caseManager'], mahallaIds: [] }, 'first-pass-1', 'first-pass-1');

/** Reads a stored credential the way only the accounts repository may: in a transaction granted for it. */
function stored(userId: string): Promise<Credential | undefined> {
  return db.transaction('r', db.credentials, (tx) => {
    grant(tx, { credentials: true });
    return db.credentials.get(userId);
  });
}

async function storedHash(userId: string): Promise<string> {
  return (await stored(userId))!.hash;
}

describe('accounts and offline login', () => {
  it('hashes with Argon2id at OWASP strength or more, the parameters stored with the hash; the right password logs in, a wrong one does not', async () => {
    const user = await newAccount('bobur');
    const hash = await storedHash(user.id);
    expect(hash.startsWith('$argon2id$v=19$')).toBe(true);
    expect(argon2ParamsOf(hash)).toEqual({ memoryKiB: 19_456, iterations: 2, parallelism: 1 });
    expect(hash).not.toContain('first-pass-1');
    await logout(db);
    await expect(login(db, 'bobur', 'first-pass-2')).rejects.toMatchObject({ code: 'badCredentials' });
    expect(db.session).toBeNull();
    await expect(login(db, 'nobody', 'first-pass-1')).rejects.toMatchObject({ code: 'badCredentials' });
    // Usernames are compared without case or surrounding spaces. A password set by the administrator
    // must be replaced before anything else: nobody is logged in until it is.
    await expect(login(db, ' Bobur ', 'first-pass-1')).resolves.toMatchObject({ user: { id: user.id }, mustChange: true });
    expect(db.session).toBeNull();
    await expect(changePasswordAtLogin(db, 'bobur', 'wrong-current', 'my-own-pass', 'my-own-pass')).rejects.toMatchObject({ code: 'badCredentials' });
    expect(db.session).toBeNull();
    await changePasswordAtLogin(db, 'bobur', 'first-pass-1', 'my-own-pass', 'my-own-pass');
    expect(db.session).toMatchObject({ userId: user.id, roles: ['caseManager'] });
    await changeOwnPassword(db, 'my-own-pass', 'my-newer-pass', 'my-newer-pass');
    await logout(db);
    await expect(login(db, 'bobur', 'my-own-pass')).rejects.toMatchObject({ code: 'badCredentials' });
    await expect(login(db, 'bobur', 'my-newer-pass')).resolves.toMatchObject({ mustChange: false });
  });

  it('five wrong passwords start a delay that grows; the right password after the delay logs in', async () => {
    await newAccount('bobur');
    await logout(db);
    for (let attempt = 1; attempt <= 4; attempt++) {
      await expect(login(db, 'bobur', 'wrong')).rejects.toMatchObject({ code: 'badCredentials', message: 'badCredentials' });
    }
    // The fifth failure says when the next attempt is allowed: 30 s later.
    await expect(login(db, 'bobur', 'wrong')).rejects.toMatchObject({ code: 'badCredentials', message: '2026-11-23T08:00:30.000Z' });
    // During the wait even the right password is refused, without being checked.
    await expect(login(db, 'bobur', 'first-pass-1')).rejects.toMatchObject({ code: 'loginThrottled', message: '2026-11-23T08:00:30.000Z' });
    now = new Date('2026-11-23T08:00:31Z');
    // The sixth failure doubles the wait.
    await expect(login(db, 'bobur', 'wrong')).rejects.toMatchObject({ code: 'badCredentials', message: '2026-11-23T08:01:31.000Z' });
    now = new Date('2026-11-23T08:01:00Z');
    await expect(login(db, 'bobur', 'first-pass-1')).rejects.toMatchObject({ code: 'loginThrottled' });
    now = new Date('2026-11-23T08:01:32Z');
    await expect(login(db, 'bobur', 'first-pass-1')).resolves.toMatchObject({ user: { username: 'bobur' } });
    // Success resets the count: four more mistakes cost nothing.
    await logout(db);
    for (let attempt = 1; attempt <= 4; attempt++) await expect(login(db, 'bobur', 'wrong')).rejects.toMatchObject({ message: 'badCredentials' });
  });

  it('a hash cheaper than required now is redone at its owner’s next login', async () => {
    const user = await newAccount('bobur');
    const weak = await argon2id({ password: 'first-pass-1', salt: new Uint8Array(16).fill(7), memorySize: 8_192, iterations: 1, parallelism: 1, hashLength: 32, outputType: 'encoded' });
    await db.transaction('rw', db.credentials, (tx) => {
      grant(tx, { credentials: true });
      return db.credentials.update(user.id, { hash: weak });
    });
    db.session = null;
    await login(db, 'bobur', 'first-pass-1');
    expect(argon2ParamsOf(await storedHash(user.id))).toMatchObject({ memoryKiB: ARGON2_PARAMS.memoryKiB, iterations: ARGON2_PARAMS.iterations });
  });

  it('a disabled account cannot log in; accounts are never deleted; the administrator cannot disable themselves', async () => {
    const user = await newAccount('bobur');
    await setAccountActive(db, user.id, false);
    await expect(setAccountActive(db, 'admin-1', false)).rejects.toMatchObject({ code: 'invalid' });
    await logout(db);
    await expect(login(db, 'bobur', 'first-pass-1')).rejects.toMatchObject({ code: 'accountDisabled' });
    db.session = fullAccessSession('admin-1', INSTALLATION);
    expect((await listAccounts(db)).map((u) => [u.username, u.active])).toEqual([
      ['bobur', false],
      ['head', true],
    ]);
  });

  it('refuses usernames twice, weak and mistyped passwords', async () => {
    await newAccount('bobur');
    await expect(newAccount('BOBUR')).rejects.toMatchObject({ code: 'invalid', message: 'username:duplicate' });
    const draft = { username: 'zarina', fullName: biScriptFrom('Olimova Zarina'), position: 'X', phone: '', roles: ['viewer' as const], mahallaIds: [] };
    await expect(createAccount(db, draft, 'short', 'short')).rejects.toMatchObject({ code: 'passwordRules', message: 'tooShort' });
    await expect(createAccount(db, draft, 'zarina', 'zarina')).rejects.toMatchObject({ code: 'passwordRules' });
    await expect(createAccount(db, draft, 'long-enough-1', 'long-enough-2')).rejects.toMatchObject({ code: 'passwordRules', message: 'mismatch' });
    await expect(createAccount(db, { ...draft, username: 'has space' }, 'long-enough-1', 'long-enough-1')).rejects.toMatchObject({ code: 'invalid', message: 'username:usernameFormat' });
    await expect(createAccount(db, { ...draft, roles: [] }, 'long-enough-1', 'long-enough-1')).rejects.toMatchObject({ code: 'invalid', message: 'roles:rolesRequired' });
  });

  it('no password or hash reaches lists or the audit; resets, logins and failed logins are audited', async () => {
    const user = await newAccount('bobur');
    await resetPassword(db, user.id, 'reset-pass-9', 'reset-pass-9');
    const hash = await storedHash(user.id);
    await logout(db);
    await expect(login(db, 'bobur', 'wrong-pass')).rejects.toMatchObject({ code: 'badCredentials' });
    await changePasswordAtLogin(db, 'bobur', 'reset-pass-9', 'chosen-pass-7', 'chosen-pass-7');
    await new Promise((resolve) => setTimeout(resolve, 10));
    db.session = fullAccessSession('admin-1', INSTALLATION);
    const everything = JSON.stringify([await listAccounts(db), (await queryAudit(db, {})).entries]);
    for (const secret of ['first-pass-1', 'reset-pass-9', 'wrong-pass', 'chosen-pass-7', hash, hash.split('$').pop()!]) expect(everything).not.toContain(secret);
    const ops = (await queryAudit(db, { userId: user.id })).entries.map((entry) => entry.op);
    expect(ops).toEqual(expect.arrayContaining(['login', 'loginFailed']));
    const credentialChanges = (await queryAudit(db, {})).entries.filter((entry) => entry.table === 'credentials' && entry.recordId === user.id);
    expect(credentialChanges.map((entry) => [entry.op, entry.userId])).toContainEqual(['update', 'admin-1']);
  });

  it('unlocking needs the same user’s password', async () => {
    const user = await newAccount('bobur');
    await logout(db);
    await changePasswordAtLogin(db, 'bobur', 'first-pass-1', 'own-pass-11', 'own-pass-11');
    await expect(unlock(db, 'first-pass-2')).rejects.toMatchObject({ code: 'badCredentials' });
    await expect(unlock(db, 'own-pass-11')).resolves.toMatchObject({ user: { id: user.id } });
    expect(db.session?.userId).toBe(user.id);

    // While locked, the administrator gives the user another role: unlocking starts a session with it.
    const locked = db.session;
    db.session = fullAccessSession('admin-1', INSTALLATION);
    await updateAccount(db, user.id, { username: 'bobur', fullName: user.fullName, position: user.position, phone: '', roles: ['caseManager', 'supervisor'], mahallaIds: [] });
    db.session = locked;
    await unlock(db, 'own-pass-11');
    expect(db.session?.roles).toEqual(['caseManager', 'supervisor']);

    // While locked, the administrator resets the password: nobody stays logged in; the user chooses a new one at login.
    db.session = fullAccessSession('admin-1', INSTALLATION);
    await resetPassword(db, user.id, 'reset-pass-12', 'reset-pass-12');
    db.session = locked;
    await expect(unlock(db, 'own-pass-11')).rejects.toMatchObject({ code: 'badCredentials' });
    await expect(unlock(db, 'reset-pass-12')).resolves.toMatchObject({ mustChange: true });
    expect(db.session).toBeNull();
  });
});

describe('grants', () => {
  it('open the credentials to one transaction only: other reads meanwhile are refused', async () => {
    const user = await newAccount('bobur');
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const granted = db.transaction('r', db.credentials, async (tx) => {
      grant(tx, { credentials: true });
      const credential = await db.credentials.get(user.id);
      await gate;
      return credential;
    });
    await expect(db.credentials.get(user.id)).rejects.toMatchObject({ code: 'forbidden' });
    release();
    await expect(granted).resolves.toMatchObject({ id: user.id });
  });

  it('a password typed into the username field is not kept anywhere', async () => {
    await logout(db);
    await expect(login(db, 'My-Secret-Pass!', 'anything')).rejects.toMatchObject({ code: 'badCredentials' });
    db.session = fullAccessSession('admin-1', INSTALLATION);
    expect(JSON.stringify((await queryAudit(db, {})).entries)).not.toMatch(/secret/iu);
  });

  it('parallel wrong attempts are all counted', async () => {
    const user = await newAccount('bobur');
    await logout(db);
    await Promise.allSettled(Array.from({ length: 5 }, () => login(db, 'bobur', 'wrong')));
    expect((await stored(user.id))?.failedAttempts).toBe(5);
    await expect(login(db, 'bobur', 'first-pass-1')).rejects.toMatchObject({ code: 'loginThrottled' });
  });
});
