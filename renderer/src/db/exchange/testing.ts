import type { DexieOptions } from 'dexie';
import { demoOffice } from '../../devtools/demoOffice';
import { GENERATOR_TODAY } from '../../devtools/generator';
import { KDF_MIN } from '../../exchange';
import { concatBytes } from '../../exchange/bytes';
import { loadRecordSet } from '../bulkLoad';
import { HamkorlikDb } from '../db';
import { memoryDexieOptions } from '../testing';
import { grant } from '../grants';
import { fullAccessSession } from '../repositories/accounts';
import { setUpExchange } from './exchangeKeys';

/** Test helpers for backups and restores: a seeded office, a table-by-table snapshot, an in-memory file. For tests only. */

export const PASSPHRASE = 'Gʻijduvon oila boʻlimi 2026';
export const TEST_KDF = { kdf: KDF_MIN };

/** Incompressible bytes, like a stored DOCX. */
export function noise(seed: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed * 2654435761 + 1;
  for (let i = 0; i < length; i += 1) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}

/**
 * Fills `db` with a generated office (its cases counted by the filter counters), a password hash,
 * registered documents with their bytes, a few case-work records and the office's exchange keys.
 * Works at any schema version from v5 on; case-work tables only from v6.
 */
export async function seedOffice(db: HamkorlikDb, options: { families?: number; documents?: number } = {}): Promise<{ userId: string; installationId: string; recoveryKey: string }> {
  const { set, userId, installationId } = demoOffice({ families: options.families ?? 30, seed: 11 });
  db.session = fullAccessSession(userId, installationId);
  await loadRecordSet(db, set, GENERATOR_TODAY);
  const tables = new Set(db.tables.map((table) => table.name));
  await db.transaction('rw', db.tables.filter((table) => ['credentials', 'documents', 'documentFiles', 'settings', 'assessments', 'services'].includes(table.name)), async (tx) => {
    grant(tx, { credentials: true, bulk: { kind: 'test' } });
    await db.credentials.put({ id: userId, hash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA', changedAt: '2026-01-01T00:00:00.000Z', mustChange: false, failedAttempts: 1, lastFailedAt: null });
    await db.settings.put({ key: 'setupCompletedAt', value: '2026-01-01T00:00:00.000Z' });
    const count = options.documents ?? 5;
    const kase = set.cases[0]!;
    for (let i = 0; i < count; i += 1) {
      const id = `doc-${String(i).padStart(3, '0')}`;
      await db.table('documents').put({ id, kind: 'familyPlan', caseId: kase.id, year: 2026, seq: i + 1, registerNumber: `OR-${i + 1}`, deletedAt: null, createdAt: '2026-02-01T00:00:00.000Z' });
      await db.table('documentFiles').put({ id, bytes: noise(i, 2000 + i * 300) });
    }
    // Values JSON alone would not bring back: a Date, -0, a property holding undefined (left out).
    if (tables.has('assessments')) await db.table('assessments').put({ id: 'as-1', caseId: kase.id, version: 1, status: 'draft', children: [{ personId: 'p-1', ratings: { health: 1 } }], completedAt: new Date('2026-03-01T00:00:00Z') });
    if (tables.has('services')) await db.table('services').put({ id: 'sv-1', caseId: kase.id, actionId: 'a1', date: '2026-03-02', description: 'Ўқув қуроллари', result: -0, deliveredBy: undefined });
  });
  const { recoveryKey } = await setUpExchange(db, PASSPHRASE, TEST_KDF);
  return { userId, installationId, recoveryKey };
}

/** Every table's records in primary-key order, read with the credentials opened. */
export async function snapshot(db: HamkorlikDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    out[table.name] = await db.transaction('r', table, (tx) => {
      grant(tx, { credentials: true });
      return table.toArray();
    });
  }
  return out;
}

/** A file in memory: the sink a backup writes to, and sources over its bytes (as written, or altered). */
export function memoryFile(): { write(chunk: Uint8Array): void; bytes(): Uint8Array } {
  const chunks: Uint8Array[] = [];
  return { write: (chunk) => void chunks.push(chunk.slice()), bytes: () => concatBytes(chunks) };
}

/** The bytes in chunks of an awkward size, as a host file stream would hand them over. */
export async function* chunksOf(bytes: Uint8Array, size = 7919): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}

/** Names of the databases that exist under these Dexie options. */
export async function databaseNames(options: DexieOptions): Promise<string[]> {
  return (await (options.indexedDB as IDBFactory).databases()).map((info) => info.name ?? '').sort();
}

/**
 * An office for transfer tests: a generated office (its own seed, so its own ids, PINFLs and
 * users) loaded with the first user working with every role. No exchange keys: transfers between
 * offices use a passphrase. For tests only.
 */
export async function transferOffice(name: string, seed: number, families = 8) {
  const db = new HamkorlikDb(name, memoryDexieOptions());
  db.clock = () => new Date('2026-11-24T10:00:00Z');
  await db.open();
  const { set, userId, installationId } = demoOffice({ families, seed });
  db.session = fullAccessSession(userId, installationId);
  await loadRecordSet(db, set, GENERATOR_TODAY);
  const office = set.officeProfile!;
  const peer = { districtCode: office.districtCode, officeName: { ...office.name }, installationId };
  return { db, userId, installationId, office, peer };
}
