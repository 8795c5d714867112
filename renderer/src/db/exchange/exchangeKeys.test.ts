import { beforeEach, describe, expect, it } from 'vitest';
import { HamkorlikDb } from '../db';
import { memoryDexieOptions } from '../testing';
import { changeExchangePassphrase, exchangeStatus, keysOf, passphraseProblem, setUpExchange, unlockExchange } from './exchangeKeys';
import { TEST_KDF } from './testing';
import { unlockDataKey } from '../../exchange';

const INSTALLATION = 'inst-keys';
const admin = { userId: 'admin', installationId: INSTALLATION, roles: ['administrator' as const], mahallaIds: [] };
const supervisor = { userId: 'sup', installationId: INSTALLATION, roles: ['supervisor' as const], mahallaIds: [] };
const caseManager = { userId: 'cm', installationId: INSTALLATION, roles: ['caseManager' as const], mahallaIds: ['m1'] };
const PASSPHRASE = 'Buxoro, Gʻijduvon 2026';

let db: HamkorlikDb;

beforeEach(async () => {
  db = new HamkorlikDb('keys', memoryDexieOptions());
  db.clock = () => new Date('2026-05-01T09:00:00Z');
  await db.open();
  db.session = admin;
});

const codeOf = async (promise: Promise<unknown>) => promise.then(() => 'resolved', (error: { code?: string }) => error.code);

