import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { DexieOptions } from 'dexie';

/** Dexie options over a fresh in-memory IndexedDB, so each test starts from nothing. For tests only. */
export function memoryDexieOptions(): DexieOptions {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

/** The optional details of a person left empty, as a quickly entered family member has them. For tests only. */
export const NO_PERSON_DETAILS = {
  pinfl: null,
  pinflCheckAccepted: false,
  document: null,
  education: null,
  employment: null,
  disability: null,
  migration: null,
  healthNotes: '',
} as const;
