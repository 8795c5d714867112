import { beforeEach, describe, expect, it } from 'vitest';
import { HamkorlikDb } from '../../db/db';
import { changeExchangePassphrase, keptOfficeKeys, unlockExchange } from '../../db/exchange';
import { PASSPHRASE, seedOffice, TEST_KDF } from '../../db/exchange/testing';
import { memoryDexieOptions } from '../../db/testing';
import { createMemoryHost, type MemoryHost } from '../../host/memoryHost';
import { keepKeyForAutomaticBackups, keyNotKeptReason } from './keyKeeping';

describe('keeping the office key for automatic backups', () => {
  let db: HamkorlikDb;
  let host: MemoryHost;
  const keepWith = async () => keepKeyForAutomaticBackups({ db, host }, await unlockExchange(db, { passphrase: PASSPHRASE }));

  beforeEach(async () => {
    db = new HamkorlikDb(`keep-${crypto.randomUUID()}`, memoryDexieOptions());
    await db.open();
    const { userId, installationId } = await seedOffice(db);
    db.session = { userId, installationId, roles: ['supervisor'], mahallaIds: [] };
    host = createMemoryHost();
  });

  it('says why where the system cannot protect it, or the disk refused it, and forgets it once the key is kept', async () => {
    const working = host.keepDataKey;
    host.keepDataKey = async () => ({ ok: false, error: { code: 'unsupported', detail: 'safeStorage' } });
    expect(await keepWith()).toEqual({ key: 'exchange:automatic.notKeptHere', detail: 'safeStorage' });
    expect(keyNotKeptReason()).toEqual({ key: 'exchange:automatic.notKeptHere', detail: 'safeStorage' });
    expect(await keptOfficeKeys(db, host)).toBeNull();

    host.keepDataKey = async () => ({ ok: false, error: { code: 'disk-full', detail: 'ENOSPC' } });
    expect(await keepWith()).toEqual({ key: 'exchange:automatic.notKept', cause: { key: 'errors:host.disk-full', detail: 'ENOSPC' } });

    host.keepDataKey = working;
    expect(await keepWith()).toBeNull();
    expect(keyNotKeptReason()).toBeNull();
    expect(await keptOfficeKeys(db, host)).not.toBeNull();
  });

  it('says nothing when the office keys changed meanwhile: the newer ones are kept by whoever changed them', async () => {
    const keys = await unlockExchange(db, { passphrase: PASSPHRASE });
    db.session = { ...db.session!, roles: ['administrator'] };
    await changeExchangePassphrase(db, { passphrase: PASSPHRASE }, 'changed at the same time', TEST_KDF);
    expect(await keepKeyForAutomaticBackups({ db, host }, keys)).toBeNull();
    expect(host.calls).not.toContain('keepDataKey');
  });
});
