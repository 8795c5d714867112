import { writeFile } from 'node:fs/promises';
import '../../renderer/src/app/zodSetup';
import { HamkorlikDb } from '../../renderer/src/db/db';
import { loadRecordSet } from '../../renderer/src/db/bulkLoad';
import { setUpExchange, unlockExchange, writeBackup } from '../../renderer/src/db/exchange';
import { memoryFile, PASSPHRASE, TEST_KDF } from '../../renderer/src/db/exchange/testing';
import { fullAccessSession } from '../../renderer/src/db/repositories/accounts';
import { memoryDexieOptions } from '../../renderer/src/db/testing';
import { demoOffice } from '../../renderer/src/devtools/demoOffice';
import { GENERATOR_TODAY } from '../../renderer/src/devtools/generator';
import { DEMO_LOGIN, makeDemoAdministrator } from '../../renderer/src/devtools/seedDemo';

/** The passphrase of the generated office's backup, and the login its administrator has after a restore. */
export const LARGE_BACKUP = { passphrase: PASSPHRASE, login: DEMO_LOGIN };

/**
 * Writes a backup of a generated office of `families` families to `path`, made in Node by the
 * app's own loader and backup writer over an in-memory IndexedDB: an e2e can then restore a
 * realistically large file without typing thousands of families. Returns the record counts.
 */
export async function writeLargeBackup(path: string, families: number): Promise<Record<string, number>> {
  const db = new HamkorlikDb('large-backup', memoryDexieOptions());
  await db.open();
  const { set, userId, installationId } = demoOffice({ families, seed: 23 });
  db.session = fullAccessSession(userId, installationId);
  await loadRecordSet(db, set, GENERATOR_TODAY);
  await makeDemoAdministrator(db, userId);
  await db.settings.put({ key: 'setupCompletedAt', value: '2026-01-01T00:00:00.000Z' });
  await setUpExchange(db, PASSPHRASE, TEST_KDF);
  const keys = await unlockExchange(db, { passphrase: PASSPHRASE });
  const file = memoryFile();
  const { counts } = await writeBackup(db, keys, { write: async (chunk) => file.write(chunk) }, { includeDocumentBytes: true });
  await writeFile(path, file.bytes());
  db.close();
  return counts;
}
