import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { DexieOptions } from 'dexie';

/** Dexie options over a fresh in-memory IndexedDB, so each test starts from nothing. For tests only. */
export function memoryDexieOptions(): DexieOptions {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}
