import type { Transaction } from 'dexie';

/**
 * One schema version: the Dexie store definitions and, when data must change shape, an upgrade.
 * Each version lives in its own file with a test that opens a database seeded at the previous version.
 */
export interface SchemaVersion {
  version: number;
  /** Dexie store specs; `null` deletes a table. Only tables that change need to be listed. */
  stores: Record<string, string | null>;
  upgrade?: (transaction: Transaction) => Promise<void>;
}