describe('the office exchange keys', () => {
  it('set up once by an administrator: the passphrase and the printed recovery key both unwrap the same data key', async () => {
    expect(await exchangeStatus(db)).toEqual({ configured: false, setUpAt: null, passphraseChangedAt: null, lastBackupAt: null, lastBackupFile: null });
    const { recoveryKey } = await setUpExchange(db, PASSPHRASE, TEST_KDF);
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/u);
    expect(await exchangeStatus(db)).toMatchObject({ configured: true, setUpAt: '2026-05-01T09:00:00.000Z' });
    const byPassphrase = keysOf(await unlockExchange(db, { passphrase: PASSPHRASE }));
    // Typed from paper: lower case, spaces instead of dashes.
    const byRecovery = keysOf(await unlockExchange(db, { recoveryKey: recoveryKey.toLowerCase().replaceAll('-', ' ') }));
    expect(byRecovery.dataKey).toEqual(byPassphrase.dataKey);
    expect(await codeOf(setUpExchange(db, 'another passphrase', TEST_KDF))).toBe('duplicate');
  });

  it('stores only wrapped keys, and the audit records that they changed but never the slots', async () => {
    const { recoveryKey } = await setUpExchange(db, PASSPHRASE, TEST_KDF);
    const dataKey = keysOf(await unlockExchange(db, { passphrase: PASSPHRASE })).dataKey;
    const stored = JSON.stringify(await db.settings.get('exchangeKeys'));
    expect(stored).not.toContain(Buffer.from(dataKey).toString('base64'));
    expect(stored).not.toContain(recoveryKey);
    await changeExchangePassphrase(db, { passphrase: PASSPHRASE }, 'a new office passphrase', TEST_KDF);
    const entries = await db.audit.where('[table+recordId]').equals(['settings', 'exchangeKeys']).toArray();
    expect(entries.map((entry) => entry.op).sort()).toEqual(['create', 'update']);
    for (const entry of entries) expect(entry.changes.find((change) => change.field === 'value')).toEqual({ field: 'value', from: null, to: null });
    expect(JSON.stringify(entries)).not.toContain('wrapped');
  });

  it('the holder is opaque: serializing it shows no key', async () => {
    await setUpExchange(db, PASSPHRASE, TEST_KDF);
    const holder = await unlockExchange(db, { passphrase: PASSPHRASE });
    expect(JSON.stringify(holder)).toBe('{"kind":"officeKeys"}');
    expect(() => keysOf(structuredClone(holder))).toThrow(expect.objectContaining({ code: 'invalidInput' }));
  });

  it('tells a wrong passphrase, a wrong recovery key and a mistyped one apart', async () => {
    await setUpExchange(db, PASSPHRASE, TEST_KDF);
    expect(await codeOf(unlockExchange(db, { passphrase: 'buxoro, gʻijduvon 2026' }))).toBe('wrongPassphrase');
    const other = (await setUpExchange(new HamkorlikDbWithAdmin(), PASSPHRASE, TEST_KDF)).recoveryKey;
    expect(await codeOf(unlockExchange(db, { recoveryKey: other }))).toBe('wrongRecoveryKey');
    expect(await codeOf(unlockExchange(db, { recoveryKey: 'ABCD-EFGH' }))).toBe('recoveryKeyMalformed');
  });

  it('a forgotten passphrase is replaced with the recovery key; the data key stays, so old backups still open', async () => {
    const { recoveryKey } = await setUpExchange(db, PASSPHRASE, TEST_KDF);
    const before = keysOf(await unlockExchange(db, { passphrase: PASSPHRASE })).dataKey;
    expect((await exchangeStatus(db)).passphraseChangedAt).toBeNull();
    await changeExchangePassphrase(db, { recoveryKey }, 'remembered this time', TEST_KDF);
    expect((await exchangeStatus(db)).passphraseChangedAt).toBe(db.clock().toISOString());
    expect(await codeOf(unlockExchange(db, { passphrase: PASSPHRASE }))).toBe('wrongPassphrase');
    expect(keysOf(await unlockExchange(db, { passphrase: 'remembered this time' })).dataKey).toEqual(before);
    expect(keysOf(await unlockExchange(db, { recoveryKey })).dataKey).toEqual(before);
    expect(await codeOf(changeExchangePassphrase(db, { passphrase: 'not the current one' }, 'whatever passphrase', TEST_KDF))).toBe('wrongPassphrase');
  });

  it('after a change, the keys an earlier backup carries still open with the old passphrase and the recovery key, to the key the new passphrase unlocks', async () => {
    const { recoveryKey } = await setUpExchange(db, PASSPHRASE, TEST_KDF);
    // A backup written now carries these slots in its header.
    const earlier = keysOf(await unlockExchange(db, { passphrase: PASSPHRASE })).slots;
    await changeExchangePassphrase(db, { passphrase: PASSPHRASE }, 'a new office passphrase', TEST_KDF);
    const now = keysOf(await unlockExchange(db, { passphrase: 'a new office passphrase' }));
    expect(await unlockDataKey(earlier, { passphrase: PASSPHRASE })).toEqual(now.dataKey);
    expect(await unlockDataKey(earlier, { recoveryKey })).toEqual(now.dataKey);
    expect(await unlockDataKey(now.slots, { recoveryKey })).toEqual(now.dataKey);
    expect(await codeOf(unlockDataKey(earlier, { passphrase: 'a new office passphrase' }))).toBe('wrongPassphrase');
  });

  it('refuses a short passphrase', async () => {
    expect(passphraseProblem('  short  ')).toBe('tooShort');
    expect(passphraseProblem('ten chars!')).toBeNull();
    expect(await codeOf(setUpExchange(db, 'short', TEST_KDF))).toBe('invalid');
    expect((await exchangeStatus(db)).configured).toBe(false);
  });

  it('only administrators set up and change; supervisors unlock to write backups; case managers neither', async () => {
    db.session = supervisor;
    expect(await codeOf(setUpExchange(db, PASSPHRASE, TEST_KDF))).toBe('forbidden');
    db.session = admin;
    const { recoveryKey } = await setUpExchange(db, PASSPHRASE, TEST_KDF);
    db.session = supervisor;
    expect(await codeOf(changeExchangePassphrase(db, { recoveryKey }, 'taken over by me', TEST_KDF))).toBe('forbidden');
    await expect(unlockExchange(db, { passphrase: PASSPHRASE })).resolves.toBeTruthy();
    db.session = caseManager;
    expect(await codeOf(unlockExchange(db, { passphrase: PASSPHRASE }))).toBe('forbidden');
    expect(await codeOf(setUpExchange(db, PASSPHRASE, TEST_KDF))).toBe('forbidden');
  });
});

/** A second office, for a recovery key that belongs elsewhere. */
class HamkorlikDbWithAdmin extends HamkorlikDb {
  constructor() {
    super('other-office', memoryDexieOptions());
    this.session = admin;
  }
}
